/// Sorts 64-bit keys by their bytes, least significant first (eight counting passes, a pass
/// skipped when every key has the same byte there). For the few hundred thousand keys of a
/// word index it costs a fraction of a comparison sort; the order is the same.
///
///     var keys: [UInt64] = [0x0302, 0x0101, 0x0201]
///     RadixSort.sort(&keys)   → [0x0101, 0x0201, 0x0302]
enum RadixSort {
    static func sort(_ keys: inout [UInt64]) {
        guard keys.count > 256 else { keys.sort(); return }
        let count = keys.count
        var scratch = [UInt64](repeating: 0, count: count)
        var counts = [Int](repeating: 0, count: 256)
        keys.withUnsafeMutableBufferPointer { keysBuffer in
            scratch.withUnsafeMutableBufferPointer { scratchBuffer in
                counts.withUnsafeMutableBufferPointer { counts in
                    var from = keysBuffer.baseAddress!, to = scratchBuffer.baseAddress!
                    for shift in stride(from: UInt64(0), to: 64, by: 8) {
                        counts.update(repeating: 0)
                        for k in 0..<count { counts[Int(truncatingIfNeeded: (from[k] >> shift) & 0xFF)] += 1 }
                        if counts.contains(count) { continue }   // one byte value only: already in order
                        var total = 0
                        for d in 0..<256 { (counts[d], total) = (total, total + counts[d]) }
                        for k in 0..<count {
                            let key = from[k]
                            let digit = Int(truncatingIfNeeded: (key >> shift) & 0xFF)
                            to[counts[digit]] = key
                            counts[digit] += 1
                        }
                        swap(&from, &to)
                    }
                    // After an odd number of passes the sorted keys are in the scratch buffer.
                    if from != keysBuffer.baseAddress! { keysBuffer.baseAddress!.update(from: from, count: count) }
                }
            }
        }
    }
}
