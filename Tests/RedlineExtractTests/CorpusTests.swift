import Foundation
import RedlineExtract
import RedlineModel
import Testing

/// The real live-blog pages in `../shared/corpus/html/`.
@Suite struct CorpusTests {
    /// How many `liveBlogUpdate`s the page's structured data holds, counted independently of
    /// redline: JSON-LD where it parses, else microdata attributes.
    static func structuredUpdateCount(_ html: String) -> Int {
        var count = 0
        var rest = html[...]
        while let open = rest.range(of: "application/ld+json") {
            guard let start = rest[open.upperBound...].range(of: ">"),
                  let end = rest[start.upperBound...].range(of: "</script>") else { break }
            let json = rest[start.upperBound..<end.lowerBound]
            if let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) {
                count += updates(in: object)
            }
            rest = rest[end.upperBound...]
        }
        if count > 0 { return count }
        return html.components(separatedBy: "itemprop=\"liveBlogUpdate\"").count - 1
    }

    private static func updates(in object: Any) -> Int {
        if let array = object as? [Any] { return array.reduce(0) { $0 + updates(in: $1) } }
        guard let dictionary = object as? [String: Any] else { return 0 }
        var count = (dictionary["liveBlogUpdate"] as? [Any])?.count ?? (dictionary["liveBlogUpdate"] is [String: Any] ? 1 : 0)
        if let graph = dictionary["@graph"] { count += updates(in: graph) }
        return count
    }

    static let expectedUpdates = [
        "corkbeo-level-3-live-cork.html": 26, "ndtv-ind-vs-sl-cwc2023-live.html": 40,
        "repubblica-israele-hamas-diretta-2023-11-02.html": 79, "timesofindia-ipl2020-csk-vs-srh-liveblog.html": 8,
    ]

    @Test(arguments: Fixtures.pageNames)
    func oneEntryPerLiveBlogUpdateWithItsTime(_ name: String) throws {
        let html = String(decoding: try Fixtures.page(name), as: UTF8.self)
        let updates = Self.structuredUpdateCount(html)
        #expect(updates == Self.expectedUpdates[name])
        let extraction = try Fixtures.extraction(page: name)
        #expect(extraction.format == .html)
        #expect(extraction.article.entries.count == updates)
        #expect(extraction.article.entries.allSatisfy { $0.time != nil })
        #expect(extraction.article.title != nil)
        // Every update found in the markup: nothing taken from articleBody.
        #expect(!extraction.warnings.contains { $0.contains("not found in the page's markup") })
    }

    /// Words of navigation, cookie banners, share bars and "most read" boxes.
    static let furnitureWords = [
        "cookie", "most read", "most popular", "trending", "privacy policy", "terms of use", "terms & conditions",
        "sign in", "log in", "subscribe", "newsletter", "share on", "share link", "advertisement", "all rights reserved",
        "copyright", "©", "get the app", "follow us", "skip to", "epaper", "live tv", "more videos",
        "turn on notifications", "get alerts",
    ]

    @Test(arguments: Fixtures.pageNames)
    func noFurnitureAmongBlocks(_ name: String) throws {
        let article = try Fixtures.extraction(page: name).article
        for item in article.positionedBlocks {
            let text = item.block.text.lowercased()
            for word in Self.furnitureWords {
                #expect(!text.contains(word), "\(name): furniture \"\(word)\" in block: \(item.block.text)")
            }
            // Share buttons, menus and tag lists are one or two words long.
            #expect(!["facebook", "twitter", "whatsapp", "email", "home", "menu", "news", "more on", "toggle", "by", "points table"].contains(text),
                    "\(name): furniture block \(item.block.text)")
        }
    }

    @Test func keyEventsPointAtEntries() throws {
        for name in ["repubblica-israele-hamas-diretta-2023-11-02.html", "corkbeo-level-3-live-cork.html"] {
            let article = try Fixtures.extraction(page: name).article
            #expect(!article.keyEvents.isEmpty)
            let ids = Set(article.entries.compactMap(\.id))
            for event in article.keyEvents {
                #expect(event.id.map(ids.contains) == true, "\(name): key event \(event.title) points nowhere")
                #expect(event.time != nil)
            }
        }
    }

    /// What `snap` stores (the article's JSON) reads back equal to a fresh extraction: otherwise
    /// every capture of an unchanged page would be a new version.
    @Test(arguments: Fixtures.pageNames.map { "html/" + $0 } + Fixtures.seedNames.map { "seeds/" + $0 })
    func articleSurvivesItsJSONForm(_ path: String) throws {
        let name = String(path.split(separator: "/").last!)
        let article = try path.hasPrefix("html/") ? Fixtures.extraction(page: name).article : Fixtures.extraction(seed: name).article
        let decoded = try JSONDecoder().decode(Article.self, from: JSONEncoder().encode(article))
        #expect(decoded == article)
    }

    @Test func entryIDsComeFromUpdateURLs() throws {
        let article = try Fixtures.extraction(page: "corkbeo-level-3-live-cork.html").article
        #expect(article.entries.first?.id == "2259242")
        #expect(article.entries.first?.title == "Goodnight")
        #expect(article.entries.first?.time == Timestamp.parse("2020-10-06T20:22:53Z"))   // .212 s dropped
        let ndtv = try Fixtures.extraction(page: "ndtv-ind-vs-sl-cwc2023-live.html").article
        #expect(ndtv.entries.first?.id == "80")
        #expect(ndtv.entries.first?.title == "India vs Sri Lanka: It's a wrap!")
    }
}

extension CorpusTests {
    /// Times of India numbers its updates `#post1`, `#post2` … from the newest: positions, not
    /// identities, so they are not used as entry ids.
    @Test func positionalUpdateIDsAreDropped() throws {
        let article = try Fixtures.extraction(page: "timesofindia-ipl2020-csk-vs-srh-liveblog.html").article
        #expect(article.entries.allSatisfy { $0.id == nil })
        let ndtv = try Fixtures.extraction(page: "ndtv-ind-vs-sl-cwc2023-live.html").article
        #expect(ndtv.entries.map(\.id).prefix(3) == ["80", "79", "78"])
    }
}
