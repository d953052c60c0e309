import Foundation
@testable import RedlineExtract
import RedlineModel
import Testing

/// The rows of docs/RELIABILITY.md's input matrix that are cheapest to check at extraction: large,
/// strangely typed or strangely timed pages give a sensible article (and a warning where something
/// was dropped), never a crash.
@Suite struct InputMatrixTests {
    @Test func hundredThousandOneWordParagraphs() {
        let words = (0..<100_000).map { "word\($0)" }
        let text = ArticleExtractor.extract(Data(("Title\n\n" + words.joined(separator: "\n\n")).utf8))
        #expect(text.article.positionedBlocks.count == 100_001)
        let html = ArticleExtractor.extract(Data(("<html><body><article>" + words.map { "<p>\($0)</p>" }.joined() + "</article></body></html>").utf8))
        #expect(html.article.positionedBlocks.map(\.block.text) == words)
    }

    /// 2,000 updates and 2 MB of JSON-LD, none of them in the markup: every update is kept, with one warning.
    @Test func hugeJSONLD() {
        let body = String(repeating: "Officials said more talks were planned. ", count: 25)
        let updates = (0..<2_000).map {
            "{\"@type\": \"BlogPosting\", \"@id\": \"#u\($0)\", \"headline\": \"Update \($0)\", \"datePublished\": \"2025-04-23T10:00:00Z\", \"articleBody\": \"\(body)\"}"
        }
        let html = "<html><head><script type=\"application/ld+json\">{\"@type\": \"LiveBlogPosting\", \"headline\": \"Live\", \"liveBlogUpdate\": ["
            + updates.joined(separator: ",") + "]}</script></head><body><article><p>The page itself.</p></article></body></html>"
        #expect(html.utf8.count > 2_000_000)
        let extraction = ArticleExtractor.extract(Data(html.utf8))
        #expect(extraction.article.entries.count == 2_000)
        #expect(extraction.warnings.count == 1, "\(extraction.warnings)")
    }

    @Test(arguments: [
        "[1, \"x\", null, true]",
        "{\"@type\": 5, \"headline\": {\"a\": 1}, \"liveBlogUpdate\": \"nope\"}",
        "{\"@type\": \"LiveBlogPosting\", \"headline\": [\"A\", 2], \"liveBlogUpdate\": [7, [], {\"headline\": 3, \"datePublished\": false}]}",
        "{\"@graph\": {\"@graph\": {\"@type\": \"LiveBlogPosting\", \"author\": 12}}}",
        "\"just a string\"",
    ])
    func jsonLDOfTheWrongType(_ json: String) {
        let html = "<html><head><script type=\"application/ld+json\">\(json)</script></head><body><article><p>Markup still counts.</p></article></body></html>"
        let article = ArticleExtractor.extract(Data(html.utf8)).article
        #expect(article.positionedBlocks.map(\.block.text).contains("Markup still counts."), "\(article)")
    }

    @Test func entriesWithNoTimeKeepNone() {
        let html = """
            <html><body><article>
              <div id="block-2" class="block"><p>Second post, no time.</p></div>
              <div id="block-1" class="block"><time datetime="2025-04-23T10:00:00Z">10:00</time><p>First post.</p></div>
              <div id="block-0" class="block"><time datetime="soon">soon</time><p>Oldest post, a time that is not one.</p></div>
            </article></body></html>
            """
        let article = ArticleExtractor.extract(Data(html.utf8)).article
        let texts = article.positionedBlocks.map(\.block.text)
        #expect(texts.contains("Second post, no time.") && texts.contains("Oldest post, a time that is not one."), "\(texts)")
        for entry in article.entries where entry.blocks.contains(where: { $0.text.contains("no time") || $0.text.contains("not one") }) {
            #expect(entry.time == nil, "a time is never invented: \(entry)")
        }
    }

    @Test func timesInTheFutureAreKeptAsGiven() {
        let html = """
            <html><body><article>
              <div id="block-2" class="block"><time datetime="3099-01-01T10:00:00Z">10:00</time><p>From the future.</p></div>
              <div id="block-1" class="block"><time datetime="2025-04-23T10:00:00Z">10:00</time><p>From the past.</p></div>
            </article></body></html>
            """
        let article = ArticleExtractor.extract(Data(html.utf8)).article
        #expect(article.entries.map(\.time) == ["3099-01-01T10:00:00Z", "2025-04-23T10:00:00Z"].map(Timestamp.parse), "\(article.entries)")
    }

    @Test func controlCharactersInTextAreKeptForTheRendererToEscape() {
        let extraction = ArticleExtractor.extract(Data("Title\n\nA \u{1B}[31mred\u{1B}[0m word and a bell\u{07}.\n".utf8))
        #expect(extraction.article.positionedBlocks.count == 2)
    }
}
