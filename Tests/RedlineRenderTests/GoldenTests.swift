import RedlineModel
import RedlineRender
import Testing

/// Every format on hand-built diffs, and on two real pairs through the extractor and the differ
/// (see `RealPairs`): the seeds, and a real live blog's successive versions.
@Suite struct GoldenTests {
    @Test func seeds() throws { Golden.checkEveryFormat(try RealPairs.seeds(), named: "seeds") }
    @Test func realLiveBlog() throws { Golden.checkEveryFormat(try RealPairs.liveBlog(), named: "london-bridge") }

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

@Suite struct ReportHTMLTests {
    @Test func aSingleVersionSaysThereIsNothingToCompare() {
        let version = Version(number: 1, commit: "25ca672d572d6d0d9a3b1c2d3e4f5a6b7c8d9e0f", capturedAt: Fixtures.time("2025-04-23T08:00:00Z"))
        let page = ReportHTML.render(ReportHTML.History(article: "story", versions: [version], diffs: []))
        #expect(page.contains("Only one version so far"))
        #expect(page.contains("first version"))
        #expect(!page.contains("<section"))
    }

    @Test func theTimelineLinksEveryDiffNewestFirst() {
        let versions = (1...3).map { Version(number: $0, commit: String(repeating: "\($0)", count: 40), capturedAt: Fixtures.time("2025-04-23T0\($0):00:00Z")) }
        var second = Fixtures.liveBlog, third = Fixtures.unchanged
        second.from = versions[0].side; second.to = versions[1].side
        third.from = versions[1].side; third.to = versions[2].side
        let page = ReportHTML.render(ReportHTML.History(article: "story", versions: versions, diffs: [second, third]))
        let v3 = page.range(of: "href=\"#v3\"")!, v2 = page.range(of: "href=\"#v2\"")!
        #expect(v3.lowerBound < v2.lowerBound, "newest first")
        let s3 = page.range(of: "<section class=\"diff\" id=\"v3\">")!, s2 = page.range(of: "<section class=\"diff\" id=\"v2\">")!
        #expect(s3.lowerBound < s2.lowerBound)
        #expect(page.contains("id=\"v2-n3\"") && page.contains("href=\"#v2-o9\""), "anchors are per diff")
        #expect(page.contains("@media print") && page.contains("@media (max-width:40rem)") && page.contains("name=\"viewport\""))
        #expect(page.contains("Content-Security-Policy\" content=\"default-src 'none'"), "no script, no fetch")
    }
}
