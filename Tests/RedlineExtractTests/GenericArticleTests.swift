import Foundation
@testable import RedlineExtract
import Testing

/// The generic extractor on the shapes that made it lose whole articles on the article-extraction
/// benchmark (`Benchmarks/article-extraction`): furniture words inside class names that are not
/// furniture, a page-wide form or header, a body split over sibling boxes.
@Suite struct GenericArticleTests {
    static let paragraphs = (1...6).map { "Paragraph \($0) of the story, long enough to read as prose in the body of the article, with a clause or two more." }

    static func blocks(_ html: String) -> [String] {
        ArticleExtractor.extract(Data(html.utf8)).article.blocks.map(\.text)
    }

    static func ps(_ range: ClosedRange<Int>) -> String {
        paragraphs[(range.lowerBound - 1)...(range.upperBound - 1)].map { "<p>\($0)</p>" }.joined()
    }

    static let menu = "<nav><a href=/>Home</a> <a href=/world>World</a></nav>"

    @Test(arguments: [
        "post type-post tag-politics tag-newsletter category-no-newsletter-rss",   // WordPress's post_class
        "section section--Ads", "article non-paywall", "story-body article-no-ads",
    ])
    func aClassNameThatOnlyMentionsFurnitureIsNotFurniture(_ classes: String) {
        #expect(!Furniture.isFurnitureName(classes))
        let html = "<html><body>\(Self.menu)<article class=\"\(classes)\">\(Self.ps(1...3))</article>"
            + "<div class=\"related\"><p>\(String(repeating: "Another story you might like to read next. ", count: 3))</p></div></body></html>"
        #expect(Self.blocks(html) == Array(Self.paragraphs.prefix(3)), "\(classes)")
    }

    @Test(arguments: ["cookie-banner", "most-read", "ad-slot", "more-news", "link-share", "mostRead", "newsletter--large",
                      "breaking-news", "news-ticker", "smg-zone-widget-custom-cta-letter", "grid-container next-prev", "pagination"])
    func furnitureNamesStillAre(_ name: String) {
        #expect(Furniture.isFurnitureName(name))
    }

    /// ASP.NET puts the whole page in one `<form>`; some sites put the article in a `<header>`.
    @Test(arguments: ["form", "header"])
    func aPageWideWrapperIsNotFurniture(_ tag: String) {
        let html = "<html><body><\(tag) id=\"aspnetForm\">\(Self.menu)<div class=\"story\">\(Self.ps(1...4))</div>"
            + "<\(tag == "form" ? "form" : "header") class=\"search\"><p>Search the site</p></\(tag == "form" ? "form" : "header")></\(tag)></body></html>"
        #expect(Self.blocks(html) == Array(Self.paragraphs.prefix(4)))
    }

    /// The New York Times' body: each run of paragraphs in a column box of its own, with an
    /// advert between; every column is kept, the teasers beside them are not.
    @Test func aBodySplitOverSiblingColumnsIsKeptWhole() {
        func column(_ range: ClosedRange<Int>) -> String { "<div class=\"StoryBodyCompanionColumn\"><div class=\"css-1\">\(Self.ps(range))</div></div>" }
        let teasers = "<div class=\"rail\"><ul>" + (1...8).map { "<li><a href=/s\($0)>Teaser headline number \($0)</a></li>" }.joined() + "</ul></div>"
        let html = "<html><body>\(Self.menu)<section name=\"articleBody\">\(column(1...2))<div class=\"ad\">Advertisement</div>"
            + "\(column(3...4))\(column(5...6))</section>\(teasers)</body></html>"
        #expect(Self.blocks(html) == Self.paragraphs)
    }

    /// A page that marks its body `itemprop="articleBody"` has all of it read, even when one of its
    /// boxes (a recipe card, a blogger's profile) outweighs the others.
    @Test func theMarkedArticleBodyIsReadWhole() {
        let html = "<html><body>\(Self.menu)<div itemprop=\"articleBody\"><div class=\"article__block\"><h2>One</h2>\(Self.ps(1...1))</div>"
            + "<div class=\"article__block\"><h2>Two</h2><div class=\"inner\"><figure>Photo</figure>\(Self.ps(2...5))</div></div>"
            + "<div class=\"article__block\"><h2>Three</h2>\(Self.ps(6...6))</div></div></body></html>"
        let blocks = Self.blocks(html)
        #expect(Self.paragraphs.allSatisfy(blocks.contains), "\(blocks)")
    }

    /// Barron's ships the whole article, the part after the lead in `div.paywall`.
    @Test func aPaywallBoxWithTheArticleInItIsRead() {
        let html = "<html><body>\(Self.menu)<div class=\"article-body\">\(Self.ps(1...4))<div class=\"paywall\">\(Self.ps(5...6))</div></div></body></html>"
        #expect(Self.blocks(html) == Self.paragraphs)
    }

    /// A rail of dated teasers after an article (headline links to other pages, a summary each)
    /// is not a live blog.
    @Test func aRailOfDatedTeasersIsNotALiveBlog() {
        let teasers = (1...4).map { n in
            "<li><h5><a href=\"https://example.com/opinion/story-\(n)\">Another opinion piece number \(n)</a></h5>"
                + "<time datetime=\"2019-11-19T2\(n):00:00Z\">Tuesday</time>"
                + "<p>\(String(repeating: "A summary of that other piece, as long as a paragraph of the article itself. ", count: 3))</p></li>"
        }.joined()
        let html = "<html><body>\(Self.menu)<article>\(Self.ps(1...6))</article><ul class=\"list\">\(teasers)</ul></body></html>"
        let article = ArticleExtractor.extract(Data(html.utf8)).article
        #expect(article.entries.isEmpty)
        #expect(Array(article.blocks.map(\.text).prefix(6)) == Self.paragraphs)
    }

    /// India Post opens every page with a "breaking news" ticker longer than its article.
    @Test func aNewsTickerIsNotTheArticle() {
        let ticker = "<div class=\"breaking-news\"><ul>" + (1...4).map { "<li><span>Other headline \($0) NEW DELHI: \(String(repeating: "a summary of some other story, ", count: 3))…</span></li>" }.joined() + "</ul></div>"
        let html = "<html><body>\(Self.menu)\(ticker)<div class=\"main-article-content\"><div class=\"shortcode-content\"><div>\(Self.ps(1...3))</div>"
            + "<div class=\"ad-slot\">Advertisement</div><div>\(Self.ps(4...6))</div></div></div></body></html>"
        #expect(Self.blocks(html) == Self.paragraphs)
    }

    /// A "Categories" widget in the article's box is navigation: a list whose text is all links.
    /// A list of prose with a link in it stays.
    @Test func aListOfLinksInTheBodyIsLeftOut() {
        let categories = "<h3>Categorias</h3><ul>" + ["Administração", "Agricultura", "Cultura", "Economia"].map { "<li><a href=/c/\($0)>\($0)</a></li>" }.joined() + "</ul>"
        let prose = "<ul>" + (1...3).map { "<li>Point \($0) of the story, with <a href=/s>a source</a> for it and a clause or two more.</li>" }.joined() + "</ul>"
        let html = "<html><body><div class=\"content\">\(Self.ps(1...2))\(prose)\(categories)</div></body></html>"
        let blocks = Self.blocks(html)
        #expect(blocks == Array(Self.paragraphs.prefix(2)) + (1...3).map { "Point \($0) of the story, with a source for it and a clause or two more." } + ["Categorias"])
    }

    /// energy.gov's home page: one short paragraph (a podcast's blurb) and a list of news items,
    /// each a headline link, a summary and a date in boxes, no paragraph among them. Those items
    /// are what changes from one capture to the next, so they are read, not the blurb alone.
    @Test func aHomePageOfNewsItemsIsReadWhole() {
        let items = (1...10).map { n in
            "<div class=\"node node-article\"><div class=\"content\"><a class=\"title-link\" href=\"/articles/\(n)\">Secretary announces project number \(n)</a>"
                + "<div class=\"field-item\">A summary of project \(n), which is one of several the department announced this month across the country.</div>"
                + "<div class=\"date\">September \(n), 2017</div></div></div>"
        }.joined()
        let html = "<html><body>\(Self.menu)<div class=\"podcast\"><h2>Direct Current</h2><p>An unknown, invisible something: a short blurb of a podcast.</p></div>"
            + "<div class=\"energy-listing\">\(items)</div></body></html>"
        let blocks = Self.blocks(html)
        #expect(blocks.contains("An unknown, invisible something: a short blurb of a podcast."), "\(blocks)")
        for n in 1...10 {
            #expect(blocks.contains { $0.contains("A summary of project \(n),") }, "\(n): \(blocks)")
        }
    }

    /// The real pair: web-monitoring-diff 0.2.0's energy.gov home page of 22 and 29 September 2017
    /// (read from where `Benchmarks/article-extraction/fema.sh` unpacks it): the news items that
    /// came and went are read, not only the podcast's blurb.
    @Test
    func theEnergyGovHomePageReadsItsNewsItems() throws {
        func texts(_ name: String) throws -> [String] {
            ArticleExtractor.extract(try Data(contentsOf: MojibakeTests.femaVersions.appendingPathComponent(name))).article.blocks.map(\.text)
        }
        let old = try texts("9d4de183-a186-456c-bffb-55d82989877d"), new = try texts("775a8b04-9bac-4d0d-8db0-a8e133c4a964")
        let came = "Secretary Perry Announces Conditional Commitment to Support Continued Construction of Vogtle Advanced Nuclear Energy Project"
        let went = "U.S. Department of Energy Proposes Expedited Approval for Small-Scale Natural Gas Exports"
        #expect(new.contains(came) && !old.contains(came), "\(new.prefix(20))")
        #expect(old.contains(went) && !new.contains(went), "\(old.prefix(20))")
    }
}
