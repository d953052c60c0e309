import RedlineText
import Foundation
import RedlineModel
import RedlineRender
import Testing

/// An article that tries to attack each output renders as harmless text in every format.
@Suite struct HostileArticleTests {
    static let diff = Fixtures.hostile

    static var terminalOutputs: [String] {
        [
            DiffTerminal.render(diff, options: TerminalOptions(color: true, width: 80)),
            DiffTerminal.render(diff, options: TerminalOptions(color: false, width: 80)),
            DiffTerminal.render(diff, options: TerminalOptions(color: false, width: nil)),
            DiffText.render(diff), DiffStat.render(diff, color: true),
            DiffMarkdown.render(diff), JSONOutput.render(diff),
        ]
    }

    @Test func noControlCharacterReachesATerminal() {
        for output in Self.terminalOutputs {
            for scalar in output.unicodeScalars where scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) {
                #expect(scalar == "\n" || Self.isOurColour(scalar, in: output), "raw U+\(String(scalar.value, radix: 16)) in output")
            }
            #expect(!output.contains("\u{1B}]"), "an OSC sequence (clipboard, hyperlink) went out raw")
            #expect(!output.contains("\u{1B}[2J"), "clear-screen went out raw")
            #expect(!output.contains("\u{07}") && !output.contains("\r"))
        }
    }

    /// ESC is allowed only as the start of redline's own SGR codes (`ESC [ digits ; m`).
    static func isOurColour(_ scalar: Unicode.Scalar, in output: String) -> Bool {
        guard scalar == "\u{1B}" else { return false }
        let ours = try! Regex(#"\x1B\[[0-9;]*m"#)
        return output.replacing(ours, with: "").unicodeScalars.allSatisfy { $0 != "\u{1B}" }
    }

    /// Issue 16 (7): bidirectional controls reordered what a terminal showed after them, and C1
    /// controls went out raw in JSON.
    @Test func bidiAndC1ControlsNeverGoOutRaw() {
        let bidi = ["\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}",
                    "\u{200E}", "\u{200F}", "\u{061C}"]
        for control in bidi {
            let text = "Talks end\(control)dne sklaT"
            #expect(!TerminalText.escape(text).contains(control), "U+\(String(control.unicodeScalars.first!.value, radix: 16)) went out raw")
        }
        #expect(TerminalText.escape("abc\u{202E}fed") == "abc\\u{202e}fed")
        let diff = ArticleDiff(blocks: [BlockChange(change: .added, newIndex: 0, newText: "a\u{85}b\u{9B}2Jc é\u{A0}")])
        let json = JSONOutput.render(diff)
        #expect(json.contains("a\\u0085b\\u009b2Jc é\u{A0}"), "\(json)")
        #expect(!json.unicodeScalars.contains { (0x80..<0xA0).contains($0.value) })
    }

    @Test func escapeSequencesPrintVisibly() {
        let plain = DiffTerminal.render(Self.diff, options: TerminalOptions(color: false, width: nil))
        #expect(plain.contains("Breaking\\e]52;c;cm0gLXJmIH4=\\x07 news\\e[2J"))
        #expect(plain.contains("\\e[31m\\x0d\\x0ared"))
    }

    @Test func htmlHasNoMarkupFromTheArticle() {
        let pages = [DiffHTML.render(Self.diff), ReportHTML.render(ReportHTML.History(
            article: "hostile", title: Fixtures.hostileTitle, url: "javascript:alert(8)",
            versions: [Version(number: 1, commit: "1111111111111111111111111111111111111111", capturedAt: Fixtures.time("2025-04-23T08:00:00Z")),
                       Version(number: 2, commit: "2222222222222222222222222222222222222222", capturedAt: Fixtures.time("2025-04-23T09:00:00Z"))],
            diffs: [Self.diff]))]
        for page in pages {
            let lower = page.lowercased()
            #expect(!lower.contains("<script"))
            #expect(!lower.contains("<img"))
            #expect(!lower.contains("<svg"))
            #expect(!lower.contains("<b "))
            #expect(!lower.contains("<i>"))
            #expect(!lower.contains("<!-- c"))
            #expect(!lower.contains("href=\"javascript"))
            #expect(!lower.contains("onerror=alert(2)>"), "an attribute could have been closed")
            #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"))
            #expect(!page.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" })
            // Every tag in the page is one redline writes.
            let tags = Set(page.matches(of: try! Regex(#"<(/?[a-zA-Z][a-zA-Z0-9]*)"#)).map { String(page[$0.range]).lowercased() })
            let allowed: Set<String> = ["<html", "<head", "<meta", "<title", "<style", "<body", "<header", "<p", "<h1", "<h2",
                                        "<h3", "<h4", "<main", "<section", "<ul", "<ol", "<li", "<div", "<span", "<a", "<time",
                                        "<code", "<del", "<ins", "<nav", "<footer", "<b"]
            for tag in tags {
                #expect(allowed.contains(tag.replacingOccurrences(of: "/", with: "")), "unexpected tag \(tag)")
            }
            // Every link is an in-page anchor or an http(s) URL.
            for match in page.matches(of: try! Regex(#"href="([^"]*)""#)) {
                let href = String(page[match.range]).dropFirst(6).dropLast()
                #expect(href.hasPrefix("#") || href.hasPrefix("https://") || href.hasPrefix("http://"), "link \(href)")
            }
        }
    }

    @Test func markdownHasNoMarkupFromTheArticle() {
        let markdown = DiffMarkdown.render(Self.diff)
        #expect(!markdown.contains("<script"))
        #expect(!markdown.contains("<img"))
        #expect(!markdown.contains("<svg"))
        #expect(!markdown.contains("<b "))
        #expect(!markdown.contains("<!--"))
        #expect(markdown.firstMatch(of: try! Regex(#"[^\\]\]\("#)) == nil, "a Markdown link or image could form")
        #expect(markdown.contains(#"\[click\](javascript:alert(3))"#))
        #expect(!markdown.contains("**bold**"))
        #expect(!markdown.contains(" | $x$"), "a table cell or math could form")
        #expect(markdown.contains("- \\# &lt;b onmouseover"), "a heading at the start of a list item is escaped")
        #expect(!markdown.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\r" })
        // The only raw HTML tags are redline's own.
        let tags = Set(markdown.matches(of: try! Regex(#"</?[a-zA-Z]+"#)).map { String(markdown[$0.range]) })
        #expect(tags.isSubset(of: ["<details", "</details", "<summary", "</summary", "<del", "</del", "<ins", "</ins"]), "\(tags)")
    }

    @Test func onlyHTTPLinksBecomeLinks() {
        #expect(HTMLEscape.href("javascript:alert(1)") == nil)
        #expect(HTMLEscape.href(" javascript:alert(1)") == nil)
        #expect(HTMLEscape.href("JaVaScRiPt:alert(1)") == nil)
        #expect(HTMLEscape.href("data:text/html,<script>") == nil)
        #expect(HTMLEscape.href("//evil.example/") == nil)
        #expect(HTMLEscape.href("https://example.com/a b") == nil)
        #expect(HTMLEscape.href("https://example.com/\u{1B}[2J") == nil)
        #expect(HTMLEscape.href("https://example.com/?a=1&b=\"2\"") == "https://example.com/?a=1&amp;b=&quot;2&quot;")
        #expect(HTMLEscape.href("HTTP://example.com/") == "HTTP://example.com/")
    }

    @Test func markdownEscapesWhatWouldBeMarkup() {
        #expect(MarkdownEscape.text("**Breaking** [link](javascript:alert(1)) <b>x</b> | $5")
            == #"\*\*Breaking\*\* \[link\](javascript:alert(1)) &lt;b&gt;x&lt;/b&gt; \| \$5"#)
        #expect(MarkdownEscape.text("# 1. Not a heading", lineStart: true) == ##"\# 1. Not a heading"##)
        #expect(MarkdownEscape.text("1. Not a list", lineStart: true) == #"1\. Not a list"#)
        #expect(MarkdownEscape.text("- no", lineStart: true) == #"\- no"#)
        #expect(MarkdownEscape.text("- yes") == "- yes")
        #expect(MarkdownEscape.text("A plain sentence, with commas.") == "A plain sentence, with commas.")
        #expect(MarkdownEscape.text("cc @octocat and @github/security") == "cc @\u{2060}octocat and @\u{2060}github/security")
    }
}

/// The Markdown through a real GitHub-flavoured renderer (Debian's `cmark-gfm`, when installed):
/// the only markup in the HTML it makes is redline's own, and the only link an http(s) URL.
@Suite struct MarkdownThroughGFMTests {
    static let cmark = ["/usr/bin/cmark-gfm", "/usr/local/bin/cmark-gfm"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: cmark != nil)) func theHostileArticleRendersAsText() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.cmark!)
        process.arguments = ["-e", "table", "-e", "strikethrough", "-e", "autolink", "--unsafe"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        try input.fileHandleForWriting.write(contentsOf: Data(DiffMarkdown.render(Fixtures.hostile).utf8))
        try input.fileHandleForWriting.close()
        let html = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(html.contains("<table>"))
        for bad in ["<script", "<img", "<svg", "<b ", "<i>", "<h1", "<!--", "href=\"javascript", "<em>bold", "<strong>bold"] {
            #expect(!html.contains(bad), "\(bad) in \(html)")
        }
        for match in html.matches(of: try Regex(#"href="([^"]*)""#)) {
            #expect(html[match.range].hasPrefix("href=\"https://"), "\(html[match.range])")
        }
    }
}
