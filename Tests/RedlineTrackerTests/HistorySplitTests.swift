import Foundation
import RedlineCapture
import RedlineModel
import RedlineStore
import RedlineTracker
import Testing

/// `report` splits a history between the cores; the parts must join into the history read in one go.
@Suite struct HistorySplitTests {
    @Test func theSplitHistoryIsEveryDiffInOrder() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let tracker = Tracker(repository: try TrackRepository.create(at: dir.child("track")))
        let slug = try Slug("story")
        var paragraphs = ["The first paragraph of the story, long enough to count."]
        for n in 1...23 {
            paragraphs.insert("Update \(n): something new happened at minute \(n) of the day.", at: 0)
            if n % 5 == 0 { paragraphs[paragraphs.count - 1] += " Corrected \(n)." }
            let text = "Story live\n\n" + paragraphs.joined(separator: "\n\n") + "\n"
            _ = try tracker.snap(slug, Capture(bytes: Data(text.utf8), origin: "\(n).txt", capturedAt: Date(timeIntervalSince1970: Double(n) * 60)))
        }
        let (versions, diffs, newest) = try tracker.history(slug) { $0 }
        #expect(versions.map(\.number) == Array(1...23))
        #expect(diffs.count == 22)
        for (index, diff) in diffs.enumerated() {
            #expect(diff == (try tracker.diff(slug, from: "\(index + 1)", to: "\(index + 2)")), "diff \(index + 1) → \(index + 2)")
        }
        #expect(newest == (try tracker.article(of: slug)))
        let (lastVersions, lastDiffs, _) = try tracker.history(slug, last: 17) { $0.to.version }
        #expect(lastVersions.map(\.number) == Array(7...23))
        #expect(lastDiffs == Array(8...23))
    }
}
