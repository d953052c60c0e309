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
        // By index, and the times compared as times: a copy of each Entry, or each time written out,
        // would cost more than the rest of this on a blog of thousands of entries.
        for (j, i) in entryPairs.enumerated() where i >= 0 {
            if old.entries[i].time != new.entries[j].time {
                compare(.entryTime, old.entries[i].time.map(Timestamp.format), new.entries[j].time.map(Timestamp.format),
                        entry: EntryReference(new.entries[j]), into: &changes)
            }
            if old.entries[i].author != new.entries[j].author {
                compare(.entryAuthor, old.entries[i].author, new.entries[j].author, entry: EntryReference(new.entries[j]), into: &changes)
            }
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
            if !FoldedText.equal(old, new) {
                changes.append(FieldChange(field: field, change: .edited, oldText: old, newText: new, entry: entry,
                                           words: WordDiff.words(old, new)))
            }
        }
    }

    /// For each new entry, the old entry it continues, -1 when none: the one anchored to it by the
    /// page's id, else the one its unchanged blocks come from (the majority, by Boyer–Moore's vote).
    static func entryPairs(anchors: EntryAnchors, steps: [EditStep], old: VersionBlocks, new: VersionBlocks) -> [Int] {
        var pairs = [Int](repeating: -1, count: new.article.entries.count)
        var oldTaken = [Bool](repeating: false, count: old.article.entries.count)
        for (i, j) in anchors.pairs { pairs[Int(j)] = Int(i); oldTaken[Int(i)] = true }
        guard pairs.contains(-1) else { return pairs }
        var oldEntryOfNew = [Int32](repeating: -1, count: new.count)
        for step in steps where step.operation == .equal { oldEntryOfNew[Int(step.new)] = old.entries[Int(step.old)] }
        for j in pairs.indices where pairs[j] < 0 {
            var candidate: Int32 = -1, votes = 0
            for k in new.entryRanges[j] where oldEntryOfNew[k] >= 0 {
                if votes == 0 { candidate = oldEntryOfNew[k] }
                votes += oldEntryOfNew[k] == candidate ? 1 : -1
            }
            guard votes > 0, !oldTaken[Int(candidate)] else { continue }
            pairs[j] = Int(candidate)
            oldTaken[Int(candidate)] = true
        }
        return pairs
    }
}
