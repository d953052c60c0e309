import Foundation
import FoundationXML
import RedlineModel
@testable import RedlineRender
import Testing

/// The Atom feed and the news told of a change: well-formed whatever the article holds.
@Suite struct AtomFeedTests {
    static func diff(version: Int, at seconds: Double, _ body: (inout ArticleDiff) -> Void) -> ArticleDiff {
        var diff = ArticleDiff(article: "cork-live",
                               from: DiffSide(version: version - 1, commit: "a\(version - 1)", capturedAt: Date(timeIntervalSince1970: seconds - 60)),
                               to: DiffSide(version: version, commit: "c\(version)", capturedAt: Date(timeIntervalSince1970: seconds),
                                            url: "https://example.com/live?a=1&b=2"))
        body(&diff)
        return diff
    }

    @Test func hostileTextStaysWellFormedAndEntriesAreNewestFirst() throws {
        let hostile = "Talks \u{0}end\u{1B}[2J <script>alert(1)</script> & \"more\" \u{FFFE}"
        let older = Self.diff(version: 2, at: 1_000) { $0.blocks = [BlockChange(change: .added, newIndex: 0, newText: "New entry")] }
        let newer = Self.diff(version: 3, at: 2_000) {
            $0.fields = [FieldChange(field: .title, change: .edited, oldText: "Talks", newText: hostile,
                                     words: [WordChange(.insert, hostile)])]
        }
        #expect(older.isNews && newer.isNews)
        #expect(DiffNews.line(newer) == "headline changed")
        #expect(DiffNews.summary(newer).hasPrefix("Headline: Talks "))
        let feed = AtomFeed(id: AtomFeed.id("cork-live"), title: "cork-live: " + hostile, link: "https://example.com/live?a=1&b=2",
                            entries: [AtomFeed.Entry(older), AtomFeed.Entry(newer)], updated: Date(timeIntervalSince1970: 0))
        let xml = feed.render()
        #expect(!xml.contains("\u{0}") && !xml.contains("\u{1B}") && !xml.contains("\u{FFFE}") && !xml.contains("<script>"))
        let parser = XMLParser(data: Data(xml.utf8))
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        #expect(feed.entries.map(\.version) == [3, 2])
        #expect(feed.updated == Date(timeIntervalSince1970: 2_000))
        #expect(feed.entries[0].id == "tag:redline,2025:articles/cork-live/c3")
    }

    @Test func movesAloneAreNotNews() {
        let moved = Self.diff(version: 2, at: 1_000) {
            $0.blocks = [BlockChange(change: .moved, oldIndex: 1, newIndex: 0, oldText: "A", newText: "A")]
        }
        #expect(!moved.isNews)
        #expect(DiffNews.line(moved) == "1 block moved")
    }
}

extension AtomFeedTests {
    @Test func textIsEscapedForXML() {
        #expect(AtomFeed.xml("Tom & \"Jerry\" <b>£5</b>") == "Tom &amp; &quot;Jerry&quot; &lt;b&gt;£5&lt;/b&gt;")
        #expect(AtomFeed.xml("tab\tline\nreturn\r bell\u{7} nul\u{0}") == "tab\tline\nreturn\r bell\u{FFFD} nul\u{FFFD}")
        #expect(AtomFeed.xml("x\u{FFFE}y\u{FFFF}z\u{FFFD}é€😀") == "x\u{FFFD}y\u{FFFD}z\u{FFFD}é€😀")
        // A large entry is escaped in linear time (it was copied at every append).
        let large = String(repeating: "<p>Talks &amp; more</p>", count: 40_000)
        #expect(AtomFeed.xml(large).utf8.count == large.utf8.count + 40_000 * 16)   // each < and > 3 bytes more, & 4 more
    }
}
