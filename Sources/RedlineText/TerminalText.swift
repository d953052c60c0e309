/// Makes article text safe to write to a terminal: control characters, escape sequences and
/// bidirectional controls are shown, never sent.
///
///     "Breaking\u{1B}[2J news" → "Breaking\\e[2J news"
///     "bell\u{07}"             → "bell\\x07"
///     "abc\u{202E}fed"         → "abc\\u{202e}fed"     (would show what follows reversed)
public enum TerminalText {
    /// `text` with every C0/C1 control character (and DEL) replaced by a visible escape.
    /// Newlines and tabs are kept only when `keepLineBreaks` is true.
    public static func escape(_ text: String, keepLineBreaks: Bool = false) -> String {
        text.withUTF8Bytes { bytes in
            guard var index = firstControl(in: bytes, keepLineBreaks: keepLineBreaks) else { return text }
            // Runs of text copied as they are, each control written out visibly.
            var escaped: [UInt8] = []
            escaped.reserveCapacity(bytes.count + 64)
            var copied = 0
            while index < bytes.count {
                guard let (scalar, length) = control(in: bytes, at: index, keepLineBreaks: keepLineBreaks) else {
                    index += 1
                    continue
                }
                escaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
                let hex = String(scalar, radix: 16, uppercase: false)
                let shown = scalar == 0x1B ? "\\e" : scalar > 0xFF ? "\\u{\(hex)}" : "\\x" + (scalar < 0x10 ? "0" : "") + hex
                escaped.append(contentsOf: shown.utf8)
                index += length
                copied = index
            }
            escaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return String(decoding: escaped, as: UTF8.self)
        }
    }

    /// True when `text` holds a character ``isControl(_:)`` names (other than a newline or a tab
    /// when `keepLineBreaks`).
    static func needsEscape(_ text: String, keepLineBreaks: Bool) -> Bool {
        text.withUTF8Bytes { firstControl(in: $0, keepLineBreaks: keepLineBreaks) != nil }
    }

    /// Where the first character ``control(in:at:keepLineBreaks:)`` names starts in `bytes`.
    private static func firstControl(in bytes: UnsafeBufferPointer<UInt8>, keepLineBreaks: Bool) -> Int? {
        bytes.indices.first { control(in: bytes, at: $0, keepLineBreaks: keepLineBreaks) != nil }
    }

    /// The character ``isControl(_:)`` names that starts at `index` of UTF-8 `bytes` (other than
    /// a newline or a tab when `keepLineBreaks`), and its length; nil for anything else, told
    /// from the bytes without decoding: C0 and DEL, C1 (C2 80–9F), U+061C (D8 9C), U+200E/F and
    /// U+2028–202E (E2 80 …), U+2066–2069 (E2 81 A6–A9).
    @inline(__always)
    static func control(in bytes: UnsafeBufferPointer<UInt8>, at index: Int, keepLineBreaks: Bool) -> (scalar: UInt32, length: Int)? {
        let byte = bytes[index]
        if byte >= 0x20, byte < 0x7F { return nil }
        if byte < 0x20 {
            return keepLineBreaks && (byte == 0x0A || byte == 0x09) ? nil : (UInt32(byte), 1)
        }
        if byte == 0x7F { return (0x7F, 1) }
        guard byte == 0xC2 || byte == 0xD8 || byte == 0xE2, index + 1 < bytes.count else { return nil }
        let second = bytes[index + 1]
        switch byte {
        case 0xC2: return (0x80...0x9F).contains(second) ? (UInt32(second), 2) : nil
        case 0xD8: return second == 0x9C ? (0x061C, 2) : nil
        default:
            guard index + 2 < bytes.count, second == 0x80 || second == 0x81 else { return nil }
            let third = bytes[index + 2]
            let scalar = 0x2000 | UInt32(second & 0x3F) << 6 | UInt32(third & 0x3F)
            let isControl = second == 0x80 ? third == 0x8E || third == 0x8F || (0xA8...0xAE).contains(third) : (0xA6...0xA9).contains(third)
            return isControl ? (scalar, 3) : nil
        }
    }

    /// C0, DEL and C1; the line and paragraph separators; and every bidirectional control — the
    /// embeddings and overrides (U+202A–E), the isolates (U+2066–9), the marks (U+200E/F, U+061C) —
    /// which reorder what a terminal shows after them.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F..<0xA0, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }
}
