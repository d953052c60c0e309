import RedlineModel
import Synchronization

/// The diff's blocks in the new version's order, removed blocks where they stood: from the
/// alignment's steps and the pairs found among the blocks it left (``ArticleDiffer``).
///
///     steps [= a a', - b, + x, = c c']  pairs []  → [a unchanged, b removed, x added, c unchanged]
///
/// The steps are cut into pieces at aligned blocks, so each piece holds whole gaps. Each piece's
/// changes are counted first; then, for a large diff, two threads take the pieces in turn
/// (``ForkJoin``), each written straight into its own part of the one array: every change holds
/// its texts, and taking hold of a string that another core wrote is a cache miss apiece.
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
        let pieces = self.pieces()
        var offsets = [0]
        for piece in pieces { offsets.append(offsets[offsets.count - 1] + count(piece)) }
        let starts = offsets, total = offsets[pieces.count]
        guard total > 0 else { return [] }
        return Array(unsafeUninitializedCapacity: total) { buffer, initialized in
            let changes = ChangesBuffer(start: buffer.baseAddress!), taken = PiecesTaken()
            ForkJoin.run(inParallel: total >= 8_192) { _ in
                while let p = taken.next(below: pieces.count) {
                    write(pieces[p], to: changes.start + starts[p], count: starts[p + 1] - starts[p])
                }
            }
            initialized = total
        }
    }

    /// The steps cut into pieces of some ``pieceLength`` steps, each starting with an aligned step
    /// (or the first), so that each holds whole gaps.
    private func pieces() -> [Range<Int>] {
        var cuts = [0]
        while true {
            let from = cuts[cuts.count - 1] + Self.pieceLength
            guard from < steps.count, let cut = steps[from...].firstIndex(where: { $0.operation == .equal }) else { break }
            cuts.append(cut)
        }
        cuts.append(steps.count)
        return (0..<cuts.count - 1).map { cuts[$0]..<cuts[$0 + 1] }
    }

    /// How many steps a piece has, about: enough that taking one is cheap beside writing it, few
    /// enough that a thread on a slower core takes fewer.
    private static let pieceLength = 2_048

    /// The number of changes `steps[range]` make: one a step, but none for a paired old block
    /// (its pair is the new block's).
    private func count(_ range: Range<Int>) -> Int {
        var count = 0
        for k in range where steps[k].operation != .delete || !pairedOld[Int(steps[k].old)] { count += 1 }
        return count
    }

    /// Initializes the `count` changes of `steps[range]`, which starts with an aligned step or the
    /// first step, from `start` on.
    private func write(_ range: Range<Int>, to start: UnsafeMutablePointer<BlockChange>, count: Int) {
        var next = start
        func put(_ change: BlockChange) {
            next.initialize(to: change)
            next += 1
        }
        var index = range.lowerBound
        var gapOld: [Int] = [], gapNew: [Int] = [], nextInPlace: [Int] = []
        while index < range.upperBound {
            let step = steps[index]
            if step.operation == .equal {
                // Aligned blocks have one id, so the same bytes: one string serves both sides (the
                // new version's copy is not read at all, nor compared again by the JSON writer).
                let i = Int(step.old), j = Int(step.new)
                let e = Int(new.entries[j])
                let text = old.text(i)
                put(BlockChange(change: .unchanged, oldIndex: i, newIndex: j, oldText: text, newText: text,
                                kind: new.kinds[j], entry: e < 0 ? nil : newEntries[e]))
                index += 1
                continue
            }
            gapOld.removeAll(keepingCapacity: true)
            gapNew.removeAll(keepingCapacity: true)
            while index < range.upperBound && steps[index].operation != .equal {
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
                while r < gapOld.count && gapOld[r] < nextInPlace[k] { put(removed(gapOld[r])); r += 1 }
                put(present(j))
            }
            while r < gapOld.count { put(removed(gapOld[r])); r += 1 }
        }
        precondition(next - start == count, "ChangeAssembly: a piece wrote other than it counted")
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

/// Where ``ChangeAssembly``'s pieces are written, each into its own part.
private struct ChangesBuffer: @unchecked Sendable {
    let start: UnsafeMutablePointer<BlockChange>
}

/// The pieces taken so far, by either thread.
private final class PiecesTaken: Sendable {
    private let taken = Atomic<Int>(0)

    /// The next piece not yet taken, if any.
    func next(below count: Int) -> Int? {
        let piece = taken.add(1, ordering: .relaxed).oldValue
        return piece < count ? piece : nil
    }
}
