import Foundation
import RedlineText
import RedlineModel

/// Which of the article's fields changed: headline, standfirst, byline, and the time and author of
/// each entry found on both sides.
///
///     old: title "Talks in London end", entry e1 at 10:00 by "A. Writer"
///     new: title "Talks collapse",      entry e1 at 10:05 by "A. Writer"
///     → title edited (words: equal "Talks " · delete "in London end" · insert "collapse"),
///       entryTime of e1 edited "…T10:00:00Z" → "…T10:05:00Z"
///
/// Texts are compared as blocks are: white space folded, so markup-only changes are no change.
enum FieldComparison {
    /// The changed fields, the article's first, then the entries' in the new version's order.
    /// `entryPairs` gives, for each new entry, the old entry it continues (-1 when none).
    static func changes(_ old: Article, _ new: Article, entryPairs: [Int]) -> [FieldChange] {
        var changes: [FieldChange] = []
        compare(.title, old.title, new.title, into: &changes)
        compare(.standfirst, old.standfirst, new.standfirst, into: &changes)
        compare(.byline, old.byline, new.byline, into: &changes)
        for (j, i) in entryPairs.enumerated() where i >= 0 {
            let before = old.entries[i], after = new.entries[j]
            let entry = EntryReference(after)
            compare(.entryTime, before.time.map(Timestamp.format), after.time.map(Timestamp.format), entry: entry, into: &changes)
            compare(.entryAuthor, before.author, after.author, entry: entry, into: &changes)
        }
        return changes
    }

    private static func compare(_ field: FieldChange.Field, _ old: String?, _ new: String?, entry: EntryReference? = nil,
                                into changes: inout [FieldChange]) {
        let old = old.flatMap { $0.isEmpty ? nil : $0 }, new = new.flatMap { $0.isEmpty ? nil : $0 }
        switch (old, new) {
        case (nil, nil):
            return
        case (nil, let new?):
            changes.append(FieldChange(field: field, change: .added, newText: new, entry: entry))
        case (let old?, nil):
            changes.append(FieldChange(field: field, change: .removed, oldText: old, entry: entry))
        case (let old?, let new?):
            let same = old.withUTF8Bytes { a in new.withUTF8Bytes { b in FoldedText.equal(a, b) } }
            if !same {
                changes.append(FieldChange(field: field, change: .edited, oldText: old, newText: new, entry: entry,
                                           words: WordDiff.words(old, new)))
            }
        }
    }

    /// For each new entry, the old entry it continues, -1 when none: the one anchored to it by the
    /// page's id, else the one most of its unchanged blocks come from.
    static func entryPairs(anchors: EntryAnchors, steps: [EditStep], old: VersionBlocks, new: VersionBlocks) -> [Int] {
        var pairs = [Int](repeating: -1, count: new.article.entries.count)
        var oldTaken = [Bool](repeating: false, count: old.article.entries.count)
        for (i, j) in anchors.pairs { pairs[Int(j)] = Int(i); oldTaken[Int(i)] = true }
        var votes: [Int: [Int: Int]] = [:]   // new entry → old entry → blocks kept
        for step in steps where step.operation == .equal {
            let i = Int(old.entries[Int(step.old)]), j = Int(new.entries[Int(step.new)])
            guard i >= 0, j >= 0, pairs[j] < 0, !oldTaken[i] else { continue }
            votes[j, default: [:]][i, default: 0] += 1
        }
        for j in votes.keys.sorted() {
            guard let (i, _) = votes[j]!.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) }), !oldTaken[i] else { continue }
            pairs[j] = i
            oldTaken[i] = true
        }
        return pairs
    }
}
