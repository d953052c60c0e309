import RedlineModel
import RedlineRender
import Testing

/// Every format on hand-built diffs. The seeds pair and a real live-blog pair join these once
/// the differ and extractor land: `Golden.checkEveryFormat(differ output, named: "seeds")`.
@Suite struct GoldenTests {
    @Test func liveBlog() { Golden.checkEveryFormat(Fixtures.liveBlog, named: "live-blog") }
    @Test func hostile() { Golden.checkEveryFormat(Fixtures.hostile, named: "hostile") }
    @Test func files() { Golden.checkEveryFormat(Fixtures.files, named: "files") }
    @Test func unchanged() { Golden.checkEveryFormat(Fixtures.unchanged, named: "unchanged") }

    @Test func report() {
        let versions = [
            Version(number: 1, commit: "25ca672d572d6d0d9a3b1c2d3e4f5a6b7c8d9e0f", capturedAt: Fixtures.time("2025-04-23T08:00:00Z")),
            Version(number: 2, commit: "7c9f8753ad4a5580aabbccddeeff00112233445566", capturedAt: Fixtures.time("2025-04-23T16:00:00Z"),
                    url: "https://www.theguardian.com/world/live/2025/apr/23/ukraine-talks"),
        ]
        let history = ReportHTML.History(article: "ukraine-talks", title: "Russia-Ukraine war live: talks in London",
                                         versions: versions, diffs: [Fixtures.liveBlog])
        Golden.check(ReportHTML.render(history), file: "live-blog.report.html")
    }
}
