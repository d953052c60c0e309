import Foundation
import Testing

/// `fetch` and `watch` against a real HTTP server on 127.0.0.1 whose page changes between requests.
@Suite struct WatchTests {
    static func page(_ title: String, _ paragraphs: [String]) -> String {
        "<html><head><title>\(title)</title></head><body><article><h1>\(title)</h1>"
            + paragraphs.map { "<p>\($0)</p>" }.joined() + "</article></body></html>"
    }

    static let pageA = page("Talks in London", [
        "Negotiators met in London on Wednesday to discuss the terms of a ceasefire.",
        "The talks were expected to last into the evening, officials said.",
        "No agreement was expected before the weekend, according to diplomats.",
    ])
    static let pageB = page("Talks in London end", [
        "Negotiators met in London on Wednesday to discuss the terms of a ceasefire.",
        "The talks ended without agreement late in the evening, officials said.",
        "Both sides promised to keep talking, according to diplomats.",
    ])

    func versionCount(_ repo: String, _ slug: String) throws -> Int {
        Int(try RedlineProcess.shell("git --git-dir='\(repo)' rev-list --count articles/\(slug) 2>/dev/null || echo 0")
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    /// A warning about the page is logged at the first poll that meets it, not at every poll of
    /// the same page; a page refused as nearly empty says what stores it, since `watch` has no
    /// `--force`.
    @Test func warningsOnceAndARefusalSaysWhatStoresIt() throws {
        let broken = Self.pageA.replacingOccurrences(of: "</head>", with: "<script type=\"application/ld+json\">{broken</script></head>")
        let server = try PageServer(steps: [
            .init(body: broken), .init(body: broken), .init(body: broken),
            .init(body: Self.page("Talks", ["Gone."])),
        ])
        defer { server.stop() }
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = dir.child("track.git")
        _ = try RedlineProcess.run(["init", "--repo", repo])
        let result = try RedlineProcess.run(["watch", "talks", server.url, "--every", "100ms", "--count", "4", "--repo", repo])
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.contains("warning: a JSON-LD block is not valid JSON") }.count == 1, "\(result.stderr)")
        let refused = try #require(lines.last)
        #expect(refused.contains("refused") && refused.contains("'redline fetch talks \(server.url) --force' stores it once"), "\(refused)")
        #expect(refused.components(separatedBy: "nothing stored").count == 2 && !refused.contains("nothing was stored"), "\(refused)")
        #expect(try versionCount(repo, "talks") == 1)
    }

    /// A page refused (here as nearly empty: a paywall) leaves no validators behind: the next
    /// poll asks with those of the version stored, is sent the paywall again and refuses it again,
    /// rather than being told "not modified" and logging the page unchanged.
    @Test func aRefusedPageIsNotAskedAfterAsIfStored() throws {
        let paywall = Self.page("Talks", ["Subscribe."])
        let server = try PageServer(steps: [
            .init(body: Self.pageA, etag: "\"a\""), .init(body: paywall, etag: "\"p\""), .init(body: paywall, etag: "\"p\""),
        ])
        defer { server.stop() }
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = dir.child("track.git")
        _ = try RedlineProcess.run(["init", "--repo", repo])
        let result = try RedlineProcess.run(["watch", "talks", server.url, "--every", "100ms", "--count", "3", "--repo", repo])
        let polls = result.stderr.split(separator: "\n").filter { $0.contains("version 1") || $0.contains("refused") || $0.contains("unchanged") }
        #expect(polls.count == 3 && polls.dropFirst().allSatisfy { $0.contains("refused") }, "\(result.stderr)")
        #expect(server.requests.dropFirst().allSatisfy { $0["if-none-match"] == "\"a\"" }, "\(server.requests)")
    }

    @Test func watchStoresExactlyTheChangesAndReportsFailures() throws {
        let server = try PageServer(steps: [
            .init(body: Self.pageA, etag: "\"a\""),
            .init(body: Self.pageA, etag: "\"a\""),
            .init(body: Self.pageB, etag: "\"b\""),
            .init(status: 500, body: "oops"),
            .init(body: Self.pageB, etag: "\"b\"", delay: 3),
            .init(body: Self.pageA, etag: "\"a2\""),
        ])
        defer { server.stop() }
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = dir.child("track.git")
        _ = try RedlineProcess.run(["init", "--repo", repo])

        let result = try RedlineProcess.run(["watch", "talks", server.url, "--every", "100ms", "--count", "6",
                                             "--timeout", "1", "--repo", repo])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 6, "\(result.stderr)")
        guard lines.count == 6 else { return }
        #expect(lines[0].contains("  200  version 1 (first version"))
        #expect(lines[1].contains("  304  unchanged (not modified)"))
        #expect(lines[2].contains("  200  version 2 ("))
        #expect(lines[3].contains("error  HTTP 500 Internal Server Error; nothing stored"))
        #expect(lines[4].contains("error  timed out after 1 s; nothing stored"))
        #expect(lines[5].contains("  200  version 3 (") && lines[5].hasSuffix("flip-flop: the same article as version 1"))
        #expect(result.stdout == "talks: 6 polls, 3 new versions, 2 failed\n")
        #expect(try versionCount(repo, "talks") == 3)

        let requests = server.requests
        #expect(requests.count == 6)
        #expect(requests.allSatisfy { $0["user-agent"]?.hasPrefix("redline/") == true })
        #expect(requests[1]["if-none-match"] == "\"a\"")
        #expect(requests[0]["if-none-match"] == nil)
        let fsck = try RedlineProcess.shell("git --git-dir='\(repo)' fsck --strict")
        #expect(fsck.status == 0, "\(fsck.stderr)")
    }

    @Test func oneOfAnythingIsCountedInTheSingular() throws {
        let server = try PageServer(steps: [.init(body: Self.pageA), .init(body: Self.pageA)])
        defer { server.stop() }
        let (dir, repo) = try newRepository()
        defer { dir.remove() }
        let one = try RedlineProcess.run(["watch", "talks", server.url, "--count", "1", "--repo", repo])
        #expect(one.stdout == "talks: 1 poll, 1 new version, 0 failed\n", "\(one.stderr)")

        let config = dir.write("redline.yaml", "articles:\n  - slug: again\n    url: \(server.url)\n")
        let all = try RedlineProcess.run(["watch", "--config", config, "--repo", repo, "--count", "1", "--jobs", "1"])
        #expect(all.stderr.hasPrefix("watching 1 article from \(config), up to 1 poll at a time\n"), "\(all.stderr)")
        #expect(all.stdout == "again: 1 poll, 1 new version, 0 failed\n", "\(all.stderr)")
    }

    @Test func fetchStoresAGzippedPageAndRefusesErrors() throws {
        let server = try PageServer(steps: [
            .init(body: Self.pageA, gzip: true),
            .init(status: 404, body: "not here"),
            .init(body: Self.pageA, gzip: true),
        ])
        defer { server.stop() }
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = dir.child("track.git")
        _ = try RedlineProcess.run(["init", "--repo", repo])

        let first = try RedlineProcess.run(["fetch", "talks", server.url, "--repo", repo])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("talks: version 1 (first version"))
        let stored = try RedlineProcess.run(["show", "talks", "--raw", "--repo", repo])
        #expect(stored.stdout == Self.pageA, "the stored page is the decoded HTML")
        let log = try RedlineProcess.shell("git --git-dir='\(repo)' log -1 --format=%B articles/talks")
        #expect(log.stdout.contains("Redline-URL: \(server.url)"))

        let missing = try RedlineProcess.run(["fetch", "talks", server.url, "--repo", repo])
        #expect(missing.status == 2)
        #expect(missing.stderr == "redline: error: \(server.url) answered HTTP 404 Not Found; nothing was stored\n")
        let same = try RedlineProcess.run(["fetch", "talks", server.url, "--repo", repo])
        #expect(same.stdout == "talks: unchanged since version 1\n")
        #expect(try versionCount(repo, "talks") == 1)
    }

    @Test(arguments: ["ftp://example.com/x", "javascript:alert(1)", "not a url", "http://"])
    func fetchRefusesWhatIsNotHTTP(_ url: String) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = dir.child("track.git")
        _ = try RedlineProcess.run(["init", "--repo", repo])
        let result = try RedlineProcess.run(["fetch", "talks", url, "--repo", repo])
        #expect(result.status == 2)
        #expect(result.stderr.contains("is not an http or https URL"))
    }

    @Test func aClosedPortIsReportedInOneLine() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = dir.child("track.git")
        _ = try RedlineProcess.run(["init", "--repo", repo])
        // Any time limit, however long, is taken: the refusal comes at once.
        for timeout in ["2", "inf"] {
            let result = try RedlineProcess.run(["fetch", "talks", "http://127.0.0.1:9/", "--timeout", timeout, "--repo", repo])
            #expect(result.status == 2)
            #expect(result.stderr.hasPrefix("redline: error: cannot fetch http://127.0.0.1:9/"))
            #expect(result.stderr.filter { $0 == "\n" }.count == 1)
        }
    }

    @Test func sigintStopsBetweenPolls() throws {
        let server = try PageServer(steps: [.init(body: Self.pageA, etag: "\"a\"")])
        defer { server.stop() }
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = dir.child("track.git")
        _ = try RedlineProcess.run(["init", "--repo", repo])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: RedlineProcess.executable)
        process.arguments = ["watch", "talks", server.url, "--every", "30s", "--repo", repo]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while try versionCount(repo, "talks") < 1, Date() < deadline { usleep(50_000) }
        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(try versionCount(repo, "talks") == 1)
    }

    /// A poll Ctrl-C abandons (its page still on the way) is not counted as one.
    @Test func anAbandonedPollIsNotCounted() throws {
        let server = try PageServer(steps: [.init(body: Self.pageA, delay: 20)])
        defer { server.stop() }
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = dir.child("track.git")
        _ = try RedlineProcess.run(["init", "--repo", repo])
        let errors = dir.write("stderr.txt", "")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: RedlineProcess.executable)
        process.arguments = ["watch", "talks", server.url, "--every", "30s", "--repo", repo]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errors))
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while server.requests.isEmpty, Date() < deadline { usleep(20_000) }
        process.interrupt()
        process.waitUntilExit()
        let log = try String(contentsOfFile: errors, encoding: .utf8)
        #expect(log.contains("stopped after 0 polls"), "\(log)")
        #expect(try versionCount(repo, "talks") == 0)
    }
}

extension WatchTests {
    /// A server that answers 429 or 503 with `Retry-After` is left alone that long: `watch`
    /// waits at least as long before its next poll (the back-off alone would be 200 ms here),
    /// and `fetch` says how long it was asked to wait.
    @Test func aServerThatAsksToWaitIsLeftAloneThatLong() throws {
        let server = try PageServer(steps: [
            .init(status: 429, body: "slow down", retryAfter: "2"),
            .init(body: Self.pageA, etag: "\"a\""),
            .init(status: 503, body: "busy", retryAfter: "Wed, 21 Oct 2015 07:28:00 GMT"),   // a time past: not a wait
        ])
        defer { server.stop() }
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = dir.child("track.git")
        _ = try RedlineProcess.run(["init", "--repo", repo])
        let started = Date()
        let result = try RedlineProcess.run(["watch", "talks", server.url, "--every", "100ms", "--count", "2", "--repo", repo])
        let elapsed = Date().timeIntervalSince(started)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("error  HTTP 429 Too Many Requests, asked to wait 2 s; nothing stored"), "\(result.stderr)")
        #expect(result.stderr.contains("version 1 (first version"), "\(result.stderr)")
        #expect(elapsed >= 2, "the second poll came \(elapsed) s after the first")
        let fetched = try RedlineProcess.run(["fetch", "talks", server.url, "--repo", repo])
        #expect(fetched.status == 2)
        #expect(fetched.stderr.contains("answered HTTP 503 Service Unavailable; nothing was stored"), "\(fetched.stderr)")
    }
}
