/// Block identity on UTF-8 bytes: text compared with white space folded, so that captures that
/// differ only in spacing are the same block.
///
///     "Talks  end\u{00A0}without agreement "  and  "Talks end without agreement"
///     → same hash, `equal` is true; `letterCount` is 24 for both
///
/// White space is ASCII space, tab and line breaks, no-break space, the Unicode spaces
/// U+2000–U+200B, U+2028/2029, U+202F, U+205F, U+3000 and the byte-order mark.
enum FoldedText {
    /// The length of the white space character starting at `i`, 0 when it is not one.
    @inline(__always)
    static func whitespaceLength(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
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
    struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        var emitted = false

        init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        @inline(__always)
        mutating func next() -> UInt8? {
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

        private var stash: UInt8?
    }

    /// The folded text's 64-bit FNV-1a hash and its number of letters and digits (each non-ASCII
    /// character counts as one).
    static func fingerprint(_ bytes: UnsafeBufferPointer<UInt8>) -> (hash: UInt64, letters: Int) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var letters = 0
        var emitted = false
        var pendingSpace = false
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b > 0x20 && b < 0x80 {
                if pendingSpace { hash = (hash ^ 0x20) &* 0x0000_0100_0000_01B3; pendingSpace = false }
                hash = (hash ^ UInt64(b)) &* 0x0000_0100_0000_01B3
                if (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) { letters += 1 }
                emitted = true
                i += 1
                continue
            }
            let w = whitespaceLength(bytes, i)
            if w > 0 {
                pendingSpace = emitted
                i += w
                continue
            }
            if pendingSpace { hash = (hash ^ 0x20) &* 0x0000_0100_0000_01B3; pendingSpace = false }
            hash = (hash ^ UInt64(b)) &* 0x0000_0100_0000_01B3
            if b >= 0x80, b & 0xC0 != 0x80 { letters += 1 }
            emitted = true
            i += 1
        }
        return (hash, letters)
    }

    /// True when `a` and `b` are the same text once white space is folded.
    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var x = Cursor(a), y = Cursor(b)
        while true {
            let p = x.next(), q = y.next()
            if p != q { return false }
            if p == nil { return true }
        }
    }
}

extension String {
    /// Calls `body` with the string's UTF-8 bytes (contiguous for native strings, copied otherwise).
    @inline(__always)
    func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }
}
