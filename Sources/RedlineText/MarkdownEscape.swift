/// Article text made inert for GitHub-flavoured Markdown: it renders as the same words, never as
/// emphasis, links, images, tables, math or HTML.
///
///     "**Breaking** [link](javascript:alert(1)) <b>x</b> | $5"
///     → "\*\*Breaking\*\* \[link\](javascript:alert(1)) &lt;b&gt;x&lt;/b&gt; \| \$5"
///     "# 1. Not a heading" with lineStart → "\# 1. Not a heading"
///
/// Backslash escapes for the punctuation that starts inline markup; character references for
/// `<`, `>` and `&`, so no tag, comment or autolink can form; control characters made visible;
/// an invisible word joiner after `@`, so a pull-request comment never mentions (notifies) the
/// people or teams an article names.
/// Block markup (`#`, `-`, `1.`) only works at the start of a line or list item: text placed
/// there is escaped with `lineStart`; elsewhere those characters stay as they are and read naturally.
public enum MarkdownEscape {
    /// `text` escaped for Markdown inline content, table cells included. With `lineStart`, a
    /// leading `#`, `-`, `+`, `=`, or `1.` is escaped too, for text that opens a line or list item.
    public static func text(_ text: String, lineStart: Bool = false) -> String {
        let visible = TerminalText.escape(text)
        var escaped = visible
        if visible.utf8.contains(where: { isSpecial($0) || $0 == 0x40 }) {
            var out: [UInt8] = []
            out.reserveCapacity(visible.utf8.count + 16)
            for byte in visible.utf8 {
                switch byte {
                case 0x40: out += "@\u{2060}".utf8  // a word joiner: no @mention of a user or team
                case 0x26: out += "&amp;".utf8
                case 0x3C: out += "&lt;".utf8
                case 0x3E: out += "&gt;".utf8
                case _ where isSpecial(byte):
                    out.append(0x5C)
                    out.append(byte)
                default: out.append(byte)
                }
            }
            escaped = String(decoding: out, as: UTF8.self)
        }
        guard lineStart, let first = escaped.utf8.first else { return escaped }
        if first == 0x23 || first == 0x2D || first == 0x2B || first == 0x3D {
            return "\\" + escaped
        }
        let digits = escaped.utf8.prefix { $0 >= 0x30 && $0 <= 0x39 }.count
        if digits > 0, let next = escaped.utf8.dropFirst(digits).first, next == 0x2E || next == 0x29 {
            return String(escaped.prefix(digits)) + "\\" + String(escaped.dropFirst(digits))
        }
        return escaped
    }

    /// `\ ` * _ [ ] | ~ $ !` and `& < >`.
    private static func isSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x5C, 0x60, 0x2A, 0x5F, 0x5B, 0x5D, 0x7C, 0x7E, 0x24, 0x21, 0x26, 0x3C, 0x3E: true
        default: false
        }
    }
}
