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
        guard text.unicodeScalars.contains(where: { isControl($0) }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if keepLineBreaks, scalar == "\n" || scalar == "\t" {
                result.unicodeScalars.append(scalar)
            } else if scalar == "\u{1B}" {
                result += "\\e"
            } else if scalar.value > 0xFF && isControl(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: false) + "}"
            } else if isControl(scalar) {
                result += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16, uppercase: false)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// C0, DEL and C1; the line and paragraph separators; and every bidirectional control — the
    /// embeddings and overrides (U+202A–E), the isolates (U+2066–9), the marks (U+200E/F, U+061C) —
    /// which reorder what a terminal shows after them.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F..<0xA0, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }
}
