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
            git read-tree articles/talks && git rm -q --cached article.md && tree=$(git write-tree) &&
            commit=$(git log -1 --format=%B articles/talks | git commit-tree "$tree") && git update-ref refs/heads/articles/talks "$commit"
            """
        #expect(try RedlineProcess.shell(rewrite).status == 0)
        #expect(try RedlineProcess.shell("git --git-dir='\(repo)' ls-tree --name-only articles/talks").stdout.contains("article.md") == false)
        let shown = try RedlineProcess.run(["show", "talks", "--repo", repo])
        #expect(shown.stdout.contains("Shares worth £10m"), "\(shown.stdout)")
    }

    /// What is not a page (a PDF, JSON, an image), by its Content-Type or its first bytes, is
    /// refused with one line and exit 2, unless `--format text` says to read it anyway.
    @Test(arguments: [
        ("application/pdf", "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n", "latin-1"),
        ("application/json", "{\"status\": \"ok\", \"items\": [1, 2, 3]}", "utf-8"),
        ("text/plain", "{\"status\": \"ok\", \"items\": [1, 2, 3]}", "utf-8"),
        ("image/png", "\u{89}PNG\r\n\u{1A}\nIHDR", "latin-1"),
    ])
    func fetchRefusesWhatIsNotAPage(_ type: String, _ body: String, _ encoding: String) throws {
        let server = try PageServer(steps: [.init(body: body, type: type, encoding: encoding)])
        defer { server.stop() }
        let (dir, repo) = try newRepository()
        defer { dir.remove() }
        let fetched = try RedlineProcess.run(["fetch", "doc", server.url, "--repo", repo])
        #expect(fetched.status == 2, "\(type): \(fetched.stdout) \(fetched.stderr)")
        #expect(fetched.stderr.contains("not a web page; nothing was stored (--format text stores it as text)"), "\(fetched.stderr)")
        #expect(fetched.stderr.split(separator: "\n").count == 1, "one line: \(fetched.stderr)")
        #expect(try RedlineProcess.shell("git --git-dir='\(repo)' rev-parse -q --verify articles/doc").status != 0)
        if type != "image/png" {
            let forced = try RedlineProcess.run(["fetch", "doc", server.url, "--format", "text", "--repo", repo])
            #expect(forced.status == 0, "\(type) with --format text: \(forced.stderr)")
        }
    }

    @Test func watchRefusesWhatIsNotAPageEachPoll() throws {
        let server = try PageServer(steps: [.init(body: "%PDF-1.4\n%âãÏÓ\n", type: "application/pdf", encoding: "latin-1")])
        defer { server.stop() }
        let (dir, repo) = try newRepository()
        defer { dir.remove() }
        let result = try RedlineProcess.run(["watch", "doc", server.url, "--every", "100ms", "--count", "2", "--repo", repo])
        #expect(result.status == 2, "\(result.stdout) \(result.stderr)")
        #expect(result.stdout == "doc: 2 polls, 0 new versions, 2 failed\n")
        #expect(result.stderr.contains("not a web page: a PDF document (application/pdf)"), "\(result.stderr)")
    }

    /// A gzip body cut short, its Content-Length cut to match, was stored as a page half as long
    /// (libcurl decoded it without a word): phantom removals, then a flip-flop. Now refused;
    /// deflate bodies, zlib-wrapped or raw, are read whole.
    @Test func aCompressedBodyCutShortIsRefused() throws {
        let page = WatchTests.page("Markets live", (1...200).map { "Line \($0) of the market report: shares \($0 * 37 % 101) up, bonds \($0 * 53 % 97) down." })
        let server = try PageServer(steps: [.init(body: page, gzip: true, cut: 400), .init(body: page, deflate: "zlib"),
                                            .init(body: page, deflate: "raw"), .init(body: page, gzip: true)])
        defer { server.stop() }
        let (dir, repo) = try newRepository()
        defer { dir.remove() }
        let cut = try RedlineProcess.run(["fetch", "talks", server.url, "--repo", repo])
        #expect(cut.status == 2, "\(cut.stdout) \(cut.stderr)")
        #expect(cut.stderr.contains("ends before the compressed page does (cut short); nothing was stored"), "\(cut.stderr)")
        for _ in 0..<3 {
            let whole = try RedlineProcess.run(["fetch", "talks", server.url, "--repo", repo])
            #expect(whole.status == 0, "\(whole.stderr)")
        }
        let log = try RedlineProcess.run(["log", "talks", "--repo", repo])
        #expect(log.stdout.split(separator: "\n").count == 1, "the same page, whatever its encoding: \(log.stdout)")
    }

    /// 304 answers a conditional request; to one that named no validators (the first fetch) it
    /// says nothing of the page, and was reported "not modified" with nothing ever stored.
    @Test func a304ToAnUnconditionalRequestIsAnError() throws {
        let server = try PageServer(steps: [.init(status: 304)])
        defer { server.stop() }
        let (dir, repo) = try newRepository()
        defer { dir.remove() }
        let fetched = try RedlineProcess.run(["fetch", "talks", server.url, "--repo", repo])
        #expect(fetched.status == 2, "\(fetched.stdout) \(fetched.stderr)")
        #expect(fetched.stderr.contains("answered HTTP 304"), "\(fetched.stderr)")
        let watched = try RedlineProcess.run(["watch", "talks", server.url, "--every", "100ms", "--count", "2", "--repo", repo])
        #expect(watched.stdout == "talks: 2 polls, 0 new versions, 2 failed\n", "\(watched.stdout)")
    }

    @Test func aPageSentAsOctetStreamIsStillAPage() throws {
        let server = try PageServer(steps: [.init(body: Self.market("£"), type: "application/octet-stream")])
        defer { server.stop() }
        let (dir, repo) = try newRepository()
        defer { dir.remove() }
        let fetched = try RedlineProcess.run(["fetch", "talks", server.url, "--repo", repo])
        #expect(fetched.status == 0, "\(fetched.stderr)")
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

    @Test func aTimeoutUnderOneMillisecondIsKept() throws {
        let server = try PageServer(steps: [.init(body: WatchTests.pageA, delay: 4)])
        defer { server.stop() }
        let (dir, repo) = try newRepository()
        defer { dir.remove() }
        let start = Date()
        let result = try RedlineProcess.run(["fetch", "talks", server.url, "--timeout", "0.0001", "--repo", repo])
        #expect(Date().timeIntervalSince(start) < 3, "the time-out became no limit")
        #expect(result.status == 2)
        #expect(result.stderr.contains("did not answer within"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test(arguments: ["0", "-1", "nan"]) func aTimeoutOfZeroOrLessIsRefused(_ timeout: String) throws {
        let (dir, repo) = try newRepository()
        defer { dir.remove() }
        for command in ["fetch", "watch"] {
            let result = try RedlineProcess.run([command, "talks", "http://127.0.0.1:9/", "--timeout=\(timeout)", "--repo", repo])
            #expect(result.status == 64, "\(command) --timeout=\(timeout): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains("--timeout"), "\(result.stderr)")
        }
    }

    /// Starts `redline arguments…`, waits for the server to be asked, sends SIGINT, and returns
    /// the exit status (nil when the signal killed it) and how long the process took to end after the signal.
    func interrupt(_ arguments: [String], server: PageServer) throws -> (status: Int32?, seconds: Double) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: RedlineProcess.executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while server.requests.isEmpty, Date() < deadline { usleep(50_000) }
        usleep(300_000)
        let sent = Date()
        process.interrupt()
        process.waitUntilExit()
        let seconds = Date().timeIntervalSince(sent)
        return (process.terminationReason == .exit ? process.terminationStatus : nil, seconds)
    }

    @Test func ctrlCAbortsAFetchInFlight() throws {
        let server = try PageServer(steps: [.init(body: WatchTests.pageA, delay: 15)])
        defer { server.stop() }
        let (dir, repo) = try newRepository()
        defer { dir.remove() }
        let (status, seconds) = try interrupt(["fetch", "talks", server.url, "--timeout", "30", "--repo", repo], server: server)
        #expect(seconds < 4, "waited \(seconds) s after Ctrl-C")
        #expect(status == 2, "an exit with one line, not a death by SIGINT")
        #expect(try WatchTests().versionCount(repo, "talks") == 0)
    }

    @Test func ctrlCAbortsAWatchPollInFlight() throws {
        let server = try PageServer(steps: [.init(body: WatchTests.pageA, delay: 15)])
        defer { server.stop() }
        let (dir, repo) = try newRepository()
        defer { dir.remove() }
        let (status, seconds) = try interrupt(["watch", "talks", server.url, "--timeout", "30", "--repo", repo], server: server)
        #expect(seconds < 4, "waited \(seconds) s after Ctrl-C")
        #expect(status == 0)
        #expect(try WatchTests().versionCount(repo, "talks") == 0)
    }

    @Test func snapReadsANamedPipeAndProcessSubstitution() throws {
        let (dir, repo) = try newRepository()
        defer { dir.remove() }
        let file = dir.write("page.txt", capture(1))
        let fifo = dir.child("fifo")
        let piped = try RedlineProcess.shell("""
            mkfifo '\(fifo)' && (cat '\(file)' > '\(fifo)' &) && '\(RedlineProcess.executable)' snap story '\(fifo)' --repo '\(repo)'
            """)
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stdout.hasPrefix("story: version 1"), "\(piped.stdout)")
        let substituted = try RedlineProcess.shell("""
            bash -c "'\(RedlineProcess.executable)' snap story <(sed s/council/committee/ '\(file)') --repo '\(repo)'"
            """)
        #expect(substituted.status == 0, "\(substituted.stderr)")
        #expect(substituted.stdout.hasPrefix("story: version 2"), "\(substituted.stdout)")
    }
}
