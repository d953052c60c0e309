import Foundation
import RedlineCorpus
import RedlineModel
import Testing

/// `redline watch` without a URL: one process watching a site of 30 live blogs built from the
/// corpus (../shared/corpus/liveblogs), each changing at its own moments, with a rotating
/// ticker outside the live blog and a counter line inside it on every page.
@Suite struct ManyArticlesTests {
    static let polls = 6
    static let articleCount = 30

    /// One article of the site: its entries (oldest first) and when its content changes.
    struct SiteArticle {
        var slug: String
        var path: String
        var host: String
        var entries: [RedlineModel.Entry]
        /// The request (1-based) at which each content version is first served.
        var starts: [Int]
        var select: String?
        var ignore: [String]
        var every: String

        /// The content version served on request `n`.
        func content(at n: Int) -> Int { starts.lastIndex { $0 <= n } ?? 0 }
    }

    static func site() throws -> [SiteArticle] {
        let blogs = try LiveBlog.names.map { try LiveBlog.load($0) }
        return (0..<articleCount).map { i in
            let blog = blogs[i % blogs.count]
            let entries = Array(blog.entries.reversed().dropFirst((i / blogs.count) * 10).prefix(10))
            var starts = [1]
            for version in 1..<(1 + i % 4) { starts.append(starts[version - 1] + 1 + (i + version) % 2) }
            let select: String? = switch i {
            case 28: nil                       // control: the ticker is read, and changes every time
            case 29: "//div[@id='live']"       // XPath
            case 7, 17: "div#live"
            default: "#live"
            }
            let ignore = i == 27 ? [] : ["^Viewers online now:"]   // 27, the control: the counter is a change
            return SiteArticle(slug: "live-\(i)", path: "/live/\(i)", host: i % 2 == 0 ? "127.0.0.1" : "localhost",
                               entries: entries, starts: starts, select: select, ignore: ignore, every: i % 3 == 0 ? "0.3s" : "200ms")
        }
    }

    /// The page of `article` as served on request `n`.
    static func page(_ article: SiteArticle, request n: Int, ticker: [String]) -> String {
        let published = article.entries.prefix(3 + 2 * article.content(at: n))
        var html = "<html><head><title>\(article.slug): live</title></head><body><h1>\(article.slug): live</h1>"
        // A "latest" line under the headline, outside the live blog, that rotates on every request
        // (not class "ticker", which is furniture, so that the control without a select reads it).
        html += "<p class=\"latest\">Latest: \(ticker[(n + article.path.count) % ticker.count])</p>"
        html += "<div id=\"live\">"
        for (index, entry) in published.reversed().enumerated() {
            let time = entry.time.map(Timestamp.format) ?? "2017-06-03T22:00:00Z"
            html += "<article id=\"\(entry.id ?? "e\(index)")\"><header><time datetime=\"\(time)\">\(time.dropFirst(11).prefix(5))</time></header>"
            if let title = entry.title, !title.isEmpty { html += "<h2>\(title)</h2>" }
            if index == 0 { html += "<p>Viewers online now: \(1000 + 37 * n)</p>" }
            html += entry.blocks.map { "<p>\($0.text)</p>" }.joined() + "</article>"
        }
        return html + "</div></body></html>"
    }

    static func configuration(_ site: [SiteArticle], server: SiteServer, hook: HookServer) -> String {
        var yaml = "# the test site\nannounce:\n  webhooks: [\"\(hook.url)\"]\n  feeds: feeds/\narticles:\n"
        for article in site {
            yaml += "  - slug: \(article.slug)\n    url: \(server.url(article.path, host: article.host))\n    every: \(article.every)\n"
            if let select = article.select { yaml += "    select: \"\(select)\"\n" }
            if !article.ignore.isEmpty { yaml += "    ignore: [\"\(article.ignore[0])\"]\n" }
        }
        return yaml
    }

    @Test func oneWatchStoresExactlyTheSitesChangesPolitely() throws {
        let site = try Self.site()
        let ticker = try LiveBlog.load("bbc-essex-election-2017").entries.prefix(40).compactMap { $0.blocks.first?.text }
        var pages: [String: [SiteServer.Step]] = [:]
        for article in site {
            pages[article.path] = (1...Self.polls).map { .init(body: Self.page(article, request: $0, ticker: ticker)) }
        }
        let server = try SiteServer(pages: pages)
        defer { server.stop() }
        let hook = try HookServer(statuses: [500, 200])
        defer { hook.stop() }
        let (dir, repo) = try newRepository()
        defer { dir.remove() }
        let config = dir.write("redline.yaml", Self.configuration(site, server: server, hook: hook))

        let result = try RedlineProcess.run(["watch", "--config", config, "--repo", repo, "--count", "\(Self.polls)",
                                             "--jobs", "4", "--timeout", "10"])
        #expect(result.status == 0, "\(result.stderr)")

        // Exactly the versions the site's changes call for; the controls change on every poll.
        func expected(_ article: SiteArticle) -> Int {
            article.select == nil || article.ignore.isEmpty ? Self.polls : article.starts.filter { $0 <= Self.polls }.count
        }
        let listing = try RedlineProcess.run(["articles", "--repo", repo, "--config", config])
        #expect(listing.status == 0, "\(listing.stderr)")
        for article in site {
            let line = listing.stdout.split(separator: "\n").first { $0.hasPrefix(article.slug + " ") }.map(String.init) ?? ""
            let count = expected(article)
            #expect(line.contains(" \(count) version\(count == 1 ? "" : "s")  ") && line.hasSuffix("  configured"),
                    "\(article.slug): \(line)")
            #expect(result.stdout.contains("\(article.slug): \(Self.polls) polls, \(count) new version\(count == 1 ? "" : "s"), 0 failed\n"), "\(result.stdout)")
        }

        // The webhook: one POST per stored version (the one answered 500 once more), valid JSON.
        let stored = site.reduce(0) { $0 + expected($1) }
        let posts = hook.posts
        #expect(posts.count == stored + 1 && posts.first?.status == 500, "\(posts.count) posts for \(stored) versions")
        let delivered = posts.filter { $0.status == 200 }.compactMap { post -> String? in
            let json = try? JSONSerialization.jsonObject(with: Data(post.body.utf8)) as? [String: Any]
            let announcement = json?["announcement"] as? [String: Any]
            return announcement.map { "\($0["article"] ?? "?") \($0["version"] ?? "?")" }
        }
        #expect(Set(delivered).count == stored && delivered.count == stored)
        // Each feed parses as Atom and lists its article's versions that changed something a
        // reader cares about (the first, and any with blocks added, removed or edited, a field or
        // a key event changed; the site has entries with no text), newest first.
        for article in site {
            let log = try RedlineProcess.run(["log", article.slug, "--format", "json", "--repo", repo])
            let versions = try #require((try JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [String: Any])?["versions"] as? [[String: Any]])
            let news = versions.filter { version in
                guard let summary = version["summary"] as? [String: Int] else { return true }
                return ["added", "removed", "edited", "fieldsChanged", "keyEventsAdded", "keyEventsRemoved", "keyEventsRetitled"]
                    .contains { summary[$0, default: 0] > 0 }
            }.compactMap { $0["version"] as? Int }
            #expect(versions.count == expected(article))
            let feed = try AnnounceTests.check(dir.child("feeds/\(article.slug).xml"))
            #expect(feed.problems == [], "\(article.slug)")
            #expect(feed.versions == news.map { "\(article.slug), version \($0)" }, "\(article.slug): \(feed.entries.map { $0.title ?? "" })")
        }

        // One log line per poll, naming the article.
        let logLines = result.stderr.split(separator: "\n")
        for article in site {
            #expect(logLines.filter { $0.contains("  \(article.slug) ") }.count == Self.polls, "\(article.slug)")
        }

        // Never two requests at once to one host; every page polled exactly --count times.
        let requests = server.requests
        #expect(requests.count == Self.articleCount * Self.polls)
        #expect(requests.allSatisfy { $0.busy == 1 }, "\(requests.filter { $0.busy > 1 })")
        #expect(Set(requests.map(\.host)) == ["127.0.0.1", "localhost"])

        // The selector and ignore patterns are stored with each version, and diff reads them again.
        let message = try RedlineProcess.shell("git --git-dir='\(repo)' log -1 --format=%B articles/live-3")
        #expect(message.stdout.contains("Redline-Select: #live"))
        #expect(message.stdout.contains("Redline-Ignore: [\"^Viewers online now:\"]"))
        let diff = try RedlineProcess.run(["diff", "live-3", "--repo", repo, "--format", "json"])
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(!diff.stdout.contains("Latest: ") && !diff.stdout.contains("Viewers online"))
        let show = try RedlineProcess.run(["show", "live-3", "1", "--repo", repo])
        #expect(!show.stdout.contains("Viewers online") && !show.stdout.contains(ticker[0]))
    }
}
