/// Tests on eight bytes at once, held in a `UInt64` read from memory (little-endian: the first
/// byte is the lowest). Used where a page's text is scanned byte by byte and most bytes are plain
/// ASCII letters and spaces.
///
///     let word = pointer.loadUnaligned(as: UInt64.self)       // "Talks en"
///     SWAR.isASCII(word)                  → true
///     SWAR.bytes(equalTo: 0x20, word)     → 0x0000_0080_0000_0000   (the space, byte 5)
enum SWAR {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// True when no byte has its high bit set.
    @inline(__always)
    static func isASCII(_ word: UInt64) -> Bool { word & highs == 0 }

    /// True when some byte of an ASCII `word` is below `bound` (the borrow trick; exact for
    /// "some", not for which).
    @inline(__always)
    static func hasByte(below bound: UInt8, _ word: UInt64) -> Bool {
        (word &- ones &* UInt64(bound)) & ~word & highs != 0
    }

    /// The high bit of every byte equal to `value`, exactly (no borrow between bytes).
    @inline(__always)
    static func bytes(equalTo value: UInt8, _ word: UInt64) -> UInt64 {
        let x = word ^ (ones &* UInt64(value))
        let low7 = ~highs
        return ~(((x & low7) &+ low7) | x) & highs
    }

    /// How many bytes continue a multi-byte scalar (`10xxxxxx`).
    @inline(__always)
    static func continuationCount(_ word: UInt64) -> Int {
        (word & ~(word << 1) & highs).nonzeroBitCount
    }

    /// The high bit of every byte, of the eight at `offset`, that starts the three bytes
    /// `sequence` (ASCII letters, lower case) in any ASCII case. Reads ten bytes from `offset`.
    ///
    ///     "the Cookie banner", offset 4, sequence "kie"  → 0x0000_0000_0080_0000   (byte 2: "kie")
    @inline(__always)
    static func starts(of sequence: (UInt8, UInt8, UInt8), ignoringASCIICaseIn base: UnsafeRawPointer, at offset: Int) -> UInt64 {
        // Setting bit 5 lower-cases the letters and changes no other byte into one.
        let caseBits = ones &* 0x20
        func word(_ shift: Int) -> UInt64 { base.loadUnaligned(fromByteOffset: offset + shift, as: UInt64.self) | caseBits }
        return bytes(equalTo: sequence.0, word(0)) & bytes(equalTo: sequence.1, word(1)) & bytes(equalTo: sequence.2, word(2))
    }
}
