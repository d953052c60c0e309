import RedlineModel

/// ``Text/normalize(_:)`` with a fast path on UTF-8 bytes for the text most pages are made of.
///
///     "  Talks\u{00A0}end\n\t“today” "  → "Talks end “today”"   (no Foundation call)
///     "Cafe\u{0301}"                       → "Café"                 (Foundation's NFC)
///
/// Text whose scalars all lie below U+0300 (Latin, no combining marks) or in General
/// Punctuation (U+2000–U+206F: quotes, dashes, ellipses, spaces) is already in NFC, so only the
/// white space needs folding; anything else goes through ``Text/normalize(_:)``. The two agree
/// on every input (tested on the corpus).
enum TextFolding {
    static func fold(_ text: some StringProtocol) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            var isWhitespace = false
            var sequence: (UInt8, UInt8, UInt8) = (byte, 0, 0)
            var length = 1
            if byte < 0x80 {
                isWhitespace = byte == 0x20 || (0x09...0x0D).contains(byte)
            } else if byte < 0xCC {                     // U+0080–U+02FF
                guard let second = iterator.next() else { return Text.normalize(text) }
                sequence.1 = second
                length = 2
                isWhitespace = byte == 0xC2 && (second == 0x85 || second == 0xA0)
            } else if byte == 0xE2 {                    // U+2000–U+206F, else the slow path
                guard let second = iterator.next(), let third = iterator.next(), second == 0x80 || (second == 0x81 && third <= 0xAF)
                else { return Text.normalize(text) }
                sequence.1 = second
                sequence.2 = third
                length = 3
                if second == 0x80 {
                    isWhitespace = third <= 0x8B || third == 0xA8 || third == 0xA9 || third == 0xAF
                } else {
                    isWhitespace = third == 0x9F
                }
            } else {
                return Text.normalize(text)
            }
            if isWhitespace {
                pendingSpace = !output.isEmpty
                continue
            }
            if pendingSpace {
                output.append(0x20)
                pendingSpace = false
            }
            output.append(sequence.0)
            if length > 1 { output.append(sequence.1) }
            if length > 2 { output.append(sequence.2) }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// True when `needle` occurs in `text`, compared as UTF-8 bytes (no Foundation bridging).
    static func contains(_ text: String, _ needle: String) -> Bool {
        var text = text
        var needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { pattern in
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
