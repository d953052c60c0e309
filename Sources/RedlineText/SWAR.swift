/// Tests on eight bytes at once, held in a `UInt64` read from memory (little-endian: the first
/// byte is the lowest). Used where a page's text is scanned byte by byte and most bytes are plain
/// ASCII letters and spaces.
///
///     let word = pointer.loadUnaligned(as: UInt64.self)       // "Talks en"
///     SWAR.isASCII(word)                  → true
///     SWAR.bytes(equalTo: 0x20, word)     → 0x0000_0080_0000_0000   (the space, byte 5)
public enum SWAR {
    @usableFromInline static let ones: UInt64 = 0x0101_0101_0101_0101
    public static let highs: UInt64 = 0x8080_8080_8080_8080

    /// True when no byte has its high bit set.
    @inlinable @inline(__always)
    public static func isASCII(_ word: UInt64) -> Bool { word & highs == 0 }

    /// True when some byte of an ASCII `word` is below `bound` (the borrow trick; exact for
    /// "some", not for which).
    @inlinable @inline(__always)
    public static func hasByte(below bound: UInt8, _ word: UInt64) -> Bool {
        (word &- ones &* UInt64(bound)) & ~word & highs != 0
    }

    /// The high bit of every byte equal to `value`, exactly (no borrow between bytes).
    @inlinable @inline(__always)
    public static func bytes(equalTo value: UInt8, _ word: UInt64) -> UInt64 {
        let x = word ^ (ones &* UInt64(value))
        let low7 = ~highs
        return ~(((x & low7) &+ low7) | x) & highs
    }

    /// The high bit of every byte above `bound` (below 0x80), exactly: bytes of 0x80 and up are
    /// above it too.
    @inlinable @inline(__always)
    public static func bytes(above bound: UInt8, _ word: UInt64) -> UInt64 {
        let low7 = ~highs
        // Each byte's low seven bits plus (0x7F - bound) carry into its high bit when above
        // `bound`, and never into the next byte.
        return (((word & low7) &+ ones &* UInt64(0x7F - bound)) | word) & highs
    }

    /// How many bytes continue a multi-byte scalar (`10xxxxxx`).
    @inlinable @inline(__always)
    public static func continuationCount(_ word: UInt64) -> Int {
        count(word & ~(word << 1) & highs)
    }

    /// How many bytes a mask of high bits (as ``bytes(equalTo:_:)`` returns) marks. The
    /// baseline x86-64 target has no popcnt instruction, so `nonzeroBitCount` would be a dozen
    /// instructions: instead the marks, moved to each byte's low bit, are summed into the top
    /// byte by one multiplication.
    @inlinable @inline(__always)
    public static func count(_ mask: UInt64) -> Int {
        Int(((mask >> 7) &* ones) >> 56)
    }

    /// True when some byte is zero (the borrow trick, exact for any word).
    @inlinable @inline(__always)
    public static func hasZeroByte(_ word: UInt64) -> Bool {
        (word &- ones) & ~word & highs != 0
    }

    /// True when a byte of `first` might start `a` or `b` (three lower-case ASCII letters each)
    /// in any ASCII case, where `second` and `third` are the eight bytes one and two on from
    /// `first`. Each byte is compared only in the bits where the letters of `a` and `b` agree,
    /// bit 5 (case) aside, so one test serves both; it lets some other triples through too.
    ///
    ///     "the Cookie banner" at 6, 7 and 8, "oki" or "wsl"   → true   (byte 0: "oki")
    ///     "social media" at 1, 2 and 3, "oki" or "wsl"         → true   ("oci" agrees in those bits)
    @inlinable @inline(__always)
    public static func mightHaveSequence(_ a: (UInt8, UInt8, UInt8), or b: (UInt8, UInt8, UInt8),
                                  _ first: UInt64, _ second: UInt64, _ third: UInt64) -> Bool {
        /// How the bytes of `word` differ from `x` in the bits where `x` and `y` agree.
        func differences(_ word: UInt64, _ x: UInt8, _ y: UInt8) -> UInt64 {
            (word ^ (ones &* UInt64(x))) & (ones &* UInt64(~(x ^ y | 0x20)))
        }
        // The union of differences has a zero byte where all three bytes agree.
        return hasZeroByte(differences(first, a.0, b.0) | differences(second, a.1, b.1) | differences(third, a.2, b.2))
    }
}
