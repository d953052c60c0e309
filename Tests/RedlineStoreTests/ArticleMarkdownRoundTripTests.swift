import Foundation
import RedlineCorpus
import RedlineExtract
import RedlineModel
@testable import RedlineStore
import Testing

/// Issue 17 (3): `article.md` is the one stored form of the article, so it must read back into
/// exactly the article it was rendered from: every test page, seed and corpus page as extracted,
/// the corpus's live blogs, and articles made of hostile text.
@Suite struct ArticleMarkdownRoundTripTests {
    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let shared = tests.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")

    /// Every capture of `Tests/Shapes`, the seeds and the corpus pages.
    static var captures: [URL] {
        var found: [URL] = []
        for root in [tests.appendingPathComponent("Shapes"), shared.appendingPathComponent("seeds"),
                     shared.appendingPathComponent("corpus/html")] {
            let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
            while let file = files?.nextObject() as? URL {
                if ["html", "txt"].contains(file.pathExtension) { found.append(file) }
            }
        }
        return found.sorted { $0.path < $1.path }
    }

    func expectRoundTrip(_ article: Article, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let text = ArticleMarkdown.render(article)
        let back = ArticleMarkdown.parse(text)
        #expect(back == article, "\(what):\n\(text)", sourceLocation: sourceLocation)
    }

    @Test func everyExtractedPageReadsBack() throws {
        let captures = Self.captures
        #expect(captures.count > 150)
        for capture in captures {
            expectRoundTrip(ArticleExtractor.extract(try Data(contentsOf: capture)).article, capture.path)
        }
    }

    @Test func everyCorpusLiveBlogReadsBack() throws {
        for name in LiveBlog.names {
            expectRoundTrip(try LiveBlog.load(name).version(entryCount: .max), name)
        }
    }

    /// Pieces that mean something in Markdown, in this form, or to a terminal.
    static let pieces = [
        "# ", "#", "#### ", "###", "## Key events", "---", "- ", "> ", "* ", "**", "*", "_", "`", "\\", "\\\\", "[x](y)", "![i](u)",
        "<b>", "<", ">", "&", "&amp;", "&#x41;", "&#10;", "&lt;", "@", "@\u{2060}", "\u{2060}", "{", "}", "{#", "{#id}", " {#id}",
        " · ", "·", "2025-04-23T15:10:00Z", "2025-04-23T15:10:00Z · ", "1.", "1)", "12-", "+", "=", "|", "~", "$", "!",
        "\n", "\n\n", "\r\n", "\t", "\u{0}", "\u{7F}", "\u{85}", "\u{9B}", "\u{202E}", "\u{2066}", "\u{2069}", "\u{200F}", "\u{061C}",
        "\u{2028}", "\u{FEFF}", "\u{1B}[31m", " ", "  ", "é", "e\u{301}", "日本語", "😀", "word", "two words", "",
    ]

    @Test func hostileTextReadsBack() {
        var random = SeededGenerator(seed: 17)
        func text() -> String { (0..<Int.random(in: 0...5, using: &random)).map { _ in Self.pieces.randomElement(using: &random)! }.joined() }
        func maybe() -> String? { Bool.random(using: &random) ? text() : nil }
        func time() -> Date? { Bool.random(using: &random) ? Date(timeIntervalSince1970: Double(Int.random(in: 0...4_000_000_000, using: &random))) : nil }
        func blocks() -> [Block] { (0..<Int.random(in: 0...4, using: &random)).map { _ in Block(Block.Kind.allCases.randomElement(using: &random)!, text()) } }
        for round in 0..<2_000 {
            let article = Article(
                title: maybe(), standfirst: maybe(), byline: maybe(), url: maybe(),
                keyEvents: (0..<Int.random(in: 0...3, using: &random)).map { _ in KeyEvent(id: maybe(), time: time(), title: text()) },
                blocks: blocks(),
                entries: (0..<Int.random(in: 0...3, using: &random)).map { _ in
                    Entry(id: maybe(), time: time(), title: maybe(), author: maybe(), blocks: blocks())
                })
            expectRoundTrip(article, "round \(round)")
        }
    }

    @Test func theTextStaysInertMarkdownOneLineABlock() {
        let article = Article(title: "a\nb", blocks: [Block(.paragraph, "x\u{202E}y <b> {#z}")])
        let text = ArticleMarkdown.render(article)
        #expect(text == "# a&#xA;b\n\nx&#x202E;y &lt;b&gt; \\{#z\\}\n")
    }
}
