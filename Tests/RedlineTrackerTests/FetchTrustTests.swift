import Foundation
import Testing

/// `fetch` and `watch` trust what a server says where it counts (its charset), record where the
/// content came from (redirects), keep to any time limit, and stop at once on Ctrl-C.
@Suite struct FetchTrustTests {
    static func market(_ currency: String) -> String {
        WatchTests.page("Markets live", [
            "Shares worth \(currency)10m changed hands in London on Tuesday morning, traders said.",
            "The index closed higher after a quiet afternoon of trading in the City.",
            "Analysts expect more of the same before the weekend, according to brokers.",
        ])
    }

    static let latin1 = "text/html; charset=ISO-8859-1"

    func newRepository() throws -> (TemporaryDirectory, String) {
        let dir = try TemporaryDirectory()
        let repo = dir.child("track.git")
        _ = try RedlineProcess.run(["init", "--repo", repo])
        return (dir, repo)
    }

    func message(_ repo: String, _ revision: String = "articles/talks") throws -> String {
        try RedlineProcess.shell("git --git-dir='\(repo)' log -1 --format=%B \(revision)").stdout
    }

    @Test func watchRecordsAPoundToYenEditUnderAHeaderOnlyCharset() throws {
        let server = try PageServer(steps: [
            .init(body: Self.market("£"), type: Self.latin1, encoding: "latin-1"),
            .init(body: Self.market("¥"), type: Self.latin1, encoding: "latin-1"),
        ])
        defer { server.stop() }
        let (dir, repo) = try newRepository()
        defer { dir.remove() }
        let result = try RedlineProcess.run(["watch", "talks", server.url, "--every", "100ms", "--count", "2", "--repo", repo])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "talks: 2 polls, 2 new versions, 0 failed\n", "\(result.stderr)")
        #expect(try RedlineProcess.run(["show", "talks", "1", "--repo", repo]).stdout.contains("Shares worth £10m"))
        #expect(try RedlineProcess.run(["show", "talks", "--repo", repo]).stdout.contains("Shares worth ¥10m"))
        #expect(try message(repo).contains("Redline-Charset: ISO-8859-1\n"))
    }

    @Test func fetchReadsTheDeclaredCharsetAndKeepsItForReExtraction() throws {
        let server = try PageServer(steps: [.init(body: Self.market("£"), type: Self.latin1, encoding: "latin-1")])
        defer { server.stop() }
        let (dir, repo) = try newRepository()
        defer { dir.remove() }
        let fetched = try RedlineProcess.run(["fetch", "talks", server.url, "--repo", repo])
        #expect(fetched.status == 0, "\(fetched.stderr)")
        #expect(fetched.stderr.isEmpty, "no warning about bad UTF-8: \(fetched.stderr)")
        let text = try message(repo)
        #expect(text.contains("Redline-Charset: ISO-8859-1\n"), "\(text)")
        #expect(!text.contains("Redline-Final-URL"), "no redirect, no final URL: \(text)")
        // The source is stored as it came, in Latin-1.
        let raw = try RedlineProcess.shell(
            "git --git-dir='\(repo)' cat-file blob articles/talks:source.html | LC_ALL=C grep -c \"worth $(printf '\\243')10m\"")
        #expect(raw.stdout == "1\n")

        // A version stored without its article is extracted again from its source, in the same charset.
        let rewrite = """
            export GIT_DIR='\(repo)' GIT_INDEX_FILE='\(dir.child("index"))'
            git read-tree articles/talks && git rm -q --cached article.json && tree=$(git write-tree) &&
            commit=$(git log -1 --format=%B articles/talks | git commit-tree "$tree") && git update-ref refs/heads/articles/talks "$commit"
            """
        #expect(try RedlineProcess.shell(rewrite).status == 0)
        #expect(try RedlineProcess.shell("git --git-dir='\(repo)' ls-tree --name-only articles/talks").stdout.contains("article.json") == false)
        let shown = try RedlineProcess.run(["show", "talks", "--repo", repo])
        #expect(shown.stdout.contains("Shares worth £10m"), "\(shown.stdout)")
    }

    @Test func aRedirectIsFollowedAndItsFinalURLRecorded() throws {
        let server = try PageServer(steps: [
            .init(status: 302, location: "/moved/live"),
            .init(body: WatchTests.pageA),
        ])
        defer { server.stop() }
        let (dir, repo) = try newRepository()
        defer { dir.remove() }
        let fetched = try RedlineProcess.run(["fetch", "talks", server.url, "--repo", repo])
        #expect(fetched.status == 0, "\(fetched.stderr)")
        let finalURL = "http://127.0.0.1:\(server.port)/moved/live"
        let text = try message(repo)
        #expect(text.contains("Redline-URL: \(server.url)\n") && text.contains("Redline-Final-URL: \(finalURL)\n"), "\(text)")
        let log = try RedlineProcess.run(["log", "talks", "--format", "json", "--repo", repo])
        #expect(log.stdout.contains("\"finalURL\": \"\(finalURL)\"") || log.stdout.contains("\"finalURL\":\"\(finalURL)\""),
                "\(log.stdout)")
    }

}
