
/// ``Text/normalize(_:)`` with a fast path on UTF-8 bytes for the text most pages are made of.
///
///     "  Talks\u{00A0}end\n\t“today” "  → "Talks end “today”"   (no Foundation call)
///     "Cafe\u{0301}"                       → "Café"                 (Foundation's NFC)
///
/// Text whose scalars all lie below U+0300 (Latin, no combining marks) or in General
/// Punctuation (U+2000–U+206F: quotes, dashes, ellipses, spaces) is already in NFC, so only the
/// white space needs folding; anything else goes through ``Text/normalize(_:)``. The two agree
/// on every input (tested on the corpus).
public enum TextFolding {
    public static func fold(_ text: some StringProtocol) -> String {
        let folded = text.utf8.withContiguousStorageIfAvailable { fold(bytes: $0) }
            ?? Array(text.utf8).withUnsafeBufferPointer { fold(bytes: $0) }
        return folded ?? Text.normalize(text)
    }

    /// `bytes` (valid UTF-8) folded.
    public static func fold(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        fold(bytes: bytes) ?? Text.normalize(String(decoding: bytes, as: UTF8.self))
    }

    /// `bytes` folded, or nil when they hold a scalar outside the fast path's ranges.
    private static func fold(bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if foldedShape(bytes) != nil { return String(decoding: bytes, as: UTF8.self) }
        var isSimple = true
        let folded = String(unsafeUninitializedCapacity: bytes.count) { output in
            var count = 0
            var pendingSpace = false
            var index = 0
            let input = UnsafeRawPointer(bytes.baseAddress!), written = UnsafeMutableRawPointer(output.baseAddress!)
            while index < bytes.count {
                // Eight bytes at a time while they are ASCII, with no control character, and
                // single spaces only between words (none first or last): as they are.
                while index + 8 <= bytes.count {
                    let word = input.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    guard SWAR.isASCII(word), !SWAR.hasByte(below: 0x20, word) else { break }
                    let spaces = SWAR.bytes(equalTo: 0x20, word)
                    guard spaces & (spaces << 8) == 0, spaces & 0x80 == 0, spaces >> 63 == 0 else { break }
                    if pendingSpace {
                        output[count] = 0x20
                        count += 1
                        pendingSpace = false
                    }
                    written.storeBytes(of: word, toByteOffset: count, as: UInt64.self)
                    count += 8
                    index += 8
                }
                guard index < bytes.count else { break }
                let byte = bytes[index]
                if byte > 0x20, byte < 0x80 {               // the common case: ASCII, not white space
                    if pendingSpace {
                        output[count] = 0x20
                        count += 1
                        pendingSpace = false
                    }
                    output[count] = byte
                    count += 1
                    index += 1
                    continue
                }
                var isWhitespace = false
                var length = 1
                if byte < 0x80 {
                    isWhitespace = byte == 0x20 || (0x09...0x0D).contains(byte)
                } else if byte < 0xCC {                     // U+0080–U+02FF
                    guard index + 1 < bytes.count else { isSimple = false; return 0 }
                    let second = bytes[index + 1]
                    length = 2
                    isWhitespace = byte == 0xC2 && (second == 0x85 || second == 0xA0)
                } else if byte == 0xE2 {                    // U+2000–U+206F, else the slow path
                    guard index + 2 < bytes.count else { isSimple = false; return 0 }
                    let second = bytes[index + 1], third = bytes[index + 2]
                    guard second == 0x80 || (second == 0x81 && third <= 0xAF) else { isSimple = false; return 0 }
                    length = 3
                    if second == 0x80 {
                        isWhitespace = third <= 0x8B || third == 0xA8 || third == 0xA9 || third == 0xAF
                    } else {
                        isWhitespace = third == 0x9F
                    }
                } else {
                    isSimple = false
                    return 0
                }
                if isWhitespace {
                    pendingSpace = count > 0
                    index += length
                    continue
                }
                if pendingSpace {
                    output[count] = 0x20
                    count += 1
                    pendingSpace = false
                }
                for offset in 0..<length { output[count + offset] = bytes[index + offset] }
                count += length
                index += length
            }
            return count
        }
        return isSimple ? folded : nil
    }

    /// How many spaces and scalars a text already folded has.
    public struct Shape: Equatable {
        public var spaces = 0
        public var scalars = 0
    }

    /// The shape of `bytes` (valid UTF-8) when they are already as ``fold(_:)`` would leave them:
    /// single spaces between words and none at the ends, no other white space or control
    /// character, every scalar in the fast path's ranges; nil otherwise. Most lines of a page
    /// are; they are checked eight bytes at a time (``SWAR``) and copied whole.
    public static func foldedShape(_ bytes: UnsafeBufferPointer<UInt8>) -> Shape? {
        guard let first = bytes.first, let last = bytes.last else { return Shape() }
        guard first != 0x20, last != 0x20 else { return nil }
        let base = UnsafeRawPointer(bytes.baseAddress!)
        var shape = Shape()
        var continuations = 0
        // 0x80 (byte 0's high bit) when the byte before `index` is a space: lined up with the
        // next eight bytes' space marks (``SWAR/bytes(equalTo:_:)``) shifted on by one byte.
        var spaceBefore: UInt64 = 0
        var index = 0
        while index < bytes.count {
            // Eight bytes at a time while they are ASCII and no control character.
            while index + 8 <= bytes.count {
                let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                guard SWAR.isASCII(word) && !SWAR.hasByte(below: 0x20, word) else { break }
                let spaces = SWAR.bytes(equalTo: 0x20, word)
                // A space after a space: within the eight bytes, or at their start after the last.
                if spaces & (spaces << 8 | spaceBefore) != 0 { return nil }
                spaceBefore = spaces >> 56
                shape.spaces += SWAR.count(spaces)
                index += 8
            }
            guard index < bytes.count else { break }
            let byte = bytes[index]
            if byte > 0x20 && byte < 0x80 {
                spaceBefore = 0
                index += 1
            } else if byte == 0x20 {
                if spaceBefore != 0 { return nil }
                spaceBefore = 0x80
                shape.spaces += 1
                index += 1
            } else if byte < 0x80 {                     // control characters and other white space
                return nil
            } else if byte < 0xCC {                     // U+0080–U+02FF but NEL and no-break space
                guard index + 1 < bytes.count, byte != 0xC2 || (bytes[index + 1] != 0x85 && bytes[index + 1] != 0xA0) else { return nil }
                spaceBefore = 0
                continuations += 1
                index += 2
            } else if byte == 0xE2 {                    // General Punctuation but its spaces
                guard index + 2 < bytes.count else { return nil }
                let second = bytes[index + 1], third = bytes[index + 2]
                if second == 0x80 {
                    guard third > 0x8B && third != 0xA8 && third != 0xA9 && third != 0xAF else { return nil }
                } else {
                    guard second == 0x81 && third <= 0xAF && third != 0x9F else { return nil }
                }
                spaceBefore = 0
                continuations += 2
                index += 3
            } else {
                return nil
            }
        }
        shape.scalars = bytes.count - continuations
        return shape
    }

    /// The shape of `text`, folded or not: its spaces and scalars.
    public static func shape(_ text: String) -> Shape {
        text.withUTF8Bytes { bytes in
            guard let start = bytes.baseAddress else { return Shape() }
            let base = UnsafeRawPointer(start)
            var continuations = 0, spaces = 0, index = 0
            while index + 8 <= bytes.count {
                let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                continuations += SWAR.continuationCount(word)
                spaces += SWAR.count(SWAR.bytes(equalTo: 0x20, word))
                index += 8
            }
            for byte in bytes[index...] {
                if byte & 0xC0 == 0x80 { continuations += 1 }
                if byte == 0x20 { spaces += 1 }
            }
            return Shape(spaces: spaces, scalars: bytes.count - continuations)
        }
    }

    /// True when `needle` occurs in `text`, compared as UTF-8 bytes (no Foundation bridging).
    public static func contains(_ text: String, _ needle: String) -> Bool {
        text.withUTF8Bytes { haystack in
            needle.withUTF8Bytes { pattern in
                guard !pattern.isEmpty else { return true }
                guard haystack.count >= pattern.count else { return false }
                let first = pattern[0]
                var start = 0
                while start <= haystack.count - pattern.count {
                    if haystack[start] == first {
                        var matched = 1
                        while matched < pattern.count, haystack[start + matched] == pattern[matched] { matched += 1 }
                        if matched == pattern.count { return true }
                    }
                    start += 1
                }
                return false
            }
        }
    }
}
