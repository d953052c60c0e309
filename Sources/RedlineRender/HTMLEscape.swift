import RedlineText
/// Article text made safe for HTML: it can only ever be text, never markup, in element content
/// and in quoted attribute values alike.
///
///     "<script>alert(1)</script>"       → "&lt;script&gt;alert(1)&lt;/script&gt;"
///     "\"><img src=x onerror=alert(1)>" → "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"
///     "Breaking\u{1B}[2J"               → "Breaking\\e[2J"    (control characters shown, as in a terminal)
///     href("javascript:alert(1)")      → nil                 (only http and https become links)
public enum HTMLEscape {
    /// `text` with `& < > " '` as character references and control characters made visible.
    public static func text(_ text: String) -> String {
        let visible = TerminalText.escape(text)
        guard visible.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return visible
        }
        var out: [UInt8] = []
        out.reserveCapacity(visible.utf8.count + 16)
        for byte in visible.utf8 {
            switch byte {
            case 0x26: out += "&amp;".utf8
            case 0x3C: out += "&lt;".utf8
            case 0x3E: out += "&gt;".utf8
            case 0x22: out += "&quot;".utf8
            case 0x27: out += "&#39;".utf8
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `url` escaped for an `href` when it is an absolute http or https URL with no white space
    /// or control characters; nil for anything else (`javascript:`, `data:`, relative paths …),
    /// which a page then shows as text.
    public static func href(_ url: String) -> String? {
        let lower = url.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"),
              url.utf8.count > 8,
              !url.unicodeScalars.contains(where: { $0.value <= 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) || $0.properties.isWhitespace })
        else { return nil }
        return text(url)
    }
}
