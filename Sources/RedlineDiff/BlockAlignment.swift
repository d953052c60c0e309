/// Aligns the blocks of two versions: which blocks stayed, which left, which arrived.
///
///     old: [T1, a, b, T2, c]            (T = an entry's title line, ids in brackets)
///     new: [T3, x, T1, a, b', T2, c]
///     → insert T3, insert x, equal T1, equal a, delete b, insert b', equal T2, equal c
///
/// Entries whose page id appears once on each side are matched first and, when they keep their
/// order, anchor the alignment (as `git diff --anchored`): a block is only aligned within its
/// entry, and the stretch between two anchored entries is aligned on its own. Each stretch is
/// aligned patience-style: blocks whose text occurs exactly once on both sides (and, beside them,
/// blocks repeated as often on both sides, occurrence by occurrence) and keep their order
/// (heaviest increasing subsequence) become anchors, and the gaps between anchors are aligned
/// the same way; a gap without such blocks falls back to Myers (capped), then to splitting at its
/// rarest shared block (or, for a very long stretch, to showing it replaced). Blocks pushed down by
/// entries added on top therefore stay "equal".
///
/// Ties (two longest common subsequences, two equally heavy sets of anchors) are broken the same
/// way whichever version is called old: each region is aligned from its shorter side (or, when
/// both are as long, from the side whose first differing block sorts first) and the steps mirrored
/// back, so swapping the versions swaps deletions and insertions and nothing else.
struct BlockAlignment {
    // The sides as aligned: old and new, or new and old while a region is aligned from its new side.
    private var old: [Int32]
    private var new: [Int32]
    private var weights: [Int32]
    private var otherWeights: [Int32]
    private var mirrored = false
    private var countOld: [Int32]
    private var countNew: [Int32]
    private var positionOld: [Int32]
    private var touched: [Int32] = []
    // The old positions of blocks repeated as often on both sides, each id's side by side from
    // `occurrenceStart[id]` (-1 for other ids); `placed[id]` of them are filled in.
    private var occurrences: [Int32] = []
    private var occurrenceStart: [Int32]
    private var placed: [Int32]
    private(set) var steps: [EditStep] = []

    /// Largest stretch (blocks on both sides) split at its rarest shared block when Myers gives up;
    /// longer ones are shown replaced, so that repetitive input stays fast.
    static let maximumSplitRegion = 4_000
    /// Most occurrences a repeated block may have on each side to anchor the alignment.
    static let maximumRepeatedAnchor: Int32 = 8

    /// An aligner of `old` and `new`, sequences of block ids below `idCount`. The weights (one per
    /// block of each side) say how much keeping a block in place is worth; the anchors chosen are
    /// the heaviest set that keeps its order.
    init(old: [Int32], new: [Int32], idCount: Int, oldWeights: [Int32], newWeights: [Int32]) {
        self.old = old
        self.new = new
        self.weights = oldWeights
        self.otherWeights = newWeights
        countOld = Array(repeating: 0, count: idCount)
        countNew = Array(repeating: 0, count: idCount)
        positionOld = Array(repeating: 0, count: idCount)
        occurrenceStart = Array(repeating: -1, count: idCount)
        placed = Array(repeating: 0, count: idCount)
        steps.reserveCapacity(max(old.count, new.count) + 16)
    }

    /// Aligns `old[oldRange]` with `new[newRange]`, appending the steps; `fromNewSide` aligns the
    /// region the other way round (see ``alignsFromNewSide``) and mirrors the steps.
    mutating func alignRegion(_ oldRange: Range<Int>, _ newRange: Range<Int>, fromNewSide: Bool) {
        guard fromNewSide else { return align(oldRange, newRange) }
        swapSides()
        align(newRange, oldRange)
        swapSides()
    }

    /// Whether a region is aligned from its new side: when that side is shorter, or as long and
    /// its first block that differs from the old side's sorts first (`precedes`).
    static func alignsFromNewSide(old: ArraySlice<Int32>, new: ArraySlice<Int32>, precedes: (Int, Int) -> Bool) -> Bool {
        if old.count != new.count { return new.count < old.count }
        for (i, j) in zip(old.indices, new.indices) where old[i] != new[j] { return precedes(j, i) }
        return false
    }

    private mutating func swapSides() {
        swap(&old, &new)
        swap(&weights, &otherWeights)
        mirrored.toggle()
    }

    /// Appends one step, in the caller's orientation.
    private mutating func emit(_ operation: EditStep.Operation, _ i: Int, _ j: Int) {
        guard mirrored else { return steps.append(EditStep(operation, old: i, new: j)) }
        switch operation {
        case .equal: steps.append(EditStep(.equal, old: j, new: i))
        case .delete: steps.append(EditStep(.insert, old: j, new: i))
        case .insert: steps.append(EditStep(.delete, old: j, new: i))
        }
    }

    /// Aligns `old[oldRange]` with `new[newRange]`, appending the steps.
    private mutating func align(_ oldRange: Range<Int>, _ newRange: Range<Int>) {
        var aLo = oldRange.lowerBound, aHi = oldRange.upperBound
        var bLo = newRange.lowerBound, bHi = newRange.upperBound
        while aLo < aHi && bLo < bHi && old[aLo] == new[bLo] {
            emit(.equal, aLo, bLo)
            aLo += 1; bLo += 1
        }
        var suffix = 0
        while aLo < aHi && bLo < bHi && old[aHi - 1] == new[bHi - 1] {
            aHi -= 1; bHi -= 1; suffix += 1
        }
        alignMiddle(aLo, aHi, bLo, bHi)
        for s in 0..<suffix { emit(.equal, aHi + s, bHi + s) }
    }

    private mutating func alignMiddle(_ aLo: Int, _ aHi: Int, _ bLo: Int, _ bHi: Int) {
        if aLo == aHi || bLo == bHi {
            emitReplace(aLo, aHi, bLo, bHi)
            return
        }
        // Count occurrences on both sides.
        for i in aLo..<aHi {
            let id = Int(old[i])
            if countOld[id] == 0 && countNew[id] == 0 { touched.append(Int32(id)) }
            countOld[id] += 1
            positionOld[id] = Int32(i)
        }
        for j in bLo..<bHi {
            let id = Int(new[j])
            if countOld[id] == 0 && countNew[id] == 0 { touched.append(Int32(id)) }
            countNew[id] += 1
        }
        // Unique on both sides, in new order: (old position, new position).
        var unique: [(Int32, Int32)] = []
        var shared = false
        var rarest = -1
        var rarestCount = Int32.max
        for j in bLo..<bHi {
            let id = Int(new[j])
            let co = countOld[id]
            guard co > 0 else { continue }
            shared = true
            let cn = countNew[id]
            if co == 1 && cn == 1 {
                unique.append((positionOld[id], Int32(j)))
            } else if co + cn < rarestCount {
                rarestCount = co + cn
                rarest = id
            }
        }
        // Blocks repeated as often on both sides (a title and its one-line paragraph, say) join
        // the unique ones, the k-th occurrence paired with the k-th: else one unique block that
        // moved anchors the alignment, and a run of repeated blocks kept in place is called moved.
        if !unique.isEmpty {
            occurrences.removeAll(keepingCapacity: true)
            for i in aLo..<aHi {
                let id = Int(old[i]), count = countOld[id]
                guard count >= 2, count <= Self.maximumRepeatedAnchor, countNew[id] == count else { continue }
                if occurrenceStart[id] < 0 {
                    occurrenceStart[id] = Int32(occurrences.count)
                    occurrences.append(contentsOf: repeatElement(0, count: Int(count)))
                }
                occurrences[Int(occurrenceStart[id] + placed[id])] = Int32(i)
                placed[id] += 1
            }
            if !occurrences.isEmpty {
                var merged: [(Int32, Int32)] = []
                merged.reserveCapacity(unique.count + occurrences.count)
                var u = 0
                for j in bLo..<bHi {
                    let id = Int(new[j])
                    guard occurrenceStart[id] >= 0 else { continue }
                    while u < unique.count && unique[u].1 < Int32(j) { merged.append(unique[u]); u += 1 }
                    // The k-th occurrence here takes the k-th old one; `placed` counts back down to 0.
                    let k = countOld[id] - placed[id]
                    placed[id] -= 1
                    merged.append((occurrences[Int(occurrenceStart[id] + k)], Int32(j)))
                }
                merged.append(contentsOf: unique[u...])
                unique = merged
            }
        }
        for id in touched {
            countOld[Int(id)] = 0
            countNew[Int(id)] = 0
            occurrenceStart[Int(id)] = -1
        }
        touched.removeAll(keepingCapacity: true)

        guard shared else {
            emitReplace(aLo, aHi, bLo, bHi)
            return
        }
        if !unique.isEmpty {
            var a = aLo, b = bLo
            for (i, j) in Self.heaviestIncreasing(unique, weights: weights, span: aLo..<aHi) {
                align(a..<Int(i), b..<Int(j))
                emit(.equal, Int(i), Int(j))
                a = Int(i) + 1
                b = Int(j) + 1
            }
            align(a..<aHi, b..<bHi)
            return
        }
        // No unique shared block: Myers within a cost cap, else split at the rarest shared block.
        var script: [EditStep] = []
        let done = old.withUnsafeBufferPointer { o in
            new.withUnsafeBufferPointer { n in
                Myers.diff(o, aLo..<aHi, n, bLo..<bHi, maxCost: 1_000, into: &script)
            }
        }
        if done {
            for step in script { emit(step.operation, Int(step.old), Int(step.new)) }
            return
        }
        // Very long stretches of repeated blocks: shown replaced rather than split again and again.
        guard (aHi - aLo) + (bHi - bLo) <= Self.maximumSplitRegion else {
            emitReplace(aLo, aHi, bLo, bHi)
            return
        }
        let i = (aLo..<aHi).first { Int(old[$0]) == rarest }!
        let j = (bLo..<bHi).first { Int(new[$0]) == rarest }!
        align(aLo..<i, bLo..<j)
        emit(.equal, i, j)
        align(i + 1..<aHi, j + 1..<bHi)
    }

    private mutating func emitReplace(_ aLo: Int, _ aHi: Int, _ bLo: Int, _ bHi: Int) {
        for i in aLo..<aHi { emit(.delete, i, bLo) }
        for j in bLo..<bHi { emit(.insert, aHi, j) }
    }

    /// The subsequence of `pairs` (ordered by their second element) whose first elements increase
    /// and whose total weight (`weights[first]`) is largest; first elements lie in `span`.
    static func heaviestIncreasing(_ pairs: [(Int32, Int32)], weights: [Int32], span: Range<Int>) -> [(Int32, Int32)] {
        // A Fenwick tree over old positions holding the best chain ending at or below each one.
        let size = span.count
        var tree = [Int64](repeating: 0, count: size + 1)     // best weight
        var treeAt = [Int32](repeating: -1, count: size + 1)  // index into pairs of its last pair
        var previous = [Int32](repeating: -1, count: pairs.count)
        var total = [Int64](repeating: 0, count: pairs.count)
        var best = -1
        for (index, pair) in pairs.enumerated() {
            let position = Int(pair.0) - span.lowerBound + 1
            var k = position - 1, bestBelow: Int64 = 0, from: Int32 = -1
            while k > 0 {
                if tree[k] > bestBelow { bestBelow = tree[k]; from = treeAt[k] }
                k -= k & -k
            }
            let value = bestBelow + Int64(weights[Int(pair.0)])
            previous[index] = from
            total[index] = value
            k = position
            while k <= size {
                if value > tree[k] { tree[k] = value; treeAt[k] = Int32(index) }
                k += k & -k
            }
            if best < 0 || value > total[best] { best = index }
        }
        var result: [(Int32, Int32)] = []
        var cursor = best
        while cursor >= 0 {
            result.append(pairs[cursor])
            cursor = Int(previous[cursor])
        }
        return result.reversed()
    }

    /// The longest run of `pairs` (ordered by their second element) whose first elements increase.
    static func longestIncreasing(_ pairs: [(Int32, Int32)]) -> [(Int32, Int32)] {
        var tails: [Int] = []                  // index into pairs of the best tail per length
        var previous = [Int](repeating: -1, count: pairs.count)
        for (index, pair) in pairs.enumerated() {
            var lo = 0, hi = tails.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if pairs[tails[mid]].0 < pair.0 { lo = mid + 1 } else { hi = mid }
            }
            if lo > 0 { previous[index] = tails[lo - 1] }
            if lo == tails.count { tails.append(index) } else { tails[lo] = index }
        }
        var result: [(Int32, Int32)] = []
        var cursor = tails.last ?? -1
        while cursor >= 0 {
            result.append(pairs[cursor])
            cursor = previous[cursor]
        }
        return result.reversed()
    }
}
