import Foundation
import Testing

/// The rows of docs/RELIABILITY.md's input matrix that need the whole command: each input gives
/// either a one-line error with exit 2 or a warning and a stored version, never a crash, and the
/// repository stays intact (`git fsck` clean, untouched when refused).
@Suite struct InputMatrixTests {
    /// Mostly UTF-8, with bad bytes (text that is not UTF-8 at all is read as windows-1252:
    /// `aLatin1TextCaptureIsReadAsWindows1252`).
    @Test func invalidUTF8IsStoredWithAWarning() throws {
        let f = try RepositoryFixture()
        defer { f.dir.remove() }
        let bytes = Data("Live: talks in Genève\n\nBoth sides \u{1}left the café – «\u{A0}for now\u{A0}».\n".utf8) + Data([0xFF, 0xC3]) + Data(" Then.\n".utf8)
        let snap = try f.run(["snap", "bad", f.file("bad.txt", bytes)])
        #expect(snap.status == 0, "\(snap.stderr)")
        #expect(snap.stderr.contains("warning: the capture is not valid UTF-8"))
        let stored = try RedlineProcess.shell("git --git-dir='\(f.repo)' cat-file blob articles/bad:source.txt | od -An -tx1 | tr -d ' \\n'")
        #expect(stored.stdout == bytes.map { String(format: "%02x", $0) }.joined(), "the captured bytes are kept unchanged")
        #expect(try f.run(["show", "bad"]).stdout.contains("\u{FFFD}"))
        try f.expectValid()
    }

    @Test func aLatin1TextCaptureIsReadAsWindows1252() throws {
        let f = try RepositoryFixture()
        defer { f.dir.remove() }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: RedlineProcess.packageRoot
            + "/Tests/RedlineExtractTests/Fixtures/charset/undeclared-latin-1.txt"))
        let file = f.file("latin-1.txt", bytes)
        let snap = try f.run(["snap", "cafe", file])
        #expect(snap.status == 0 && snap.stdout.hasPrefix("cafe: version 1"), "\(snap.stdout)\(snap.stderr)")
        #expect(snap.stderr == "redline: warning: the capture declares no charset known here and is not UTF-8; it was read as windows-1252\n",
                "\(snap.stderr)")
        let shown = try f.run(["show", "cafe", "--format", "text"]).stdout
        #expect(shown.contains("Café crème, naïve") && shown.contains("« Nous étions fermés depuis l'été »") && !shown.contains("\u{FFFD}"),
                "\(shown)")
        let stored = try RedlineProcess.shell("git --git-dir='\(f.repo)' cat-file blob articles/cafe:source.txt | od -An -tx1 | tr -d ' \\n'")
        #expect(stored.stdout == bytes.map { String(format: "%02x", $0) }.joined(), "the captured bytes are kept unchanged")
        let again = try f.run(["snap", "cafe", file])
        #expect(again.stdout == "cafe: unchanged since version 1\n", "\(again.stdout)\(again.stderr)")
        try f.expectValid()
    }

    @Test(arguments: [String.Encoding.utf16LittleEndian, .utf16BigEndian])
    func utf16WithoutAByteOrderMarkIsNamed(_ encoding: String.Encoding) throws {
        let f = try RepositoryFixture()
        defer { f.dir.remove() }
        let path = f.file("utf16.txt", capture(2).data(using: encoding)!)
        try f.expectRefused(["snap", "story", path], mentioning: "UTF-16 without a byte-order mark")
    }

    @Test func utf16WithAByteOrderMarkIsTheSameVersionAsUTF8() throws {
        let f = try RepositoryFixture()
        defer { f.dir.remove() }
        let path = f.file("utf16.txt", Data([0xFF, 0xFE]) + capture(1).data(using: .utf16LittleEndian)!)
        let snap = try f.run(["snap", "story", path])
        #expect(snap.status == 0 && snap.stdout.contains("unchanged since version 1"), "\(snap.stdout) \(snap.stderr)")
    }

    @Test func crlfAndLoneCRLineEndsAreTheSameVersion() throws {
        let f = try RepositoryFixture()
        defer { f.dir.remove() }
        for (name, ending) in [("crlf.txt", "\r\n"), ("cr.txt", "\r")] {
            let path = f.dir.write(name, capture(1).replacingOccurrences(of: "\n", with: ending))
            let snap = try f.run(["snap", "story", path])
            #expect(snap.status == 0 && snap.stdout.contains("unchanged since version 1"), "\(name): \(snap.stdout) \(snap.stderr)")
        }
    }

    /// 50 MB on one line: refused cleanly above `REDLINE_MAX_BYTES` before anything is parsed; a
    /// long line under the limit is stored whole (1 MB here to keep the debug suite fast; the full
    /// 50 MB through the release build is timed in docs/RELIABILITY.md).
    @Test func aFiftyMegabyteLine() throws {
        let f = try RepositoryFixture()
        defer { f.dir.remove() }
        let big = f.dir.write("big.txt", "Title\n\n" + String(repeating: "wwwwwwwww ", count: 5_000_000))
        try f.expectRefused(["snap", "story", big], mentioning: "over the limit", environment: ["REDLINE_MAX_BYTES": "10000000"])
        let long = f.dir.write("long.txt", "Title\n\n" + String(repeating: "wwwwwwwww ", count: 100_000))
        let snap = try f.run(["snap", "long", long])
        #expect(snap.status == 0, "\(snap.stderr)")
        let shown = try f.run(["show", "long", "--format", "json"])
        #expect(shown.stdout.utf8.count > 1_000_000)
        try f.expectValid()
    }

    @Test func pagesWithOnlyScriptsAndStylesAreRefused() throws {
        let f = try RepositoryFixture()
        defer { f.dir.remove() }
        let page = "<html><head><style>p{color:red}</style><script>var a = '<p>not text</p>';</script></head><body><script>alert(1)</script><noscript></noscript></body></html>"
        try f.expectRefused(["snap", "story", f.dir.write("scripts.html", page)], mentioning: "no article text could be extracted")
    }

    /// `show` prints the article readable; `--format markdown` gives `article.md` as stored, its
    /// escapes kept (they make it read back exactly).
    @Test func showIsReadableAndMarkdownIsAsStored() throws {
        let f = try RepositoryFixture()
        defer { f.dir.remove() }
        let page = "<html><body><article><h1>Talks *resume*</h1><p>2025-04-23: the #1 question is [who] pays.</p></article></body></html>"
        #expect(try f.run(["snap", "talks", f.dir.write("talks.html", page)]).status == 0)
        let text = try f.run(["show", "talks"]).stdout
        #expect(text.contains("# Talks *resume*\n") && text.contains("\n2025-04-23: the #1 question is [who] pays.\n"), "\(text)")
        let markdown = try f.run(["show", "talks", "--format", "markdown"]).stdout
        #expect(markdown.contains("# Talks \\*resume\\*") && markdown.contains("2025\\-04-23: the #1 question is \\[who\\] pays."), "\(markdown)")
    }

    /// What `fetch` refuses as not a page (a PDF, JSON) `snap` refuses too, from a file or a
    /// pipe (`curl … | redline snap` storing an API's JSON error), unless `--format text`.
    @Test func whatIsNotAPageIsRefusedUnlessReadAsText() throws {
        let f = try RepositoryFixture()
        defer { f.dir.remove() }
        let json = f.dir.write("error.json", "{\"status\": \"error\", \"message\": \"rate limited\"}\n")
        try f.expectRefused(["snap", "story", json], mentioning: "error.json is JSON, not a web page; nothing was stored (--format text")
        try f.expectRefused(["snap", "story", f.dir.write("paper.pdf", "%PDF-1.4\nBT (Budget) Tj ET\n")], mentioning: "is a PDF document")
        let asText = try f.run(["snap", "api", json, "--format", "text"])
        #expect(asText.status == 0, "\(asText.stderr)")
    }

    @Test func escapeSequencesInTheArticleNeverReachTheOutput() throws {
        let f = try RepositoryFixture()
        defer { f.dir.remove() }
        let hostile = capture(2).replacingOccurrences(of: "the council", with: "the \u{1B}[2J\u{1B}]52;c;aGVsbG8=\u{07}council\u{8}\u{7F}\u{9B}31m")
        let snap = try f.run(["snap", "story", f.dir.write("hostile.txt", hostile)])
        #expect(snap.status == 0, "\(snap.stderr)")
        for command in [["log", "story"], ["show", "story"], ["blame", "story"], ["diff", "story", "--color", "always"],
                        ["diff", "story", "--format", "markdown"]] {
            let result = try f.run(command)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            let controls = result.stdout.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n" && $0 != "\u{1B}") || $0.value == 0x7F || $0.value == 0x9B || $0 == "\u{07}" }
            #expect(controls.isEmpty, "\(command) wrote control characters")
            #expect(!result.stdout.contains("\u{1B}]52") && !result.stdout.contains("\u{1B}[2J"), "\(command) passed an escape sequence through")
        }
    }

    @Test func scriptInATitleIsEscapedInTheReport() throws {
        let f = try RepositoryFixture()
        defer { f.dir.remove() }
        let page = "<html><head><title>&lt;script&gt;alert(1)&lt;/script&gt; News</title></head><body><h1>Big &lt;script&gt;alert(2)&lt;/script&gt; <script>alert(3)</script>title</h1><article><p>Body text of the story.</p></article></body></html>"
        #expect(try f.run(["snap", "page", f.dir.write("page.html", page)]).status == 0)
        let shown = try f.run(["show", "page", "--format", "json"])
        #expect(shown.stdout.contains("<script>alert(2)</script>"), "the title's text is kept as text: \(shown.stdout)")
        #expect(!shown.stdout.contains("alert(3)"), "a real script is not article text")
        let report = f.dir.child("report.html")
        #expect(try f.run(["report", "page", "-o", report]).status == 0)
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(!html.contains("<script>alert"), "the report escapes article text")
        #expect(html.contains("&lt;script&gt;alert(2)"))
    }

    @Test func duplicateEntryIdsDiffWithoutLoss() throws {
        let f = try RepositoryFixture()
        defer { f.dir.remove() }
        func page(_ posts: Int) -> String {
            "<html><body><article>" + (0..<posts).map {
                "<div id=\"block-1\" class=\"block\"><time datetime=\"2025-04-23T1\($0):00:00Z\">1\($0):00</time><p>Post \($0) of the day.</p></div>"
            }.joined() + "</article></body></html>"
        }
        #expect(try f.run(["snap", "dup", f.dir.write("a.html", page(3))]).status == 0)
        #expect(try f.run(["snap", "dup", f.dir.write("b.html", page(4))]).status == 0)
        let diff = try f.run(["diff", "dup", "--format", "json"])
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(diff.stdout.contains("\"added\" : 1") || diff.stdout.contains("\"added\": 1"), "\(diff.stdout.prefix(600))")
        try f.expectValid()
    }

    /// A capture time in the future is kept as given; captures stay in time order after it, so
    /// one taken now is refused (saying what to do) and one after it is stored.
    @Test func aCaptureTimeInTheFutureIsKeptAndTimeOrderHolds() throws {
        let f = try RepositoryFixture()
        defer { f.dir.remove() }
        #expect(try f.run(["snap", "story", f.dir.write("two.txt", capture(2)), "--at", "2099-01-01T00:00Z"]).status == 0)
        try f.expectRefused(["snap", "story", f.dir.write("three.txt", capture(3))],
                            mentioning: "before its newest version 2 (2099-01-01T00:00:00Z)")
        #expect(try f.run(["snap", "story", f.dir.write("three.txt", capture(3)), "--at", "2099-01-02T00:00Z"]).status == 0)
        let log = try f.run(["log", "story"])
        #expect(log.stdout.split(separator: "\n").map { $0.prefix(1) } == ["3", "2", "1"], "\(log.stdout)")
        #expect(log.stdout.contains("2099-01-01T00:00:00Z"))
        #expect(try f.run(["diff", "story", "1", "3"]).status == 0)
    }

    /// A repository with its newest commit, or that version's stored article, overwritten: every
    /// command that reads it names the damage in one line and exits 2. (`log` and `events` read
    /// only commits, so a damaged article leaves them working.)
    @Test(arguments: [("articles/story", ["log", "show", "diff", "snap"]), ("articles/story:article.md", ["show", "diff", "snap"])])
    func aCorruptObjectIsReportedInOneLine(_ object: String, _ commands: [String]) throws {
        let f = try RepositoryFixture()
        defer { f.dir.remove() }
        _ = try f.run(["snap", "story", f.dir.write("two.txt", capture(2))])
        let id = try RedlineProcess.shell("git --git-dir='\(f.repo)' rev-parse '\(object)'").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let loose = try f.looseObject(id)
        _ = try RedlineProcess.shell("chmod u+w '\(loose)' && printf 'not zlib' > '\(loose)'")
        for command in commands.map({ $0 == "snap" ? [$0, "story", f.dir.write("three.txt", capture(3))] : [$0, "story"] }) {
            let before = try fingerprint(f.repo)
            let result = try f.run(command)
            #expect(result.status == 2, "\(command): exit \(result.status) \(result.stderr)")
            #expect(result.stderr.hasPrefix("redline: error: ") && result.stderr.filter { $0 == "\n" }.count == 1, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("fsck"), "\(command): \(result.stderr)")
            #expect(try fingerprint(f.repo) == before, "\(command) changed the repository")
        }
    }
}
