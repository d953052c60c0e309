/// Makes article text safe to write to a terminal: control characters and escape sequences are
/// shown, never sent.
///
///     "Breaking\u{1B}[2J news" → "Breaking\\e[2J news"
///     "bell\u{07}"             → "bell\\x07"
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
            } else if isControl(scalar) {
                result += "\\x" + String(scalar.value, radix: 16, uppercase: false).leftPadded(to: 2)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0)
            || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{202E}" || scalar == "\u{202D}"
    }
}

extension String {
    /// The string with `pad` in front until it is `width` characters long (`"7"` → `"07"`).
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
