import RedlineText
import RedlineModel

/// Compares two versions of an article block by block.
///
///     old: [T "Talks begin", a, b, c]
///     new: [T' "Talks end", x, T "Talks begin", a, c, b']
///     → T' added, x added, T unchanged, a unchanged, c unchanged, b' moved (edited, words …)
///
/// The stages, each in its own file: both versions read into flat arrays with an id per text
/// (``VersionBlocks``, ``BlockInterner``: UTF-8 bytes, plainly unchanged entries skipped),
/// alignment anchored on entry ids and unique blocks (``BlockAlignment``, ``Myers``), pairing of
/// what is left into moves and edits, white-space-only changes included (``MoveDetection``,
/// ``FoldedText``, ``WordDiff``, ``Tokenizer``), the changes in the new version's order
/// (``ChangeAssembly``), the fields (``FieldComparison``) and key events (``KeyEventMatching``).
public enum ArticleDiffer {
    /// The change from `old` to `new`; `article`, `from` and `to` are left for the caller to fill in.
    public static func diff(_ old: Article, _ new: Article) -> ArticleDiff {
        diff(VersionBlocks(old), VersionBlocks(new))
    }

    /// The headline, standfirst and byline that changed from `old` to `new` (no entries compared).
    public static func fields(_ old: Article, _ new: Article) -> [FieldChange] {
        FieldComparison.changes(old, new, entryPairs: [])
    }

    /// The change from `old.article` to `new.article`, each version already read.
    public static func diff(_ old: VersionBlocks, _ new: VersionBlocks) -> ArticleDiff {
        var oldItems = old, newItems = new
        let old = old.article, new = new.article
        let anchors = EntryAnchors(old: old, new: new, oldItems: oldItems, newItems: newItems)
        var interner = BlockInterner(capacity: oldItems.count + 64)
        VersionBlocks.presetUnchanged(&oldItems, &newItems, anchors: anchors.pairs, interner: &interner)
        VersionBlocks.assignIDs(&oldItems, &newItems, interner: &interner)

        // Align, region by region between anchored entries. Anchors are chosen by the amount of text
        // they keep in place, so a paragraph is kept before a time line; ties are broken by the
        // texts, the same way whichever version is the old one.
        var alignment = BlockAlignment(old: oldItems.ids, new: newItems.ids, idCount: interner.count,
                                       oldWeights: oldItems.lengths.map { $0 &+ 1 },
                                       newWeights: newItems.lengths.map { $0 &+ 1 })
        for region in anchors.regions {
            let fromNewSide = BlockAlignment.alignsFromNewSide(old: oldItems.ids[region.old], new: newItems.ids[region.new]) { j, i in
                newItems.text(j).utf8.lexicographicallyPrecedes(oldItems.text(i).utf8)
            }
            alignment.alignRegion(region.old, region.new, fromNewSide: fromNewSide)
        }
        let steps = alignment.steps

        // Gaps: the stretches between aligned blocks.
        var oldGaps = [Int32](repeating: -1, count: oldItems.count)
        var newGaps = [Int32](repeating: -1, count: newItems.count)
        var deleted: [Int] = [], inserted: [Int] = []
        var gap: Int32 = 0
        for step in steps {
            switch step.operation {
            case .equal: gap += 1
            case .delete: oldGaps[Int(step.old)] = gap; deleted.append(Int(step.old))
            case .insert: newGaps[Int(step.new)] = gap; inserted.append(Int(step.new))
            }
        }

        // Pair what is left, each pair found by its blocks' positions.
        var pairs: [MoveDetection.Pair] = []
        if !deleted.isEmpty && !inserted.isEmpty {
            let detection = MoveDetection(
                old: MoveDetection.Side(oldItems, gaps: oldGaps, leftOver: deleted),
                new: MoveDetection.Side(newItems, gaps: newGaps, leftOver: inserted),
                entryAnchors: anchors.oldToNew, entriesByID: anchors.oldToNewByID, anchoredNewEntries: anchors.newIsAnchored)
            pairs = detection.pairs(deleted: deleted, inserted: inserted)
        }

        // An entry's title is its title: in an entry found on both sides, a new one is the old one
        // edited, however its words changed.
        let entryPairs = FieldComparison.entryPairs(anchors: anchors, steps: steps, old: oldItems, new: newItems)
        if !deleted.isEmpty && !inserted.isEmpty {
            pairs += retitledEntries(entryPairs, old: oldItems, new: newItems, oldGaps: oldGaps, newGaps: newGaps, paired: pairs)
        }

        // Assemble in the new order, removed blocks where they stood.
        let changes = ChangeAssembly(old: oldItems, new: newItems, steps: steps, pairs: pairs).changes()
        return ArticleDiff(fields: FieldComparison.changes(old, new, entryPairs: entryPairs),
                           keyEvents: KeyEventMatching.changes(old.keyEvents, new.keyEvents), blocks: changes)
    }

    /// The titles of paired entries that the alignment and move detection left unpaired on both
    /// sides, paired as edited.
    private static func retitledEntries(_ entryPairs: [Int], old: VersionBlocks, new: VersionBlocks,
                                        oldGaps: [Int32], newGaps: [Int32], paired: [MoveDetection.Pair]) -> [MoveDetection.Pair] {
        var pairs: [MoveDetection.Pair] = []
        var oldPaired = Set(paired.map(\.old)), newPaired = Set(paired.map(\.new))
        for (j, i) in entryPairs.enumerated() where i >= 0 {
            guard old.article.entries[i].title != nil, new.article.entries[j].title != nil,
                  let o = old.entryRanges[i].first, let n = new.entryRanges[j].first,
                  oldGaps[o] >= 0, newGaps[n] >= 0, !oldPaired.contains(o), !newPaired.contains(n) else { continue }
            pairs.append(MoveDetection.Pair(old: o, new: n, change: .edited, edited: true,
                                            words: WordDiff.words(old.text(o), new.text(n))))
            oldPaired.insert(o)
            newPaired.insert(n)
        }
        return pairs
    }
}
