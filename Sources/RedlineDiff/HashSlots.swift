/// An open-addressing table from 64-bit hashes to small integers, for keys that are already
/// well-mixed hashes (Swift's `Dictionary` would hash them again with SipHash).
///
///     slots.insert(0x9f…, 7); slots.first(0x9f…) { candidate in candidate == 7 } → 7
///
/// Several values may share a hash; lookups walk them and let the caller decide.
struct HashSlots {
    private var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: -1, count: size)
        mask = size - 1
    }

    /// The first value stored under `key` for which `matches` is true.
    @inline(__always)
    func first(_ key: UInt64, where matches: (Int32) -> Bool) -> Int32? {
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let value = values[slot]
            if value < 0 { return nil }
            if keys[slot] == key && matches(value) { return value }
            slot = (slot + 1) & mask
        }
    }

    /// Stores `value` (≥ 0) under `key`.
    mutating func insert(_ key: UInt64, _ value: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        var slot = Int(truncatingIfNeeded: key) & mask
        while values[slot] >= 0 { slot = (slot + 1) & mask }
        keys[slot] = key
        values[slot] = value
        count += 1
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: -1, count: oldKeys.count * 2)
        mask = keys.count - 1
        count = 0
        for slot in oldKeys.indices where oldValues[slot] >= 0 { insert(oldKeys[slot], oldValues[slot]) }
    }
}
