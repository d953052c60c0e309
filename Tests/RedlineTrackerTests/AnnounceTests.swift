import Foundation
import RedlineTracker
import Testing

/// Announcements of what `watch` stores (webhooks, Atom feeds), `redline feed`, and what scripts
/// rely on (`--format json` of every listing, `--version`), with real servers on 127.0.0.1.
@Suite struct AnnounceTests {
    /// A feed as `Fixtures/atom_check.py` reads it (xml.etree; feedparser too when installed).
    struct CheckedFeed: Decodable {
        struct Entry: Decodable {
            var id: String?
            var title: String?
            var updated: String?
            var link: String?
            var summary: String?
            var content: String?
        }
        var id: String?
        var title: String?
        var updated: String?
        var entries: [Entry]
        var problems: [String]

        /// The version each entry tells of, in the feed's order (its title: `slug, version N: …`).
        var versions: [String] {
            entries.compactMap { entry in
                entry.title.flatMap { $0.split(separator: ":").first }.map(String.init)
            }
        }
    }

    static func check(_ path: String) throws -> CheckedFeed {
        let script = RedlineProcess.packageRoot + "/Tests/RedlineTrackerTests/Fixtures/atom_check.py"
        let result = try RedlineProcess.shell("python3 '\(script)' '\(path)'")
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode(CheckedFeed.self, from: Data(result.stdout.utf8))
    }

    static let paragraphs = [
        "The council met on Tuesday evening to discuss the new harbour plan and its cost to residents.",
        "Residents queued outside the hall for an hour before the doors opened, many carrying placards.",
        "The mayor said the plan would be put to a public vote in the spring, after a final survey.",
        "A spokesperson for the harbour board said it welcomed the decision and would publish figures.",
        "Fishermen at the quay said they had not been asked about the new moorings and wanted answers.",
        "Traffic on the coast road was slowed by the crowds leaving the meeting shortly after ten.",
    ]

    /// A page of `slug` with the headline and paragraphs given, inside `#live`.
    static func page(_ slug: String, headline: String, _ paragraphs: [String]) -> String {
        "<html><head><title>\(headline)</title></head><body><h1>\(headline)</h1><div id=\"live\">"
            + paragraphs.map { "<p>\($0)</p>" }.joined() + "</div><p>Sidebar \(slug)</p></body></html>"
    }

    /// Snaps `versions` (headline, paragraphs) of `harbour` into `repo`, a day apart from 2025-01-01.
    static func snapHarbour(_ versions: [(String, [String])], in dir: TemporaryDirectory, repo: String) throws {
        for (index, (headline, body)) in versions.enumerated() {
            let file = dir.write("v\(index).txt", headline + "\n\n" + body.joined(separator: "\n\n") + "\n")
            let snap = try RedlineProcess.run(["snap", "harbour", file, "--repo", repo, "--url", "https://example.com/harbour",
                                               "--at", "2025-01-0\(index + 1)T10:00:00Z"])
            #expect(snap.status == 0, "\(snap.stderr)")
        }
    }

    @Test func feedListsOnlyVersionsThatAreNewsNewestFirst() throws {
        let (dir, repo) = try newRepository()
        defer { dir.remove() }
        let p = Self.paragraphs
        try Self.snapHarbour([("Harbour plan approved", [p[0], p[1], p[2]]),
                              ("Harbour plan approved", [p[0], p[1], p[2], p[3]]),       // a new block
                              ("Harbour plan approved", [p[2], p[0], p[1], p[3]]),       // a move only: not news
                              ("Harbour plan approved after vote", [p[2], p[0], p[1], p[3]])],  // the headline
                             in: dir, repo: repo)
        let out = dir.child("harbour.xml")
        let result = try RedlineProcess.run(["feed", "harbour", "-o", out, "--repo", repo])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "\(out): 3 entries\n")
        let feed = try Self.check(out)
        #expect(feed.problems == [])
        #expect(feed.versions == ["harbour, version 4", "harbour, version 2", "harbour, version 1"])
        #expect(feed.entries[0].summary?.hasPrefix("Headline: Harbour plan approved after vote") == true)
        #expect(feed.entries[0].link == "https://example.com/harbour")
        #expect(feed.entries[0].content?.contains("<section class=\"diff\"") == true)
        #expect(feed.updated == "2025-01-04T10:00:00Z" && feed.entries[0].updated == "2025-01-04T10:00:00Z")
        // Ids stay the same however often the feed is written.
        let again = try RedlineProcess.run(["feed", "harbour", "-o", "-", "--repo", repo])
        #expect(again.stdout == (try String(contentsOfFile: out, encoding: .utf8)))

        let usage = try RedlineProcess.run(["feed", "harbour", "--all", "-o", "-", "--repo", repo])
        #expect(usage.status == 64)
        #expect(usage.stderr.contains("not both"), "\(usage.stderr)")
        let neither = try RedlineProcess.run(["feed", "-o", "-", "--repo", repo])
        #expect(neither.status == 64)
        #expect(neither.stderr.contains("Give an article's SLUG, or --all for every article."), "\(neither.stderr)")
    }

    /// `--last N` looks at the newest N versions: the oldest of them is told as its change from
    /// the version before it, which is read for that, and version 1 only when it is among them.
    @Test func feedLastNTellsOfTheNewsAmongTheNewestNVersions() throws {
        let (dir, repo) = try newRepository()
        defer { dir.remove() }
        let p = Self.paragraphs
        try Self.snapHarbour([("Harbour plan approved", [p[0], p[1]]),
                              ("Harbour plan approved", [p[0], p[1], p[2]]),             // a new block
                              ("Harbour plan approved", [p[2], p[0], p[1]]),             // a move only: not news
                              ("Harbour plan approved", [p[2], p[0], p[1], p[3]]),       // a new block
                              ("Harbour plan approved after vote", [p[2], p[0], p[1], p[3]])],  // the headline
                             in: dir, repo: repo)
        let expected = [1: [5], 2: [5, 4], 3: [5, 4], 4: [5, 4, 2], 5: [5, 4, 2, 1], 9: [5, 4, 2, 1]]
        for (last, versions) in expected.sorted(by: { $0.key < $1.key }) {
            let out = dir.child("last\(last).xml")
            let result = try RedlineProcess.run(["feed", "harbour", "--last", "\(last)", "-o", out, "--repo", repo])
            #expect(result.status == 0, "\(result.stderr)")
            let feed = try Self.check(out)
            #expect(feed.problems == [], "--last \(last)")
            #expect(feed.versions == versions.map { "harbour, version \($0)" }, "--last \(last)")
            #expect(feed.updated == "2025-01-05T10:00:00Z", "--last \(last)")
        }
    }

    @Test func watchAnnouncesEachVersionToAWebhookAndTheFeeds() throws {
        let p = Self.paragraphs
        // Each article's page on polls 1…4: one that changes on every poll (the fourth a move
        // only, which is stored but not news), one that changes once, one that never does.
        let pages: [String: [SiteServer.Step]] = [
            "/live/a": [.init(body: Self.page("a", headline: "Harbour vote", [p[0]])),
                        .init(body: Self.page("a", headline: "Harbour vote", [p[1], p[0]])),
                        .init(body: Self.page("a", headline: "Harbour vote: the result", [p[2], p[1], p[0]])),
                        .init(body: Self.page("a", headline: "Harbour vote: the result", [p[1], p[2], p[0]]))],
            "/live/b": [.init(body: Self.page("b", headline: "Coast road", [p[3]]), times: 2),
                        .init(body: Self.page("b", headline: "Coast road", [p[4], p[3]]), times: 2)],
            "/live/c": [.init(body: Self.page("c", headline: "Quay", [p[5]]), times: 4)],
        ]
        let site = try SiteServer(pages: pages)
        defer { site.stop() }
        let hook = try HookServer(statuses: [500, 200])
        defer { hook.stop() }
        let (dir, repo) = try newRepository()
        defer { dir.remove() }
        var yaml = "articles:\n"
        for slug in ["a", "b", "c"] {
            yaml += "  - slug: \(slug)\n    url: \(site.url("/live/\(slug)"))\n    every: 200ms\n    select: \"#live\"\n"
        }
        yaml += "announce:\n  webhooks: [\"\(hook.url)\"]\n  feeds: feeds/\n"
        let config = dir.write("redline.yaml", yaml)

        let watch = try RedlineProcess.run(["watch", "--config", config, "--repo", repo, "--count", "4", "--jobs", "2"])
        #expect(watch.status == 0, "\(watch.stderr)")
        #expect(watch.stdout.contains("a: 4 polls, 4 new versions, 0 failed"), "\(watch.stdout)")
        #expect(watch.stdout.contains("b: 4 polls, 2 new versions, 0 failed"))
        #expect(watch.stdout.contains("c: 4 polls, 1 new version, 0 failed"))
        let stored: Set<String> = ["a 1", "a 2", "a 3", "a 4", "b 1", "b 2", "c 1"]

        // One POST per stored version, valid JSON in the diff's shape; the one answered 500 came again.
        let posts = hook.posts
        #expect(posts.count == stored.count + 1, "\(posts.map(\.status))")
        func key(_ post: HookServer.Post) throws -> String {
            let json = try #require(try JSONSerialization.jsonObject(with: Data(post.body.utf8)) as? [String: Any])
            #expect(json["schemaVersion"] as? Int == 1 && json["blocks"] is [Any] && json["keyEvents"] is [String: Any])
            let announcement = try #require(json["announcement"] as? [String: Any])
            #expect(announcement["summary"] is String)
            #expect((json["to"] as? [String: Any])?["version"] as? Int == announcement["version"] as? Int)
            return "\(announcement["article"] ?? "?") \(announcement["version"] ?? "?")"
        }
        let delivered = try posts.filter { $0.status == 200 }.map(key)
        #expect(Set(delivered) == stored && delivered.count == stored.count, "\(delivered)")
        #expect(posts.allSatisfy { $0.type == "application/json" })
        let failed = try #require(posts.first)
        #expect(failed.status == 500)
        #expect(try delivered.contains(key(failed)))

        // Each feed parses as Atom and lists the versions that are news, newest first.
        let expected = ["a": ["a, version 3", "a, version 2", "a, version 1"], "b": ["b, version 2", "b, version 1"],
                        "c": ["c, version 1"]]
        for (slug, versions) in expected {
            let feed = try Self.check(dir.child("feeds/\(slug).xml"))
            #expect(feed.problems == [], "\(slug)")
            #expect(feed.versions == versions, "\(slug)")
        }
        let all = try Self.check(dir.child("feeds/all.xml"))
        #expect(all.problems == [])
        #expect(Set(all.versions) == Set(expected.values.joined()) && all.versions.count == 6)

        // `redline feed --all` writes the same entries.
        let out = dir.child("all.xml")
        let feedAll = try RedlineProcess.run(["feed", "--all", "-o", out, "--repo", repo])
        #expect(feedAll.status == 0, "\(feedAll.stderr)")
        let written = try Self.check(out)
        #expect(written.problems == [])
        #expect(written.entries.map(\.id) == all.entries.map(\.id))
    }

    /// The watcher's `feeds/SLUG.xml`, read from the repository at the first version and moved on
    /// by each version after it, is the document `redline feed SLUG` writes, over a history longer
    /// than a feed looks at (50 versions) whose newest version is not news, of a page that names
    /// a canonical URL other than the one it is captured from.
    @Test func watchersFeedIsTheFeedOfTheSameHistory() throws {
        let polls = Tracker.feedVersions + 3
        // Polls 1…52 each add an update on top; poll 53 swaps the top two (a move only).
        let updates = (1..<polls).map { "Update \($0): the harbour board published figure \($0) of its survey today." }
        var bodies = (1..<polls).map { Array(updates.prefix($0).reversed()) }
        bodies.append(bodies[bodies.count - 1])
        bodies[bodies.count - 1].swapAt(0, 1)
        let pages = bodies.map { body in
            Self.page("a", headline: "Harbour vote", body)
                .replacingOccurrences(of: "</head>", with: "<link rel=\"canonical\" href=\"https://example.com/harbour\"></head>")
        }
        let site = try SiteServer(pages: ["/live/a": pages.map { .init(body: $0) }])
        defer { site.stop() }
        let (dir, repo) = try newRepository()
        defer { dir.remove() }
        let config = dir.write("redline.yaml", "articles:\n  - slug: a\n    url: \(site.url("/live/a"))\n    every: 100ms\n"
                                   + "    select: \"#live\"\nannounce:\n  feeds: feeds/\n")

        let watch = try RedlineProcess.run(["watch", "--config", config, "--repo", repo, "--count", "\(polls)"])
        #expect(watch.status == 0, "\(watch.stderr)")
        #expect(watch.stdout.contains("a: \(polls) polls, \(polls) new versions, 0 failed"), "\(watch.stdout)")
        let feed = try RedlineProcess.run(["feed", "a", "-o", "-", "--repo", repo])
        #expect(feed.status == 0, "\(feed.stderr)")
        #expect(feed.stdout == (try String(contentsOfFile: dir.child("feeds/a.xml"), encoding: .utf8)))
        // Versions 4…53 looked at; 53 only moved blocks.
        let watchers = try Self.check(dir.child("feeds/a.xml"))
        #expect(watchers.problems == [])
        #expect(watchers.versions == (4..<polls).reversed().map { "a, version \($0)" }, "\(watchers.versions)")
    }

    @Test func aDeadWebhookOrFeedsFolderNeverStopsCapture() throws {
        let site = try SiteServer(pages: ["/live/a": [.init(body: Self.page("a", headline: "H", [Self.paragraphs[0]])),
                                                      .init(body: Self.page("a", headline: "H", Self.paragraphs))]])
        defer { site.stop() }
        let (dir, repo) = try newRepository()
        defer { dir.remove() }
        // Port 9 (discard) on the loopback: nothing listens, every try is refused. And a feeds
        // folder that cannot be made (under a file).
        let config = dir.write("redline.yaml", "articles:\n  - slug: a\n    url: \(site.url("/live/a"))\n    every: 100ms\n"
                                   + "announce:\n  webhooks: [\"http://127.0.0.1:9/hook\"]\n  feeds: redline.yaml/feeds\n")
        let started = Date()
        let watch = try RedlineProcess.run(["watch", "--config", config, "--repo", repo, "--count", "2"])
        #expect(watch.status == 0, "\(watch.stderr)")
        #expect(watch.stdout.contains("a: 2 polls, 2 new versions, 0 failed"), "\(watch.stdout)")
        #expect(watch.stderr.contains("webhook http://127.0.0.1:9/hook: a version 1 not announced after 3 tries"), "\(watch.stderr)")
        #expect(watch.stderr.contains("feeds: cannot write"), "\(watch.stderr)")
        #expect(Date().timeIntervalSince(started) < 20)
    }

    @Test func everyListingTakesFormatJSONAndVersionPrints() throws {
        let (dir, repo) = try newRepository()
        defer { dir.remove() }
        for (index, body) in [[Self.paragraphs[0]], Self.paragraphs].enumerated() {
            let file = dir.write("v\(index).txt", "Harbour\n\n" + body.joined(separator: "\n\n") + "\n")
            _ = try RedlineProcess.run(["snap", "harbour", file, "--repo", repo])
        }
        for arguments in [["log", "harbour"], ["articles"], ["events", "harbour"], ["blame", "harbour"]] {
            let result = try RedlineProcess.run(arguments + ["--format", "json", "--repo", repo])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            #expect(json?["schemaVersion"] as? Int == 1, "\(arguments)")
        }
        let articles = try RedlineProcess.run(["articles", "--format", "json", "--repo", repo])
        let list = try JSONSerialization.jsonObject(with: Data(articles.stdout.utf8)) as? [String: Any]
        let first = (list?["articles"] as? [[String: Any]])?.first
        #expect(first?["slug"] as? String == "harbour" && first?["versions"] as? Int == 2)

        let version = try RedlineProcess.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.range(of: #"^\d+\.\d+\.\d+"#, options: .regularExpression) != nil, "\(version.stdout)")
    }
}
