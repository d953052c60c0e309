/// Myers' O(ND) shortest edit script between two sequences of interned ids (or word hashes),
/// with a cost cap.
///
///     old: [7, 3, 9, 4]   new: [7, 9, 4, 5]
///     → equal 7 · delete 3 · equal 9 · equal 4 · insert 5        (D = 2)
///
/// Plain greedy forward search (no heuristics), keeping each round's furthest-reaching points so
/// the path can be walked back. When more than `maxCost` edits would be needed it gives up and
/// returns false, and the caller chooses a cheaper answer.
enum Myers {
    /// Appends the edit script from `a[aRange]` to `b[bRange]` to `steps`; false (and nothing
    /// appended) when it needs more than `maxCost` deletions and insertions.
    static func diff<Element: Equatable>(
        _ a: UnsafeBufferPointer<Element>, _ aRange: Range<Int>,
        _ b: UnsafeBufferPointer<Element>, _ bRange: Range<Int>,
        maxCost: Int, into steps: inout [EditStep]
    ) -> Bool {
        let n = aRange.count, m = bRange.count
        let a0 = aRange.lowerBound, b0 = bRange.lowerBound
        if n == 0 || m == 0 {
            guard n + m <= maxCost else { return false }
            for i in aRange { steps.append(EditStep(.delete, old: i, new: b0)) }
            for j in bRange { steps.append(EditStep(.insert, old: a0 + n, new: j)) }
            return true
        }
        let limit = min(maxCost, n + m)
        let offset = limit + 1
        var v = [Int32](repeating: 0, count: 2 * limit + 3)
        // trace[d(d+1)/2 + (k+d)/2] = furthest x on diagonal k after d edits.
        var trace: [Int32] = []
        var found = -1
        search: for d in 0...limit {
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                    x = Int(v[offset + k + 1])
                } else {
                    x = Int(v[offset + k - 1]) + 1
                }
                var y = x - k
                while x < n && y < m && a[a0 + x] == b[b0 + y] { x += 1; y += 1 }
                v[offset + k] = Int32(x)
                trace.append(Int32(x))
                if x >= n && y >= m {
                    found = d
                    break search
                }
            }
        }
        guard found >= 0 else { return false }

        // Walk back from (n, m).
        var reversed: [EditStep] = []
        reversed.reserveCapacity(n + m)
        var x = n, y = m
        func furthest(_ d: Int, _ k: Int) -> Int { Int(trace[d * (d + 1) / 2 + (k + d) / 2]) }
        var d = found
        while d > 0 {
            let k = x - y
            let previousK: Int
            if k == -d || (k != d && furthest(d - 1, k - 1) < furthest(d - 1, k + 1)) {
                previousK = k + 1
            } else {
                previousK = k - 1
            }
            let previousX = furthest(d - 1, previousK)
            let previousY = previousX - previousK
            let startX = previousK == k + 1 ? previousX : previousX + 1
            let startY = startX - k
            while x > startX && y > startY {
                x -= 1; y -= 1
                reversed.append(EditStep(.equal, old: a0 + x, new: b0 + y))
            }
            if previousK == k + 1 {
                reversed.append(EditStep(.insert, old: a0 + previousX, new: b0 + previousY))
            } else {
                reversed.append(EditStep(.delete, old: a0 + previousX, new: b0 + previousY))
            }
            x = previousX
            y = previousY
            d -= 1
        }
        while x > 0 && y > 0 {
            x -= 1; y -= 1
            reversed.append(EditStep(.equal, old: a0 + x, new: b0 + y))
        }
        steps.append(contentsOf: reversed.reversed())
        return true
    }
}

/// One step of an edit script: keep `old` as `new`, delete `old`, or insert `new`. For deletions
/// `new` (and for insertions `old`) is where the other side stands at that moment.
struct EditStep: Equatable, Sendable {
    enum Operation: UInt8 { case equal, delete, insert }
    var operation: Operation
    var old: Int32
    var new: Int32

    init(_ operation: Operation, old: Int, new: Int) {
        self.operation = operation
        self.old = Int32(old)
        self.new = Int32(new)
    }
}
