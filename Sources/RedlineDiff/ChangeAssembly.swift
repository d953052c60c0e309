import RedlineModel

/// The diff's blocks in the new version's order, removed blocks where they stood: from the
/// alignment's steps and the pairs found among the blocks it left (``ArticleDiffer``).
///
///     steps [= a a', - b, + x, = c c']  pairs []  → [a unchanged, b removed, x added, c unchanged]
///
/// Aligned steps become unchanged blocks; each gap between them is laid out with its removed
/// blocks where they stood and its added or paired blocks in the new version's order.
struct ChangeAssembly: Sendable {
    let old: VersionBlocks
    let new: VersionBlocks
    let steps: [EditStep]
    let pairs: [MoveDetection.Pair]
    /// For each new block, the index of its pair in `pairs`, or -1.
    let pairOfNew: [Int32]
    /// For each old block, whether it is paired.
    let pairedOld: [Bool]
    /// The reference to each entry of the new version: every block of it names one, so each is
    /// made once.
    let newEntries: [EntryReference]

    init(old: VersionBlocks, new: VersionBlocks, steps: [EditStep], pairs: [MoveDetection.Pair]) {
        self.old = old
        self.new = new
        self.steps = steps
        self.pairs = pairs
        var pairOfNew = [Int32](repeating: -1, count: new.count)
        var pairedOld = [Bool](repeating: false, count: old.count)
        for (index, pair) in pairs.enumerated() {
            pairOfNew[pair.new] = Int32(index)
            pairedOld[pair.old] = true
        }
        self.pairOfNew = pairOfNew
        self.pairedOld = pairedOld
        newEntries = new.article.entries.indices.map { EntryReference(new.article.entries[$0]) }
    }

    /// Every block of both versions, once.
    func changes() -> [BlockChange] {
        var changes: [BlockChange] = []
        changes.reserveCapacity(new.count + old.count - pairs.count)
        var index = 0
        var gapOld: [Int] = [], gapNew: [Int] = [], nextInPlace: [Int] = []
        while index < steps.count {
            let step = steps[index]
            if step.operation == .equal {
                // Aligned blocks have one id, so the same bytes: one string serves both sides (the
                // new version's copy is not read at all, nor compared again by the JSON writer).
                let i = Int(step.old), j = Int(step.new)
                let e = Int(new.entries[j])
                let text = old.text(i)
                changes.append(BlockChange(change: .unchanged, oldIndex: i, newIndex: j, oldText: text, newText: text,
                                           kind: new.kinds[j], entry: e < 0 ? nil : newEntries[e]))
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
        return changes
    }

    /// Old block `i`, removed. Its entry reference is made here: removed blocks are few.
    private func removed(_ i: Int) -> BlockChange {
        let e = Int(old.entries[i])
        return BlockChange(change: .removed, oldIndex: i, oldText: old.text(i), kind: old.kinds[i],
                           entry: e < 0 ? nil : EntryReference(old.article.entries[e]))
    }

    /// New block `j`, added, or with its pair.
    private func present(_ j: Int) -> BlockChange {
        let e = Int(new.entries[j])
        let entry = e < 0 ? nil : newEntries[e]
        let p = Int(pairOfNew[j])
        guard p >= 0 else {
            return BlockChange(change: .added, newIndex: j, newText: new.text(j), kind: new.kinds[j], entry: entry)
        }
        return BlockChange(change: pairs[p].change, edited: pairs[p].edited, oldIndex: pairs[p].old, newIndex: j,
                           oldText: old.text(pairs[p].old), newText: new.text(j), kind: new.kinds[j],
                           entry: entry, words: pairs[p].words)
    }

    /// The old position of the pair of new block `j` when that pair kept its place.
    private func oldPositionInPlace(_ j: Int) -> Int? {
        let p = Int(pairOfNew[j])
        return p >= 0 && pairs[p].change != .moved ? pairs[p].old : nil
    }
}
