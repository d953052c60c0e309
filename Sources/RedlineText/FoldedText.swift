/// Text compared with white space folded, on UTF-8 bytes, so that blocks and key events that
/// differ only in spacing are the same.
///
///     "Talks  end\u{00A0}without agreement "  and  "Talks end without agreement"
///     → same `hash`, `equal` is true; both have 24 letters (`hasLetters(atLeast: 20)`)
///
/// White space is ASCII space, tab and line breaks, no-break space, the Unicode spaces
/// U+2000–U+200B, U+2028/2029, U+202F, U+205F, U+3000 and the byte-order mark.
public enum FoldedText {
    /// The length of the white space character starting at `i`, 0 when it is not one.
    @inlinable @inline(__always)
    public static func whitespaceLength(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let b = bytes[i]
        if b == 0x20 || (b >= 0x09 && b <= 0x0D) { return 1 }
        if b < 0xC2 { return 0 }
        let n = bytes.count
        if b == 0xC2, i + 1 < n { let c = bytes[i + 1]; return c == 0xA0 || c == 0x85 ? 2 : 0 }
        if b == 0xE2, i + 2 < n {
            let c = bytes[i + 1], d = bytes[i + 2]
            if c == 0x80, (d >= 0x80 && d <= 0x8B) || d == 0xA8 || d == 0xA9 || d == 0xAF { return 3 }
            if c == 0x81, d == 0x9F { return 3 }
            return 0
        }
        if b == 0xE3, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 { return 3 }
        if b == 0xEF, i + 2 < n, bytes[i + 1] == 0xBB, bytes[i + 2] == 0xBF { return 3 }
        return 0
    }

    /// Walks the folded form of a text: runs of white space become one space, none at the ends.
    @frozen
    public struct Cursor {
        public let bytes: UnsafeBufferPointer<UInt8>
        public var index = 0
        public var emitted = false

        @inlinable
        public init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        @inlinable @inline(__always)
        public mutating func next() -> UInt8? {
            if let s = stash { stash = nil; return s }
            guard index < bytes.count else { return nil }
            let w = FoldedText.whitespaceLength(bytes, index)
            if w == 0 {
                let b = bytes[index]
                index += 1
                emitted = true
                return b
            }
            var j = index + w
            while j < bytes.count {
                let w2 = FoldedText.whitespaceLength(bytes, j)
                if w2 == 0 { break }
                j += w2
            }
            index = j
            guard j < bytes.count else { return nil }      // trailing white space
            let b = bytes[index]
            index += 1
            guard emitted else { emitted = true; return b } // leading white space
            stash = b                                      // one space, then the byte after it
            return 0x20
        }

        @usableFromInline var stash: UInt8?
    }

    /// The hash of the folded text: ``chunkHash`` of the bytes white space folding would leave.
    /// Text that is already folded (the usual case: extraction folds white space) is checked and
    /// hashed in the same pass, eight bytes per step: spaces, control bytes and non-ASCII bytes are
    /// found with word-wide bit tricks, and only chunks holding non-ASCII bytes are looked at byte
    /// by byte.
    @inlinable
    public static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = bytes.count
        guard n > 0, let base = bytes.baseAddress else { return chunkHash(bytes) }
        var folded = bytes[0] != 0x20 && bytes[n - 1] != 0x20
        let raw = UnsafeRawPointer(base)
        let highs: UInt64 = 0x8080_8080_8080_8080
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        var h = hashSeed ^ UInt64(n)
        var bad: UInt64 = 0, nonASCII: UInt64 = 0, previousSpaces: UInt64 = 0
        let spaceBytes: UInt64 = 0x2020_2020_2020_2020, controlLimit: UInt64 = 0x6060_6060_6060_6060
        let chunks = n / 8
        var chunk = 0
        while chunk < chunks {
            let x = raw.loadUnaligned(fromByteOffset: chunk &* 8, as: UInt64.self)
            h = (h ^ x) &* hashMultiplier
            h ^= h >> 29
            let t = x ^ spaceBytes
            let spaces = ~(((t & lows) &+ lows) | t | lows)                  // high bit of each space
            let controls = ~(((x & lows) &+ controlLimit) | x | lows)        // … of each byte < 0x20
            bad |= controls | (spaces & ((spaces << 8) | (previousSpaces >> 56)))
            nonASCII |= x & highs
            previousSpaces = spaces
            chunk &+= 1
        }
        let i = chunks * 8
        folded = folded && bad == 0
        var previousSpace = previousSpaces >> 63 != 0
        if folded {
            var k = i
            while k < n {
                let b = bytes[k]
                if b == 0x20 {
                    if previousSpace { folded = false; break }
                    previousSpace = true
                } else {
                    previousSpace = false
                    if b < 0x20 { folded = false; break }
                    if b >= 0x80 { nonASCII = 1 }
                }
                k += 1
            }
        }
        if folded && nonASCII != 0 {
            // Non-ASCII white space (no-break and other Unicode spaces) starts with one of four bytes.
            for k in 0..<n where bytes[k] >= 0xC2 && whitespaceLength(bytes, k) > 0 { folded = false; break }
        }
        if folded { return finish(h, bytes, from: i) }
        var copy: [UInt8] = []
        copy.reserveCapacity(n)
        var cursor = Cursor(bytes)
        while let b = cursor.next() { copy.append(b) }
        return copy.withUnsafeBufferPointer(chunkHash)
    }

    @usableFromInline static let hashSeed: UInt64 = 0x243F_6A88_85A3_08D3
    @usableFromInline static let hashMultiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

    @inlinable @inline(__always)
    static func finish(_ state: UInt64, _ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> UInt64 {
        var h = state
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        var i = start
        while i < bytes.count { tail |= UInt64(bytes[i]) << shift; shift += 8; i += 1 }
        h = (h ^ tail) &* hashMultiplier
        h ^= h >> 32
        h = h &* 0xD6E8_FEB8_6659_FD93
        return h ^ (h >> 32)
    }

    /// A 64-bit hash of `bytes`, eight bytes per step.
    @inlinable
    public static func chunkHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = hashSeed ^ UInt64(bytes.count)
        let n = bytes.count
        var i = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= n {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                h = (h ^ w) &* hashMultiplier
                h ^= h >> 29
                i += 8
            }
        }
        return finish(h, bytes, from: i)
    }

    /// True when `bytes` hold at least `minimum` letters and digits (each non-ASCII character
    /// counts as one); stops counting as soon as they do.
    @inlinable
    public static func hasLetters(_ bytes: UnsafeBufferPointer<UInt8>, atLeast minimum: Int) -> Bool {
        guard bytes.count >= minimum else { return false }
        var letters = 0
        for b in bytes {
            if b >= 0x80 {
                if b & 0xC0 != 0x80 { letters += 1 }
            } else if (b &- 0x30) < 10 || ((b | 0x20) &- 0x61) < 26 {
                letters += 1
            }
            if letters >= minimum { return true }
        }
        return false
    }

    /// True when `a` and `b` are the same text once white space is folded.
    @inlinable
    public static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var x = Cursor(a), y = Cursor(b)
        while true {
            let p = x.next(), q = y.next()
            if p != q { return false }
            if p == nil { return true }
        }
    }

    /// True when the strings `a` and `b` are the same text once white space is folded.
    public static func equal(_ a: String, _ b: String) -> Bool {
        a.withUTF8Bytes { a in b.withUTF8Bytes { b in equal(a, b) } }
    }
}
