import RedlineText
/// Gives each distinct block text an integer id. Texts are told apart by their bytes (a key from
/// the length and three 16-byte samples, confirmed by the caller, who knows where the text that
/// first had the id is: its `holder`), so no text is read in full more than once, and none is
/// copied; texts that differ only in white space get different ids here and are paired again by
/// ``MoveDetection``.
///
///     intern("Talks end", holder: 0) → 0, intern("Talks begin", holder: 1) → 1,
///     intern("Talks end", holder: 2) → 0 (holds(0) confirms), intern("Talks  end", holder: 3) → 2
///     (freshID() → 3: an id no text has)
struct BlockInterner {
    private var slots: HashSlots
    /// For each id, the holder of the first text that had it; -1 for fresh ids.
    private var holders: [Int32] = []

    init(capacity: Int) {
        slots = HashSlots(capacity: capacity)
        holders.reserveCapacity(capacity)
    }

    /// The number of distinct texts.
    var count: Int { holders.count }

    /// A new id that no text has.
    mutating func freshID() -> Int32 {
        holders.append(-1)
        return Int32(holders.count - 1)
    }

    /// The id of the text with `bytes` and ``key(_:)`` `key`, held by `holder`; `holds(h, bytes)`
    /// says whether the text of holder `h` has exactly these bytes.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>, key: UInt64, holder: Int32,
                         holds: (Int32, UnsafeBufferPointer<UInt8>) -> Bool) -> Int32 {
        if let found = slots.first(key, where: { id in holds(holders[Int(id)], bytes) }) { return found }
        let id = Int32(holders.count)
        slots.insert(key, id)
        holders.append(holder)
        return id
    }

    /// A hash of the length and the first, middle and last 16 bytes.
    static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = bytes.count
        guard n > 48, let base = bytes.baseAddress else { return FoldedText.chunkHash(bytes) }
        let raw = UnsafeRawPointer(base)
        let m: UInt64 = 0x9E37_79B9_7F4A_7C15
        @inline(__always) func mix(_ h: UInt64, _ offset: Int) -> UInt64 {
            let x = (h ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* m
            return x ^ (x >> 29)
        }
        let half = n / 2
        return mix(mix(mix(mix(mix(mix(UInt64(n) &* m, 0), 8), half - 8), half), n - 16), n - 8)
    }
}
