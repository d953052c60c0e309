import Testing
@testable import RedlineText

/// `TerminalText.escape` tells from UTF-8 bytes whether a text needs escaping; it must name the
/// same characters as `isControl`, one by one and among others.
@Suite struct TerminalTextTests {
    static func expected(_ text: String, keepLineBreaks: Bool) -> Bool {
        text.unicodeScalars.contains { TerminalText.isControl($0) && !(keepLineBreaks && ($0 == "\n" || $0 == "\t")) }
    }

    /// Escaping as it was written first, a character at a time.
    static func reference(_ text: String, keepLineBreaks: Bool) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if keepLineBreaks, scalar == "\n" || scalar == "\t" {
                result.unicodeScalars.append(scalar)
            } else if scalar == "\u{1B}" {
                result += "\\e"
            } else if scalar.value > 0xFF && TerminalText.isControl(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: false) + "}"
            } else if TerminalText.isControl(scalar) {
                result += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16, uppercase: false)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    @Test(arguments: [false, true])
    func everyCharacterUpToU3000AndBeyond(keepLineBreaks: Bool) {
        let scalars = (0...0x3000).compactMap(Unicode.Scalar.init) + [0xFEFF, 0xFFFD, 0x1F600, 0x10FFFF].compactMap(Unicode.Scalar.init)
        for scalar in scalars {
            let alone = String(Character(scalar)), among = "a\(alone)é—b"
            #expect(TerminalText.needsEscape(alone, keepLineBreaks: keepLineBreaks) == Self.expected(alone, keepLineBreaks: keepLineBreaks),
                    "U+\(String(scalar.value, radix: 16))")
            #expect(TerminalText.needsEscape(among, keepLineBreaks: keepLineBreaks) == Self.expected(among, keepLineBreaks: keepLineBreaks))
            #expect(TerminalText.escape(among, keepLineBreaks: keepLineBreaks) == Self.reference(among, keepLineBreaks: keepLineBreaks))
        }
    }

    @Test func runsOfTextBetweenControls() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "é", "—", "😀", "\n", "\t", "\u{1B}", "\u{07}", "\u{85}", "\u{9F}", "\u{7F}", "\u{200E}", "\u{2028}",
                      "\u{202E}", "\u{2066}", "\u{61C}", "\u{2060}", "\u{2030}", "\u{A0}", "\r\n", "text "]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            for keep in [false, true] {
                #expect(TerminalText.escape(text, keepLineBreaks: keep) == Self.reference(text, keepLineBreaks: keep), "\(Array(text.unicodeScalars))")
            }
        }
    }

    @Test func linesOfAnArticleGoOutAsTheyAre() {
        let article = "# Title\n\n\tParagraph — with “quotes” and café.\n"
        #expect(TerminalText.escape(article, keepLineBreaks: true) == article)
        #expect(TerminalText.escape(article) == "# Title\\x0a\\x0a\\x09Paragraph — with “quotes” and café.\\x0a")
        #expect(TerminalText.escape("a\u{202E}b\u{1B}[2J", keepLineBreaks: true) == "a\\u{202e}b\\e[2J")
    }
}
