import Foundation
import Testing

/// Each bad input: one line on stderr, exit code 2, and the track repository exactly as it was.
@Suite struct BadInputTests {
    @Test(arguments: [
        ("a/b", "may hold only"), ("..", "must start"), ("a..b", "'..'"), ("Story", "not a valid article name"),
        (String(repeating: "a", count: 101), "longer than 100"), ("", "empty"), ("x\u{1B}[2J", "may hold only"),
    ])
    func badSlugs(_ slug: String, _ words: String) throws {
        let f = try RepositoryFixture()
        defer { f.dir.remove() }
        try f.expectRefused(["snap", slug, f.dir.write("two.txt", capture(2))], mentioning: words)
        try f.expectRefused(["log", slug], mentioning: words)
    }

    @Test func escapeSequencesInASlugAreShownNotSent() throws {
        let f = try RepositoryFixture()
        defer { f.dir.remove() }
        let result = try RedlineProcess.run(["log", "x\u{1B}]52;c;aGVsbG8=\u{07}", "--repo", f.repo])
        #expect(result.status == 2)
        #expect(!result.stderr.contains("\u{1B}"))
        #expect(result.stderr.contains("\\e]52"))
    }

    @Test func unknownArticle() throws {
        let f = try RepositoryFixture()
        defer { f.dir.remove() }
        try f.expectRefused(["log", "nothing-here"], mentioning: "no article named 'nothing-here'")
        try f.expectRefused(["diff", "nothing-here"], mentioning: "no article named")
        try f.expectRefused(["show", "nothing-here"], mentioning: "no article named")
    }

    @Test(arguments: ["7", "-5", "abcdef12", "1999-01-01T00:00Z", "yesterday", "0"])
    func unknownRevision(_ revision: String) throws {
        let f = try RepositoryFixture()
        defer { f.dir.remove() }
        try f.expectRefused(["show", "story", revision], mentioning: "unknown revision '\(revision)'")
        try f.expectRefused(["diff", "story", revision, "1"], mentioning: "unknown revision")
    }

    @Test func diffWithOneVersionNamesTheProblem() throws {
        let f = try RepositoryFixture()
        defer { f.dir.remove() }
        try f.expectRefused(["diff", "story"], mentioning: "has only 1 version so far")
    }

    @Test func missingFile() throws {
        let f = try RepositoryFixture()
        defer { f.dir.remove() }
        try f.expectRefused(["snap", "story", f.dir.child("absent.txt")], mentioning: "no such file")
        try f.expectRefused(["snap", "story", f.dir.path], mentioning: "is a directory")
        try f.expectRefused(["diff", "--files", f.dir.child("absent.txt"), f.dir.child("one.txt")], mentioning: "no such file")
    }

    @Test func repoThatIsAFileOrNotGit() throws {
        let f = try RepositoryFixture()
        defer { f.dir.remove() }
        let file = f.dir.write("plain-file", "not a repository")
        let plain = f.dir.child("plain-dir")
        try FileManager.default.createDirectory(atPath: plain, withIntermediateDirectories: false)
        for command in [["log", "story"], ["snap", "story", f.dir.child("one.txt")], ["articles"]] {
            try f.expectRefused(command + ["--repo", file], mentioning: "is a file, not a track repository")
            try f.expectRefused(command + ["--repo", plain], mentioning: "is not a git repository")
            try f.expectRefused(command + ["--repo", f.dir.child("missing")], mentioning: "no track repository at")
        }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "not a repository")
        #expect(try FileManager.default.contentsOfDirectory(atPath: plain).isEmpty)
    }

    /// A git work tree given as --repo is called one (it was "not a git repository").
    @Test func aWorkTreeIsNamedSo() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let tree = dir.child("site")
        _ = try RedlineProcess.shell("git init -q '\(tree)'")
        for arguments in [["log", "story"], ["init"]] {
            let result = try RedlineProcess.run(arguments + ["--repo", tree])
            #expect(result.status == 2 && result.stderr.contains("is a git work tree"), "\(arguments): \(result.stderr)")
        }
    }

    @Test func aFolderHoldingOtherFilesIsNeverOfferedToInit() throws {
        let f = try RepositoryFixture()
        defer { f.dir.remove() }
        let folder = f.dir.child("nonempty")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        f.dir.write("nonempty/notes.txt", "mine")
        for command in [["init"], ["log", "story"]] {
            let result = try RedlineProcess.run(command + ["--repo", folder])
            #expect(result.status == 2)
            #expect(result.stderr.contains("is not a git repository and is not empty"), "\(result.stderr)")
            #expect(!result.stderr.contains("run 'redline init"), "\(result.stderr)")
        }
        let empty = f.dir.child("empty")
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: false)
        let log = try RedlineProcess.run(["log", "story", "--repo", empty])
        #expect(log.stderr.contains("run 'redline init --repo \(empty)' to make it one"), "\(log.stderr)")
        #expect(try RedlineProcess.run(["init", "--repo", empty]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["notes.txt"])
    }

    @Test func readOnlyRepository() throws {
        let f = try RepositoryFixture()
        defer { f.dir.remove() }
        _ = try RedlineProcess.shell("chmod -R a-w '\(f.repo)'")
        try f.expectRefused(["snap", "story", f.dir.write("two.txt", capture(2))], mentioning: "read-only")
        // A watch is refused before it fetches anything (nothing listens on port 9: a fetch would
        // fail otherwise), of one page or of a configuration file's, which polled on, failing.
        try f.expectRefused(["watch", "story", "http://127.0.0.1:9/live", "--count", "1"], mentioning: "read-only")
        let config = f.dir.write("redline.yaml", "articles:\n  - slug: story\n    url: http://127.0.0.1:9/live\n")
        try f.expectRefused(["watch", "--config", config, "--count", "1"], mentioning: "read-only")
        let log = try RedlineProcess.run(["log", "story", "--repo", f.repo])
        #expect(log.status == 0, "reading a read-only repository still works: \(log.stderr)")
    }

    /// `init` where nothing can be written names the folder that refuses, rather than calling a
    /// repository that does not exist read-only (a newcomer's report).
    @Test func initWhereNothingCanBeWrittenNamesTheFolder() throws {
        // /proc takes no folder, even from root (whom a folder's mode bits do not stop).
        let result = try RedlineProcess.run(["init", "--repo", "/proc/redline-test/track.git"])
        #expect(result.status == 2)
        #expect(result.stderr == "redline: error: no track repository can be made at /proc/redline-test/track.git: /proc cannot be "
                + "written to; nothing was written (name another with --repo)\n", "\(result.stderr)")
    }

    @Test func emptyAndBinaryCaptures() throws {
        let f = try RepositoryFixture()
        defer { f.dir.remove() }
        try f.expectRefused(["snap", "story", f.dir.write("empty.txt", "")], mentioning: "is empty")
        try f.expectRefused(["snap", "story", f.dir.write("blank.txt", " \n\n\t \n")], mentioning: "is empty")
        try f.expectRefused(["snap", "story", "-"], stdin: Data(), mentioning: "standard input is empty")
        var binary = Data(capture(2).utf8)
        binary.insert(0, at: 100)
        FileManager.default.createFile(atPath: f.dir.child("bin.txt"), contents: binary)
        try f.expectRefused(["snap", "story", f.dir.child("bin.txt")], mentioning: "binary")
    }

    /// The URL a capture is stored with is linked from feeds and the report: `snap --url` and
    /// `replay --url` take an http(s) URL, as `fetch` does (a `javascript:` one went into the feed).
    @Test func aStoredURLIsHTTP() throws {
        let f = try RepositoryFixture()
        defer { f.dir.remove() }
        let page = f.dir.write("page.txt", capture(1))
        try f.expectRefused(["snap", "story", page, "--url", "javascript:alert(document.domain)"], mentioning: "is not an http or https URL")
        let folder = f.dir.child("story")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        _ = f.dir.write("story/2025-04-23T0800Z.txt", capture(1))
        try f.expectRefused(["replay", folder, "--url", "file:///etc/passwd"], mentioning: "is not an http or https URL")
        #expect(try f.run(["snap", "story", page, "--url", "https://example.com/live"]).status == 0)
    }

    /// A folder replayed holds what is not a capture: a FIFO (read, it waited for ever), a link
    /// to nothing (it was left out without a word), a PDF (it was reported as a paywall). Each
    /// is skipped with its reason; the captures are replayed in the order of the times their
    /// names give, whichever way the names are written.
    @Test func replaySkipsWhatIsNotACaptureAndGoesByTime() throws {
        let f = try RepositoryFixture()
        defer { f.dir.remove() }
        let folder = f.dir.child("story")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        _ = f.dir.write("story/2025-04-23T0800Z_a.txt", capture(1))
        _ = f.dir.write("story/2025-04-23T09:00:00Z_b.txt", capture(2))   // after 08:30, though it sorts before it by name
        _ = f.dir.write("story/2025-04-23T0830Z_c.txt", capture(3))
        _ = f.dir.write("story/2025-04-23T0840Z_d.pdf", "%PDF-1.4 not a page")
        _ = try RedlineProcess.shell("mkfifo '\(folder)/2025-04-23T0810Z_fifo.txt' && ln -s /no/such/file '\(folder)/2025-04-23T0820Z_gone.txt'")
        let result = try RedlineProcess.shell("timeout 60 '\(RedlineProcess.executable)' replay '\(folder)' --slug replayed --repo '\(f.repo)'")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").map { $0.prefix(while: { $0 != ":" }) }
                == ["2025-04-23T0800Z_a.txt", "2025-04-23T0830Z_c.txt", "2025-04-23T09"], "\(result.stdout)")
        let warnings = result.stderr.split(separator: "\n")
        #expect(warnings.count == 3, "\(result.stderr)")
        #expect(warnings.contains { $0.contains("_fifo.txt skipped") && $0.contains("not a regular file") })
        #expect(warnings.contains { $0.contains("_gone.txt skipped") && $0.contains("a link to nothing") })
        #expect(warnings.contains { $0.contains("_d.pdf skipped") && $0.contains("is a PDF document, not a web page") })
    }

    /// `extract` refuses what is not a page as `snap` does (a PDF was printed as an article), and
    /// `diff --files` takes standard input for one side only.
    @Test func extractRefusesAPDFAndDiffFilesOneStandardInput() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let pdf = dir.write("report.pdf", "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n")
        let extract = try RedlineProcess.run(["extract", pdf])
        #expect(extract.status == 2 && extract.stdout.isEmpty, "\(extract.stdout)")
        #expect(extract.stderr == "redline: error: \(pdf) is a PDF document, not a web page; --input text reads it as text\n")
        #expect(try RedlineProcess.run(["extract", pdf, "--input", "text"]).status == 0)
        let both = try RedlineProcess.run(["diff", "--files", "-", "-"], stdin: Data(capture(1).utf8))
        #expect(both.status == 64 && both.stderr.contains("only one of OLD and NEW can be standard input"), "\(both.stderr)")
    }

    @Test func aCaptureOverTheSizeLimitIsRefused() throws {
        let f = try RepositoryFixture()
        defer { f.dir.remove() }
        let big = f.dir.write("big.html", "<html><body>" + String(repeating: "<p>A paragraph of a very long page.</p>", count: 3000) + "</body></html>")
        let before = try fingerprint(f.repo)
        for arguments in [["snap", "story", big, "--repo", f.repo], ["extract", big], ["diff", "--files", big, big]] {
            let result = try RedlineProcess.run(arguments, environment: ["REDLINE_MAX_BYTES": "100000"])
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains("over the limit of 100000; raise it with REDLINE_MAX_BYTES"), "\(result.stderr)")
        }
        let stdin = try RedlineProcess.run(["snap", "story", "-", "--repo", f.repo], stdin: try Data(contentsOf: URL(fileURLWithPath: big)),
                                           environment: ["REDLINE_MAX_BYTES": "100000"])
        #expect(stdin.status == 2)
        // Read only as far as the limit: its size is not known, and not made up.
        #expect(stdin.stderr.contains("standard input is over the limit of 100000 bytes (read no further)"), "\(stdin.stderr)")
        #expect(try fingerprint(f.repo) == before)
        #expect(try RedlineProcess.run(["snap", "story", big, "--repo", f.repo]).status == 0, "under the default limit of 64 MiB")
    }

    @Test func helpExitsZero() throws {
        for arguments in [["--help"], ["help", "diff"], ["snap", "--help"]] {
            let result = try RedlineProcess.run(arguments)
            #expect(result.status == 0, "exit \(result.status) for \(arguments): \(result.stderr)")
            #expect(result.stdout.contains("OVERVIEW") || result.stdout.contains("USAGE"))
        }
    }

    @Test func usageErrorsExit64() throws {
        let f = try RepositoryFixture()
        defer { f.dir.remove() }
        for arguments in [["diff"], ["diff", "--files", "a"], ["snap"], ["log", "story", "--bogus"], ["diff", "story", "-x"],
                          ["snap", "story", "--at", "noon"], ["frobnicate"], ["show", "story", "--raw", "--format", "json"],
                          ["snap", "-dash", "page.html"], ["log", "-ha"]] {   // read as grouped flags with -h: help and exit 0
            let result = try RedlineProcess.run(arguments + ["--repo", f.repo])
            #expect(result.status == 64, "exit \(result.status) for \(arguments)")
        }
        // An empty --repo names no repository (it meant the default, and init made ./.redline).
        for arguments in [["init", "--repo", ""], ["log", "story", "--repo", ""], ["--repo", "", "articles"]] {
            let result = try RedlineProcess.run(arguments, workingDirectory: f.dir.path)
            #expect(result.status == 64 && result.stderr.contains("--repo needs a path"), "\(arguments): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: f.dir.child(".redline")))
        // A negative number is a number out of range, not a missing value.
        for (arguments, said) in [(["diff", "story", "--context", "-3"], "0 or more"), (["report", "story", "-o", "r.html", "--last", "-3"], "1 or more"),
                                  (["feed", "story", "-o", "-", "--last", "-1"], "1 or more")] {
            let result = try RedlineProcess.run(arguments + ["--repo", f.repo])
            #expect(result.status == 64 && result.stderr.contains(said), "\(arguments): \(result.stderr)")
        }
    }

    @Test func aCaptureGivenWithoutItsSlugAsksForTheSlug() throws {
        let f = try RepositoryFixture()
        defer { f.dir.remove() }
        let page = f.dir.write("Page.html", "<p>Hello</p>")
        let before = try fingerprint(f.repo)
        let result = try f.run(["snap", page])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Missing the article's SLUG: '\(page)' is a file"), "\(result.stderr)")
        #expect(!result.stderr.contains("not a valid article name"))
        #expect(result.stderr.contains("Usage: redline snap"), "\(result.stderr)")
        // An unknown option is named as such, not taken for a missing SLUG.
        let unknown = try f.run(["snap", "-x", page])
        #expect(unknown.status == 64 && unknown.stderr.contains("Unknown option '-x'") && !unknown.stderr.contains("SLUG:"), "\(unknown.stderr)")
        #expect(try fingerprint(f.repo) == before)
        try f.expectRefused(["snap", f.dir.child("absent/Page.html")], mentioning: "is not a valid article name")
    }

    /// Output that cannot be written is an error, as `cat` fails: a full disk or a closed
    /// standard output gave exit 0 and nothing (a CI job's `diff --format json > changes.json`
    /// on a full disk "passed" with an empty file). A reader that goes (`| head`) is no error.
    @Test func outputThatCannotBeWrittenIsAnError() throws {
        let f = try RepositoryFixture()
        defer { f.dir.remove() }
        let page = f.dir.write("page.html", "<html><body><h1>Talks</h1><p>Talks resumed in Geneva on Monday.</p></body></html>")
        let redline = RedlineProcess.executable
        for (redirect, reason) in [("> /dev/full", "no space left on device"), (">&-", "bad file descriptor")] {
            let result = try RedlineProcess.shell("'\(redline)' extract '\(page)' \(redirect); echo \"status $?\" >&2")
            #expect(result.stderr.contains("redline: error: the output could not be written: \(reason)"), "\(redirect): \(result.stderr)")
            #expect(result.stderr.contains("status 2"), "\(redirect): \(result.stderr)")
        }
        let early = try RedlineProcess.shell("'\(redline)' extract '\(page)' | true")
        #expect(!early.stderr.contains("error"), "\(early.stderr)")
    }
}
