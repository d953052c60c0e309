import Foundation
import Testing
import RedlineModel
import RedlineExtract
import RedlineDiff

/// What extraction takes for the body does not flip on a small edit.
struct ExtractedStabilityTests {
    /// A match report: short updates, each in a box of its own, score boards between them. One
    /// paragraph moved into another update made that update's box (three paragraphs, past 400
    /// letters) the article, and every other block read as removed; the capture was refused as
    /// a quarter of the last (the sixteenth session's second trial, sportowefakty.wp.pl).
    @Test func aParagraphMovedBetweenShortUpdatesIsOneMove() {
        let updates = (1...24).map { "Heat \($0): the home side took the points again after a clean start from the gate, and the lead grew by two more points in the standings tonight, with the visitors never close." }
        let moved = "In the first leg of this semi-final the home side won by a wide margin and travelled here confident of reaching the final for a second year running, despite their struggles."
        let extra = "Both riders were in the fastest heat of the evening twice, and the crowd was on its feet for the last lap of each of them as the lead changed hands on the back straight."
        let rows = (0..<6).map { "<tr><td>Rider number \($0) of the visiting team, Zielona Góra</td><td>\($0)</td><td>\($0 + 1)</td></tr>" }.joined()
        // The moved paragraph stands in update `box`; update 0 holds a second paragraph too.
        func page(movedInto box: Int) -> String {
            var html = "<html><body><nav><a href=\"/\">Sport</a> <a href=\"/speedway\">Speedway</a></nav><h1>Leszno v Zielona Góra, live</h1>"
            for (index, update) in updates.enumerated() {
                var paragraphs = ["<p>\(update)</p>"]
                if index == 0 { paragraphs.append("<p>\(extra)</p>") }
                if index == box { paragraphs.append("<p>\(moved)</p>") }
                html += "<div class=\"update\" id=\"u\(index)\"><div class=\"update__body\">\(paragraphs.joined())</div></div>"
                html += "<div class=\"score\"><table>\(rows)</table></div>"
            }
            return html + "</body></html>"
        }
        let before = ArticleExtractor.extract(Data(page(movedInto: 23).utf8)).article
        let after = ArticleExtractor.extract(Data(page(movedInto: 0).utf8)).article
        let summary = ArticleDiffer.diff(before, after).summary
        #expect(summary.added == 0 && summary.removed == 0 && summary.moved >= 1, "\(summary)")
    }
}
