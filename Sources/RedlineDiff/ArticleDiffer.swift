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
/// ``FoldedText``, ``WordDiff``, ``Tokenizer``), and key events (``KeyEventMatching``).
public enum ArticleDiffer {
    /// The change from `old` to `new`; `article`, `from` and `to` are left for the caller to fill in.
    public static func diff(_ old: Article, _ new: Article) -> ArticleDiff {
        diff(VersionBlocks(old), VersionBlocks(new))
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
        var pairOfNew = [Int32](repeating: -1, count: newItems.count)
        var pairedOld = [Bool](repeating: false, count: oldItems.count)
        if !deleted.isEmpty && !inserted.isEmpty {
            let detection = MoveDetection(
                old: MoveDetection.Side(oldItems, gaps: oldGaps, leftOver: deleted),
                new: MoveDetection.Side(newItems, gaps: newGaps, leftOver: inserted),
                entryAnchors: anchors.oldToNew, anchoredNewEntries: anchors.newIsAnchored)
            pairs = detection.pairs(deleted: deleted, inserted: inserted)
            for (index, pair) in pairs.enumerated() {
                pairOfNew[pair.new] = Int32(index)
                pairedOld[pair.old] = true
            }
        }

        // Assemble in the new order, removed blocks where they stood. Every block of the new
        // version names its entry, so those references are made once per entry; a removed block's
        // is made when needed (they are few).
        let newEntries = new.entries.indices.map { EntryReference(new.entries[$0]) }
        var changes: [BlockChange] = []
        changes.reserveCapacity(newItems.count + deleted.count - pairs.count)
        func removed(_ i: Int) -> BlockChange {
            let e = Int(oldItems.entries[i])
            return BlockChange(change: .removed, oldIndex: i, oldText: oldItems.text(i), kind: oldItems.kinds[i],
                               entry: e < 0 ? nil : EntryReference(old.entries[e]))
        }
        func present(_ j: Int) -> BlockChange {
            let e = Int(newItems.entries[j])
            let entry = e < 0 ? nil : newEntries[e]
            let p = Int(pairOfNew[j])
            guard p >= 0 else {
                return BlockChange(change: .added, newIndex: j, newText: newItems.text(j), kind: newItems.kinds[j], entry: entry)
            }
            return BlockChange(change: pairs[p].change, edited: pairs[p].edited, oldIndex: pairs[p].old, newIndex: j,
                               oldText: oldItems.text(pairs[p].old), newText: newItems.text(j), kind: newItems.kinds[j],
                               entry: entry, words: pairs[p].words)
        }
        /// The old position of the pair of new block `j` when that pair kept its place.
        func oldPositionInPlace(_ j: Int) -> Int? {
            let p = Int(pairOfNew[j])
            return p >= 0 && pairs[p].change != .moved ? pairs[p].old : nil
        }

        var index = 0
        var gapOld: [Int] = [], gapNew: [Int] = [], nextInPlace: [Int] = []
        while index < steps.count {
            let step = steps[index]
            if step.operation == .equal {
                // Aligned blocks have one id, so the same bytes: one string serves both sides (the
                // new version's copy is not read at all, nor compared again by the JSON writer).
                let i = Int(step.old), j = Int(step.new)
                let e = Int(newItems.entries[j])
                let text = oldItems.text(i)
                changes.append(BlockChange(change: .unchanged, oldIndex: i, newIndex: j, oldText: text,
                                           newText: text, kind: newItems.kinds[j],
                                           entry: e < 0 ? nil : newEntries[e]))
                index += 1
                continue
            }
            gapOld.removeAll(keepingCapacity: true)
            gapNew.removeAll(keepingCapacity: true)
            while index < steps.count && steps[index].operation != .equal {
                let s = steps[index]
                if s.operation == .delete { if !pairedOld[Int(s.old)] { gapOld.append(Int(s.old)) } } else { gapNew.append(Int(s.new)) }
                index += 1
            }
            gapOld.sort()
            // A removed block goes before the first block kept in place that followed it in the old
            // version, and otherwise before the blocks added around it.
            nextInPlace.removeAll(keepingCapacity: true)
            nextInPlace.append(contentsOf: repeatElement(Int.max, count: gapNew.count + 1))
            for k in gapNew.indices.reversed() { nextInPlace[k] = oldPositionInPlace(gapNew[k]) ?? nextInPlace[k + 1] }
            var r = 0
            for (k, j) in gapNew.enumerated() {
                while r < gapOld.count && gapOld[r] < nextInPlace[k] { changes.append(removed(gapOld[r])); r += 1 }
                changes.append(present(j))
            }
            while r < gapOld.count { changes.append(removed(gapOld[r])); r += 1 }
        }

        return ArticleDiff(keyEvents: KeyEventMatching.changes(old.keyEvents, new.keyEvents), blocks: changes)
    }
}
