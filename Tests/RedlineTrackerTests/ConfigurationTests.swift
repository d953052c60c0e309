import Foundation
import RedlineTracker
import Testing

/// The configuration file: every problem one line naming the file, the line and the key (exit 2),
/// `articles` beside it, and `watch` without a URL stopping and backing off as one article does.
@Suite struct ConfigurationTests {
    static let good = """
        articles:
          - slug: cork-live
            url: https://example.com/live/cork
            every: 60s
            select: "#liveblog-body"
            ignore: ["^Updated at "]
        announce:
          webhooks: ["https://hooks.example/redline"]
          feeds: feeds/

        """

    @Test func theContractsExampleReads() throws {
        let configuration = try WatchConfiguration(yaml: Self.good, path: "redline.yaml")
        let article = try #require(configuration.articles.first)
        #expect(article.slug.value == "cork-live" && article.url.absoluteString == "https://example.com/live/cork")
        #expect(article.every == 60 && article.line == 2)
        #expect(article.filter.select == "#liveblog-body" && article.filter.ignore == ["^Updated at "])
        #expect(configuration.announce.webhooks.map(\.absoluteString) == ["https://hooks.example/redline"])
        #expect(configuration.announce.feeds == "feeds/")
        let short = try WatchConfiguration(yaml: "articles:\n  - slug: a\n    url: http://a.example/\n    every: 250ms\n", path: "x")
        #expect(short.articles[0].every == 0.25 && short.articles[0].filter.isNone)
    }

    /// Bad configuration: the file, the line and the key, in one line, exit 2, history untouched.
    @Test(arguments: [
        ("articles:\n  - slug: a\n    url: http://127.0.0.1:9/\n    evry: 60s\n", "line 4, key 'evry': unknown key"),
        ("articles:\n  - slug: a\n    every: 60s\n", "line 2, key 'url': is missing"),
        ("articles:\n  - url: http://127.0.0.1:9/\n", "line 2, key 'slug': is missing"),
        ("articles:\n  - slug: a\n    url: http://127.0.0.1:9/a\n  - slug: a\n    url: http://127.0.0.1:9/b\n",
         "line 4, key 'slug': the article 'a' is already listed on line 2"),
        ("articles:\n  - &a\n    slug: a\n    url: http://127.0.0.1:9/a\n  - *a\n",
         "line 2, key 'slug': the article 'a' is listed twice (a YAML alias repeats it)"),
        ("articles:\n  - slug: a\n    url: http://127.0.0.1:9/\n    ignore: [\"(unclosed\"]\n", "line 4, key 'ignore': '(unclosed' is not a regular expression"),
        ("articles:\n  - slug: a\n    url: http://127.0.0.1:9/\n    every: soon\n", "line 4, key 'every': 'soon' is not a length of time"),
        ("articles:\n  - slug: a\n    url: http://127.0.0.1:9/\n    every: 99999999999999999999h\n",
         "line 4, key 'every': '99999999999999999999h' is not a length of time from 100ms to a week"),
        ("articles:\n  - slug: a\n    url: http://127.0.0.1:9/\n    every: 2w\n",
         "line 4, key 'every': '2w' is not a length of time from 100ms to a week"),
        ("articles:\n  - slug: a\n    url: http://127.0.0.1:9/\n    every: 1ms\n",
         "line 4, key 'every': '1ms' is not a length of time from 100ms to a week"),
        ("articles:\n  - slug: a\n    url: \"http://127.0.0.1:99999/x\"\n",
         "line 3, key 'url': 'http://127.0.0.1:99999/x' names port 99999; a port is 1 to 65535"),
        ("articles:\n  - slug: a\n    url: http://127.0.0.1:9/\n    select: \"p:first-child\"\n", "line 4, key 'select':"),
        ("articles:\n  - slug: a\n    url: http://127.0.0.1:9/\n    select: \"//div[@id=\"\n", "line 4, key 'select':"),
        ("articles:\n  - slug: a\n    url: ftp://example.com/\n", "line 3, key 'url': 'ftp://example.com/' is not an http or https URL"),
        ("articles:\n  - slug: ../a\n    url: http://127.0.0.1:9/\n", "line 2, key 'slug': '../a' is not a valid article name"),
        ("articles:\n  - slug: a\n    url: [http://127.0.0.1:9/]\n", "line 3, key 'url': takes a single value"),
        ("articles:\n  - slug: a\n    url: http://127.0.0.1:9/\n    ignore: \"^x\"\n", "line 4, key 'ignore': takes a list"),
        ("articles:\n  - slug: a\n    url: http://127.0.0.1:9/\nannounce:\n  webhooks: [nope]\n", "line 5, key 'webhooks': 'nope' is not"),
        ("articles:\n  - slug: a\n    url: http://127.0.0.1:9/\nannounce:\n  feed: x/\n", "line 5, key 'feed': unknown key"),
        ("articles:\n  - slug: a\n   url: http://127.0.0.1:9/\n", "line 3: not valid YAML"),
    ])
    func aProblemIsOneLineNamingFileLineAndKey(_ yaml: String, _ message: String) throws {
        let (dir, repo) = try newRepository()
        defer { dir.remove() }
        let before = try fingerprint(repo)
        let config = dir.write("bad.yaml", yaml)
        for arguments in [["watch", "--count", "1"], ["articles"]] {
            let result = try RedlineProcess.run(arguments + ["--config", config, "--repo", repo])
            #expect(result.status == 2, "\(arguments[0]): \(result.stderr)")
            #expect(result.stderr.hasPrefix("redline: error: \(config), \(message)"), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        }
        #expect(try fingerprint(repo) == before)
    }

    /// Lengths of time from 100 ms to a week, in the units the help names (a week was "1w" only
    /// as "168h" before).
    @Test func pollIntervalsFromATenthOfASecondToAWeek() {
        #expect(PollInterval.seconds("100ms") == 0.1 && PollInterval.seconds("90") == 90 && PollInterval.seconds("5m") == 300)
        #expect(PollInterval.seconds("1d") == 86_400 && PollInterval.seconds("1w") == 604_800 && PollInterval.seconds("168h") == 604_800)
        for refused in ["99ms", "0s", "-5s", "2w", "8d", "soon", "w", ""] { #expect(PollInterval.seconds(refused) == nil, "\(refused)") }
    }

    /// A newcomer who writes the configuration in TOML is told it is read as YAML.
    @Test func aTOMLFileIsToldTheConfigurationIsYAML() throws {
        let (dir, repo) = try newRepository()
        defer { dir.remove() }
        let config = dir.write("redline.toml", "[[articles]]\nslug = \"a\"\nurl = \"http://127.0.0.1:9/\"\n")
        let result = try RedlineProcess.run(["watch", "--count", "1", "--config", config, "--repo", repo])
        #expect(result.status == 2)
        #expect(result.stderr == "redline: error: \(config): not valid YAML; the configuration file is YAML "
                + "(see 'Many articles' in the README), not TOML\n")
    }

    /// A folder given as the file is called one (it was "it cannot be read").
    @Test func aFolderGivenAsTheFileIsCalledOne() throws {
        let (dir, repo) = try newRepository()
        defer { dir.remove() }
        let result = try RedlineProcess.run(["watch", "--count", "1", "--config", dir.path, "--repo", repo])
        #expect(result.status == 2 && result.stderr == "redline: error: \(dir.path): it is a folder; give the configuration file in it, "
                + "as --config \(dir.path)/redline.yaml\n", "\(result.stderr)")
    }

    @Test func watchingAnEmptyListIsAnErrorOfTheFile() throws {
        let (dir, repo) = try newRepository()
        defer { dir.remove() }
        let config = dir.write("empty.yaml", "articles: []\n")
        let result = try RedlineProcess.run(["watch", "--config", config, "--repo", repo])
        #expect(result.status == 2 && result.stderr == "redline: error: \(config), key 'articles': lists no articles; add some, each starting with '- slug: …'\n",
                "\(result.status) \(result.stderr)")
    }

    @Test func theFileIsFoundFromTheEnvironmentThenTheCurrentFolder() throws {
        let (dir, repo) = try newRepository()
        defer { dir.remove() }
        let missing = try RedlineProcess.run(["watch", "--repo", repo], workingDirectory: dir.path)
        #expect(missing.status == 2 && missing.stderr.contains("redline.yaml: there is no such file"), "\(missing.stderr)")
        _ = dir.write("redline.yaml", "articles:\n  - slug: here\n    url: http://127.0.0.1:9/\n")
        let elsewhere = dir.write("other.yaml", "articles:\n  - slug: there\n    url: http://127.0.0.1:9/\n")
        let local = try RedlineProcess.run(["articles", "--repo", repo], workingDirectory: dir.path)
        #expect(local.stdout.hasPrefix("here  never captured  http://127.0.0.1:9/  configured"), "\(local.stdout)")
        let named = try RedlineProcess.run(["articles", "--repo", repo], environment: ["REDLINE_CONFIG": elsewhere], workingDirectory: dir.path)
        #expect(named.stdout.hasPrefix("there  never captured"), "\(named.stdout)")
    }

    @Test func articlesListsConfiguredBesideStored() throws {
        let (dir, repo) = try newRepository()
        defer { dir.remove() }
        for slug in ["both", "stored-only"] {
            let snap = try RedlineProcess.run(["snap", slug, dir.write(slug + ".txt", capture(1)), "--url", "https://example.com/" + slug, "--repo", repo])
            #expect(snap.status == 0, "\(snap.stderr)")
        }
        let config = dir.write("redline.yaml", """
            articles:
              - slug: both
                url: https://example.com/both
              - slug: configured-only
                url: https://example.com/new
            """)
        let result = try RedlineProcess.run(["articles", "--repo", repo, "--config", config])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(result.stdout)")
        guard lines.count == 3 else { return }
        #expect(lines[0].hasPrefix("both             1 version  last ") && lines[0].hasSuffix("https://example.com/both  configured"))
        #expect(lines[1] == "configured-only  never captured  https://example.com/new  configured")
        #expect(lines[2].hasPrefix("stored-only      1 version  last ") && lines[2].hasSuffix("  not configured"))
    }

    @Test func aSelectorThatMatchesNothingStoresNothing() throws {
        let (dir, repo) = try newRepository()
        defer { dir.remove() }
        let page = dir.write("page.html", WatchTests.pageA)
        let before = try fingerprint(repo)
        let result = try RedlineProcess.run(["snap", "talks", page, "--select", "#live", "--repo", repo])
        #expect(result.status == 2)
        #expect(result.stderr == "redline: error: the selector '#live' matched nothing on \(page); nothing was read or stored (has the page changed its layout?)\n")
        #expect(try fingerprint(repo) == before)
        let narrowed = try RedlineProcess.run(["snap", "talks", page, "--select", "article", "--ignore", "^No agreement", "--repo", repo])
        #expect(narrowed.stdout == "talks: version 1 (first version, 2 blocks)\n", "\(narrowed.stderr)")
    }

    /// A failing article backs off on its own; SIGTERM ends the watch at once, a poll in flight
    /// abandoned and nothing half-written.
    @Test func aFailingArticleBacksOffAloneAndSIGTERMStopsTheWatch() throws {
        let page = WatchTests.pageA
        let server = try SiteServer(pages: [
            "/quick": [.init(body: page)],
            "/slow": [.init(body: page, delay: 15)],
        ])
        defer { server.stop() }
        let (dir, repo) = try newRepository()
        defer { dir.remove() }
        let config = dir.write("redline.yaml", """
            articles:
              - slug: broken
                url: \(server.url("/missing"))
                every: 100ms
              - slug: quick
                url: \(server.url("/quick", host: "localhost"))
                every: 100ms
            """)
        // broken: 404, then waits 0.2, 0.4, 0.8 s; quick is polled four times meanwhile.
        let result = try RedlineProcess.run(["watch", "--config", config, "--repo", repo, "--count", "4"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        let lastQuick = lines.lastIndex { $0.contains("  quick ") } ?? .max
        let lastBroken = lines.lastIndex { $0.contains("  broken ") } ?? -1
        #expect(lastQuick < lastBroken, "\(result.stderr)")
        #expect(lines.filter { $0.contains("  broken ") && $0.contains("error  HTTP 404") }.count == 4, "\(result.stderr)")
        #expect(result.stdout == "broken: 4 polls, 0 new versions, 4 failed\nquick: 4 polls, 1 new version, 0 failed\n")

        let slowConfig = dir.write("slow.yaml", "articles:\n  - slug: slow\n    url: \(server.url("/slow"))\n    every: 100ms\n")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: RedlineProcess.executable)
        process.arguments = ["watch", "--config", slowConfig, "--repo", repo, "--timeout", "30"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(1_500_000)   // the first poll starts within 0.1 s and waits 15 s for its answer
        let sent = Date()
        process.terminate()
        process.waitUntilExit()
        #expect(Date().timeIntervalSince(sent) < 4)
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        #expect(try WatchTests().versionCount(repo, "slow") == 0)
    }
}
