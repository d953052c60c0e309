import Foundation
import RedlineModel
import Testing
@testable import RedlineExtract

/// `select` (CSS subset or XPath, evaluated by libxml2) and `ignore` (regular expressions).
@Suite struct ExtractionFilterTests {
    static let page = """
        <html><head><title>Talks: live</title></head><body><h1>Talks: live</h1>
        <main><p class="latest">Latest: markets fall sharply as the pound slides against the dollar overnight.</p>
        <div id="live" class="blog body" data-kind="live"><article id="b2"><p>Updated at 10:05 BST, refreshed automatically.</p>
        <p>Both sides left London without an agreement on Wednesday evening.</p></article>
        <article id="b1"><p>Negotiators met in London on Wednesday morning to discuss a ceasefire.</p></article></div></main>
        </body></html>
        """

    /// The standfirst and every block of the page's article as `filter` extracts it.
    func texts(_ filter: ExtractionFilter) -> [String] {
        let article = ArticleExtractor.extract(Data(Self.page.utf8), filter: filter).article
        return [article.standfirst].compactMap { $0 } + article.positionedBlocks.map(\.block.text)
    }

    @Test(arguments: [
        ("#live", "//*[@id='live']"),
        ("div.blog", "//div[contains(concat(' ',normalize-space(@class),' '),' blog ')]"),
        ("main > div[data-kind=live]", "//main/div[@data-kind='live']"),
        ("main article", "//main//article"),
        ("h1, .ticker", "//h1 | //*[contains(concat(' ',normalize-space(@class),' '),' ticker ')]"),
        ("[id^=\"b\"]", "//*[starts-with(@id,'b')]"),
    ])
    func cssTranslatesToXPath(_ css: String, _ xpath: String) throws {
        #expect(try CSSSelector.xpath(css) == xpath)
    }

    @Test(arguments: ["p:first-child", "a + b", "div[", "#", "p ~ q", "[a='x]"])
    func unsupportedCSSIsRefusedWithAReason(_ css: String) {
        #expect(throws: ExtractionFilterError.self) { try ExtractionFilter(select: css) }
    }

    @Test func aSelectorNarrowsThePageBeforeExtraction() throws {
        let whole = texts(.none)
        #expect(whole.contains { $0.hasPrefix("Latest: markets") })
        for selector in ["#live", "div.body", "main > div", "//div[@id='live']", "(//main/div)[1]"] {
            let narrowed = texts(try ExtractionFilter(select: selector))
            #expect(!narrowed.contains { $0.hasPrefix("Latest:") }, "\(selector): \(narrowed)")
            #expect(narrowed.contains("Both sides left London without an agreement on Wednesday evening."), "\(selector): \(narrowed)")
        }
    }

    /// Selecting the body, or what holds it, selects all of it (libxml2's document was once left
    /// without a body, and `html` was put inside its own body).
    @Test(arguments: ["body", "html", "*", "//node()", "/html", "//body"])
    func aSelectorHoldingTheBodyReadsAllOfIt(_ selector: String) throws {
        #expect(texts(try ExtractionFilter(select: selector)) == texts(.none))
        let page = try Fixtures.page(Fixtures.pageNames[0])
        let whole = ArticleExtractor.extract(page).article
        #expect(ArticleExtractor.extract(page, filter: try ExtractionFilter(select: selector)).article == whole)
    }

    @Test func aSelectorMatchingOnlyTheHeadReadsNothing() throws {
        let extraction = ArticleExtractor.extract(Data(Self.page.utf8), filter: try ExtractionFilter(select: "title"))
        #expect(extraction.article.isEmpty)
        #expect(extraction.warnings == ["the selector matched nothing on the page; nothing was read"])
    }

    @Test func aSelectorThatMatchesNothingReadsNothing() throws {
        let extraction = ArticleExtractor.extract(Data(Self.page.utf8), filter: try ExtractionFilter(select: "#gone"))
        #expect(extraction.article.isEmpty)
        #expect(extraction.warnings == ["the selector matched nothing on the page; nothing was read"])
    }

    @Test func anIgnorePatternDropsWhatItMatches() throws {
        let filtered = texts(try ExtractionFilter(ignore: ["^Updated at ", "pound"]))
        #expect(!filtered.contains { $0.hasPrefix("Updated at") || $0.contains("pound") }, "\(filtered)")
        #expect(filtered.contains("Negotiators met in London on Wednesday morning to discuss a ceasefire."))
        let text = ArticleExtractor.extract(Data("Talks\n\nUpdated at 10:05\n\nBoth sides left.\n".utf8), format: .text,
                                            filter: try ExtractionFilter(ignore: ["^Updated at "])).article
        #expect(!text.positionedBlocks.contains { $0.block.text.hasPrefix("Updated") })
        #expect(throws: ExtractionFilterError.badPattern("(x")) { try ExtractionFilter(ignore: ["(x"]) }
    }
}
