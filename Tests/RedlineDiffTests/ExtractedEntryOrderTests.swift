import Foundation
import Testing
import RedlineModel
import RedlineExtract
import RedlineDiff

/// Entries stay in page order through extraction and the differ when the structured data lags
/// behind the markup (found by the second newcomer trial, fixed in the sixteenth session).
struct ExtractedEntryOrderTests {
    /// The page: the newest entry shown only in the markup (the data lags behind), the next two
    /// in both, and one the data lists that the markup no longer shows. Then the data catches up:
    /// nothing moved on the page, and the diff says only that (it read the newest entry as
    /// removed from the bottom and added at the top).
    @Test func anEntryTheDataDoesNotListYetStaysOnTop() {
        func page(dataListsNewest: Bool) -> String {
            let updates = (dataListsNewest ? [("p4", "Polls close")] : []) + [("p3", "Turnout high"), ("p9", "A withdrawn post"), ("p2", "Queues form")]
            let json = updates.map { #"{"@type": "BlogPosting", "@id": "https://example.com/live#\#($0.0)", "headline": "\#($0.1)"}"# }
                .joined(separator: ", ")
            return #"<html><head><script type="application/ld+json">{"@type": "LiveBlogPosting", "headline": "Election live", "liveBlogUpdate": [\#(json)]}</script></head><body><h1>Election live</h1>"#
                + #"<div id="p4"><time datetime="2024-07-04T21:00:00Z">22:00</time><h3>Polls close</h3><p>Voting has ended across the country tonight.</p></div>"#
                + #"<div id="p3"><time datetime="2024-07-04T17:00:00Z">18:00</time><h3>Turnout high</h3><p>Officials report turnout above seventy per cent.</p></div>"#
                + #"<div id="p2"><time datetime="2024-07-04T06:00:00Z">07:00</time><h3>Queues form</h3><p>Queues formed outside polling stations at dawn.</p></div></body></html>"#
        }
        let before = ArticleExtractor.extract(Data(page(dataListsNewest: false).utf8)).article
        #expect(before.entries.map(\.title) == ["Polls close", "Turnout high", "A withdrawn post", "Queues form"], "\(before.entries.map(\.title))")
        let after = ArticleExtractor.extract(Data(page(dataListsNewest: true).utf8)).article
        #expect(!ArticleDiffer.diff(before, after).blocks.contains { $0.change != .unchanged }, "\(ArticleDiffer.diff(before, after).summary)")
    }
}
