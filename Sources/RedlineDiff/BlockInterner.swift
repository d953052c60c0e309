import RedlineModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Gives each distinct block text an integer id. Texts are told apart by their bytes (a key from
/// the length and three 16-byte samples, confirmed with `memcmp`), so no text is read in full
/// more than once; texts that differ only in white space get different ids here and are paired
/// again by ``MoveDetection``.
///
///     intern("Talks end") → 0, intern("Talks begin") → 1, intern("Talks end") → 0,
///     intern("Talks  end") → 2          (freshID() → 3: an id no text has)
struct BlockInterner {
    private var slots: HashSlots
    private var representatives: [String] = []

    init(capacity: Int) {
        slots = HashSlots(capacity: capacity)
        representatives.reserveCapacity(capacity)
    }

    /// The number of distinct texts.
    var count: Int { representatives.count }

    /// A new id that no text has.
    mutating func freshID() -> Int32 {
        representatives.append("")
        return Int32(representatives.count - 1)
    }

    /// The id of `text`.
    mutating func intern(_ text: String) -> Int32 {
        text.withUTF8Bytes { bytes in
            let key = Self.key(bytes)
            let found = slots.first(key) { id in
                representatives[Int(id)].withUTF8Bytes { other in
                    other.count == bytes.count && (bytes.isEmpty || memcmp(other.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
                }
            }
            if let found { return found }
            let id = Int32(representatives.count)
            slots.insert(key, id)
            representatives.append(text)
            return id
        }
    }

    /// A hash of the length and the first, middle and last 16 bytes.
    private static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
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
