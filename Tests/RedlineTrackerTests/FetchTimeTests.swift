import Foundation
import RedlineCapture
import RedlineModel
import Testing
@testable import RedlineTracker

/// A fetched page is captured when it arrived: one fetched before the newest version was stored
/// (its process stalled between fetching and storing, while another stored a later fetch) is
/// refused, not stored after it as if the page had gone back (a reliability trial).
@Suite struct FetchTimeTests {
    static func page(_ marker: Int) -> Data {
        Data(("<html><head><title>Live: the count</title></head><body><article><h1>Live: the count</h1>"
              + "<p>The count goes on through the night in every ward of the city.</p>"
              + "<p>Version marker \(marker): the turnout is reported ward by ward as the boxes arrive.</p>"
              + "</article></body></html>").utf8)
    }

    @Test func aPageFetchedBeforeTheNewestVersionIsRefused() throws {
        let (dir, repo) = try newRepository()
        defer { dir.remove() }
        let tracker = try Tracker.open(at: repo)
        let slug = try Slug("count")
        let url = "http://127.0.0.1:9/live"
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        func fetched(_ marker: Int, after seconds: Double) -> Capture {
            Capture(bytes: Self.page(marker), origin: url, url: url, capturedAt: start.addingTimeInterval(seconds))
        }
        #expect(try tracker.snapFetched(slug, fetched(1, after: 0), format: nil, filter: .none).version.number == 1)
        #expect(try tracker.snapFetched(slug, fetched(2, after: 20), format: nil, filter: .none).version.number == 2)
        #expect(throws: TrackerError.fetchedBeforeNewest(url, fetchedAt: Timestamp.format(start.addingTimeInterval(10)), newest: 2,
                                                         newestAt: Timestamp.format(start.addingTimeInterval(20)))) {
            try tracker.snapFetched(slug, fetched(3, after: 10), format: nil, filter: .none)
        }
        #expect(try tracker.repository.versions(of: slug).count == 2)
        // The same second as the newest is not "before" it.
        #expect(try tracker.snapFetched(slug, fetched(4, after: 20), format: nil, filter: .none).version.number == 3)
    }
}
