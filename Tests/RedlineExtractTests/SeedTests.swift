import RedlineText
import Foundation
import RedlineExtract
import RedlineModel
import Testing

/// The two plain-text seeds, as a browser copies a Guardian live blog and an NY Post article.
@Suite struct SeedTests {
    /// Lines that are page furniture and must never become blocks.
    static let furniture = ["Share", "Share.", "Key events", "Related Articles", "Leave a Reply", "Leave A Reply",
                            "Exit mobile version", "World"]

    @Test func guardianLiveBlogHead() throws {
        let article = try Fixtures.extraction(seed: Fixtures.seedNames[0]).article
        #expect(article.title == "Russia-Ukraine war live: US and European negotiators head to London for peace talks as Russian attacks continue")
        #expect(article.standfirst == "London to host US and European negotiators for ceasefire talks")
        #expect(article.byline == "Dan Sabbagh and Luke Harding report from Kyiv")
        #expect(article.blocks.first?.text.hasPrefix("David Lammy, the British foreign secretary") == true)
        #expect(article.blocks.count == 5)
    }

    @Test func guardianLiveBlogKeyEventsAndEntry() throws {
        let article = try Fixtures.extraction(seed: Fixtures.seedNames[0]).article
        #expect(article.keyEvents.map(\.title) == [
            "Russia-Ukraine war live: US and European negotiators head to London for peace talks as Russian attacks continue",
        ])
        #expect(article.entries.count == 1)
        #expect(article.entries.first?.author == "Nimo Omer")
        #expect(article.entries.first?.blocks.count == 7)
        #expect(article.entries.first?.blocks.last?.text.hasPrefix("Read more of Nimo Omer") == true)
    }

    @Test func nyPostArticleListsAndHeadings() throws {
        let article = try Fixtures.extraction(seed: Fixtures.seedNames[1]).article
        #expect(article.title == nil)   // the copy has no headline: none is invented
        #expect(article.entries.isEmpty)
        #expect(article.blocks.first?.text.hasPrefix("WASHINGTON — London discussions") == true)
        let items = article.blocks.filter { $0.kind == .listItem }
        #expect(items.count == 9)
        #expect(items.first?.text.hasPrefix("Formal US recognition of Ukraine’s Crimea peninsula") == true)
        #expect(!items.contains { $0.text.hasPrefix("•") })
        let headings = article.blocks.filter { $0.kind == .heading }.map(\.text)
        #expect(headings == ["Here’s what Russia and Ukraine each get in Trump’s ‘final offer’ peace deal",
                             "What Russia gets", "What Ukraine gets"])
        #expect(article.blocks.last?.text.hasPrefix("Meanwhile, Trump has not followed through") == true)
    }

    @Test(arguments: Fixtures.seedNames)
    func noFurnitureAmongBlocks(_ name: String) throws {
        let article = try Fixtures.extraction(seed: name).article
        for item in article.positionedBlocks {
            #expect(!Self.furniture.contains(item.block.text), "furniture line \(item.block.text) kept")
            #expect(!item.block.text.hasPrefix("Your email address will not be published"))
        }
    }

    @Test(arguments: Fixtures.seedNames)
    func everyNewsroomLineIsKept(_ name: String) throws {
        // Every line of the seed is either furniture, part of the head, a key event, or a block.
        let text = String(decoding: try Fixtures.seed(name), as: UTF8.self)
        let article = try Fixtures.extraction(seed: name).article
        var kept = Set(article.positionedBlocks.map(\.block.text) + article.keyEvents.map(\.title))
        kept.formUnion([article.title, article.standfirst, article.byline].compactMap { $0 })
        kept.formUnion(article.entries.compactMap(\.author))
        for line in text.split(separator: "\n") {
            var folded = Text.normalize(line)
            if folded.hasPrefix("• ") { folded.removeFirst(2) }
            guard !folded.isEmpty, !Self.furniture.contains(folded),
                  !folded.hasPrefix("Your email address will not be published") else { continue }
            #expect(kept.contains(folded), "line dropped: \(folded)")
        }
    }
}
