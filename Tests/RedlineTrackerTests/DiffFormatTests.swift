import Foundation
import Testing

/// `redline diff --format/--color/--stat/--exit-code` and `redline report`, as a user runs them:
/// through a pipe, and through a pseudo-terminal made by `script` for what depends on a terminal.
@Suite struct DiffFormatTests {
    /// Two captures of a story: one paragraph changed, one added.
    struct Pair {
        let dir: TemporaryDirectory
        let old: String, new: String

        init() throws {
            dir = try TemporaryDirectory()
            old = dir.write("old.txt", "Live: the council\n\nThe council met on Monday.\n\nNothing else happened.\n")
            new = dir.write("new.txt", "Live: the council\n\nThe council met on Monday.\n\nNothing else happened.\n\nA vote is due on Friday.\n")
        }
    }

    static let esc = "\u{1B}["

    @Test func aPipeGetsPlainTextWithoutColour() throws {
        let p = try Pair()
        defer { p.dir.remove() }
        let result = try RedlineProcess.run(["diff", "--files", p.old, p.new])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains(Self.esc))
        #expect(result.stdout.contains("+ A vote is due on Friday."))
        let terminal = try RedlineProcess.run(["diff", "--files", p.old, p.new, "--format", "terminal"])
        #expect(!terminal.stdout.contains(Self.esc), "auto colour is off on a pipe")
    }

    @Test func colourAlwaysColoursEvenThroughAPipe() throws {
        let p = try Pair()
        defer { p.dir.remove() }
        let always = try RedlineProcess.run(["diff", "--files", p.old, p.new, "--color", "always"])
        #expect(always.stdout.contains(Self.esc + "32m+"))
        let never = try RedlineProcess.run(["diff", "--files", p.old, p.new, "--format", "terminal", "--color", "never"])
        #expect(!never.stdout.contains(Self.esc))
        let text = try RedlineProcess.run(["diff", "--files", p.old, p.new, "--format", "text", "--color", "always"])
        #expect(!text.stdout.contains(Self.esc), "text is plain text whatever --color says")
    }

    @Test func otherFormats() throws {
        let p = try Pair()
        defer { p.dir.remove() }
        let markdown = try RedlineProcess.run(["diff", "--files", p.old, p.new, "--format", "markdown"])
        #expect(markdown.stdout.hasPrefix("### files: "))
        #expect(markdown.stdout.contains("| added | removed |"))
        let html = try RedlineProcess.run(["diff", "--files", p.old, p.new, "--format", "html"])
        #expect(html.stdout.hasPrefix("<!doctype html>"))
        #expect(html.stdout.contains("A vote is due on Friday."))
        let stat = try RedlineProcess.run(["diff", "--files", p.old, p.new, "--stat"])
        #expect(stat.stdout.contains(" added     | 1 +"))
        let refused = try RedlineProcess.run(["diff", "--files", p.old, p.new, "--stat", "--format", "json"])
        #expect(refused.status == 64)
        #expect(try RedlineProcess.run(["diff", "--files", p.old, p.new, "--color", "sometimes"]).status == 64)
    }

    /// `diff --files` begins reading its files while the command line is still being parsed
    /// (EarlyExtraction). However the files are named, and whatever else the command line
    /// names, the result is the one a plain read gives.
    @Test func filesBegunEarlyGiveTheSameDiff() throws {
        let p = try Pair()
        defer { p.dir.remove() }
        let fromSummary = { (json: String) in json.range(of: "\"summary\"").map { String(json[$0.lowerBound...]) } ?? "" }
        let expected = try RedlineProcess.run(["diff", "--files", p.old, p.new, "--format", "json"])
        #expect(expected.status == 0, "\(expected.stderr)")
        #expect(expected.stdout.contains("A vote is due on Friday."))
        // The old capture on standard input is not begun early.
        let piped = try RedlineProcess.run(["diff", "--files", "-", p.new, "--format", "json"], stdin: Data(contentsOf: URL(fileURLWithPath: p.old)))
        #expect(fromSummary(piped.stdout) == fromSummary(expected.stdout))
        // A regular file named by an option is begun as well, and left unused.
        let decoy = p.dir.write("decoy.txt", "Something else entirely\n\nAnother paragraph\n")
        let withDecoy = try RedlineProcess.run(["diff", "--repo", decoy, "--files", p.old, p.new, "--format", "json"])
        #expect(withDecoy.stdout == expected.stdout, "\(withDecoy.stderr)")
        // One file on both sides: begun once, read by both.
        #expect(try RedlineProcess.run(["diff", "--files", p.new, p.new, "--exit-code"]).status == 0)
        // Both unreadable: the old one's error is the one reported.
        let binary = p.dir.write("binary.bin", "\u{0}\u{1}\u{2}")
        let empty = p.dir.write("empty.txt", "")
        let refused = try RedlineProcess.run(["diff", "--files", binary, empty])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("binary.bin") && !refused.stderr.contains("empty.txt"), "\(refused.stderr)")
    }

    @Test func exitCodes() throws {
        let p = try Pair()
        defer { p.dir.remove() }
        #expect(try RedlineProcess.run(["diff", "--files", p.old, p.new]).status == 0)
        #expect(try RedlineProcess.run(["diff", "--files", p.old, p.new, "--exit-code"]).status == 1)
        #expect(try RedlineProcess.run(["diff", "--files", p.old, p.old, "--exit-code"]).status == 0)
        // A new paragraph is not an edit of what was published, nor a new headline.
        #expect(try RedlineProcess.run(["diff", "--files", p.old, p.new, "--fail-on", "edits"]).status == 0)
        #expect(try RedlineProcess.run(["diff", "--files", p.old, p.new, "--fail-on", "headline"]).status == 0)
        #expect(try RedlineProcess.run(["diff", "--files", p.old, p.new, "--fail-on", "key-events"]).status == 0)
        let edited = p.dir.write("edited.txt", "Live: the council\n\nThe council met on Tuesday.\n\nNothing else happened.\n")
        #expect(try RedlineProcess.run(["diff", "--files", p.old, edited, "--fail-on", "edits"]).status == 1)
        #expect(try RedlineProcess.run(["diff", "--files", p.old, edited, "--fail-on", "headline"]).status == 0)
        let retitled = p.dir.write("retitled.txt", "Live: the council votes\n\nThe council met on Monday.\n\nNothing else happened.\n")
        #expect(try RedlineProcess.run(["diff", "--files", p.old, retitled, "--fail-on", "headline"]).status == 1)
        #expect(try RedlineProcess.run(["diff", "--files", p.old, retitled, "--fail-on", "edits"]).status == 1)
        #expect(try RedlineProcess.run(["diff", "--files", p.old, p.new, "--format", "markdown", "--exit-code"]).status == 1)
    }

    @Test func reportWritesOneSelfContainedPage() throws {
        let p = try Pair()
        defer { p.dir.remove() }
        let repo = p.dir.child("track.git")
        _ = try RedlineProcess.run(["init", "--repo", repo])
        _ = try RedlineProcess.run(["snap", "story", p.old, "--at", "2025-04-23T08:00Z", "--repo", repo])
        _ = try RedlineProcess.run(["snap", "story", p.new, "--at", "2025-04-23T09:00Z", "--repo", repo])
        let file = p.dir.child("report.html")
        let result = try RedlineProcess.run(["report", "story", "-o", file, "--repo", repo])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix(": 2 versions, 1 diff\n"))
        let html = try String(contentsOfFile: file, encoding: .utf8)
        #expect(html.hasPrefix("<!doctype html>"))
        #expect(html.contains("href=\"#v2\""))
        #expect(html.contains("id=\"v2\""))
        #expect(html.contains("A vote is due on Friday."))
        #expect(!html.contains("<script") && !html.contains("<link") && !html.contains("src="))
        let unknown = try RedlineProcess.run(["report", "nothing", "-o", file, "--repo", repo])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("redline: error: "))
        let unwritable = try RedlineProcess.run(["report", "story", "-o", p.dir.child("no/such/dir/r.html"), "--repo", repo])
        #expect(unwritable.status == 2)
        #expect(unwritable.stderr == "redline: error: cannot write the report to '\(p.dir.child("no/such/dir/r.html"))': "
                + "'\(p.dir.child("no/such/dir"))' does not exist; give another path with -o\n")
        let folder = try RedlineProcess.run(["report", "story", "-o", p.dir.path, "--repo", repo])
        #expect(folder.status == 2)
        #expect(folder.stderr.hasPrefix("redline: error: cannot write the report to '\(p.dir.path)': it is a directory; "),
                "\(folder.stderr)")
        #expect(folder.stderr.filter { $0 == "\n" }.count == 1 && !folder.stderr.contains("NSCocoaErrorDomain"))
        let refused = try RedlineProcess.run(["report", "story", "-o", p.old + "/r.html", "--repo", repo])
        #expect(refused.status == 2)
        #expect(refused.stderr == "redline: error: cannot write the report to '\(p.old)/r.html': '\(p.old)' is a file, not a folder; "
                + "give another path with -o\n")
        #expect(try RedlineProcess.run(["report", "story", "--repo", repo]).status == 64, "-o is required")
        // Into what is not a file (`/dev/null`, a FIFO), as it is: an atomic write renamed a file
        // over it (as root, `report -o /dev/null` replaced the system's /dev/null). Through a
        // link, into the file it names, the link kept.
        let fifo = p.dir.child("fifo")
        #expect(mkfifo(fifo, 0o644) == 0)
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/sh")
        reader.arguments = ["-c", "cat '\(fifo)' > '\(fifo).out'"]
        try reader.run()
        let intoFIFO = try RedlineProcess.run(["report", "story", "-o", fifo, "--repo", repo])
        reader.waitUntilExit()
        #expect(intoFIFO.status == 0, "\(intoFIFO.stderr)")
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "the FIFO was replaced")
        #expect(try String(contentsOfFile: fifo + ".out", encoding: .utf8).hasPrefix("<!doctype html>"))
        let link = p.dir.child("link.html")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: file)
        #expect(try RedlineProcess.run(["report", "story", "--last", "1", "-o", link, "--repo", repo]).status == 0)
        #expect(lstat(link, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK, "the link was replaced")
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("id=\"v2\""))
    }

    /// `--last N`: the newest N versions, each with its diff from the one before (a newcomer's
    /// `--last 1` said the article had one version, "nothing to compare it with yet").
    @Test func reportOfTheLastVersionsShowsTheirDiffs() throws {
        let p = try Pair()
        defer { p.dir.remove() }
        let repo = p.dir.child("track.git")
        _ = try RedlineProcess.run(["init", "--repo", repo])
        let third = p.dir.write("third.txt", "Live: the council\n\nThe council met on Monday.\n\nA vote is due on Friday.\n\nIt passed.\n")
        for (n, file) in [p.old, p.new, third].enumerated() {
            _ = try RedlineProcess.run(["snap", "story", file, "--at", "2025-04-23T0\(n + 7):00Z", "--repo", repo])
        }
        let file = p.dir.child("report.html")
        let one = try RedlineProcess.run(["report", "story", "--last", "1", "-o", file, "--repo", repo])
        #expect(one.stdout.hasSuffix(": 1 version, 1 diff\n"), "\(one.stdout)")
        var html = try String(contentsOfFile: file, encoding: .utf8)
        #expect(html.contains("version 3 of 3") && html.contains("id=\"v3\"") && html.contains("It passed."))
        #expect(!html.contains("Only one version") && !html.contains("id=\"v2\""))
        let two = try RedlineProcess.run(["report", "story", "--last", "2", "-o", file, "--repo", repo])
        #expect(two.stdout.hasSuffix(": 2 versions, 2 diffs\n"), "\(two.stdout)")
        html = try String(contentsOfFile: file, encoding: .utf8)
        #expect(html.contains("versions 2–3 of 3") && html.contains("id=\"v2\"") && !html.contains(">Version 1<"))
        let all = try RedlineProcess.run(["report", "story", "--last", "9", "-o", file, "--repo", repo])
        #expect(all.stdout.hasSuffix(": 3 versions, 2 diffs\n"), "\(all.stdout)")
    }

    // MARK: On a terminal

    static let hasScript = FileManager.default.isExecutableFile(atPath: "/usr/bin/script")

    /// Runs `redline arguments…` on a pseudo-terminal and returns what the terminal showed.
    static func onTerminal(_ arguments: [String], environment: [String: String], unset: [String] = []) throws -> String {
        let quoted = ([RedlineProcess.executable] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        var env = ["TERM": "xterm-256color", "COLUMNS": "60", "REDLINE_PAGER": "", "PAGER": "", "NO_COLOR": ""]
        env.merge(environment) { $1 }
        for name in unset { env[name] = nil }
        let assignments = (unset.map { "-u \($0)" } + env.map { "\($0.key)='\($0.value)'" }).joined(separator: " ")
        return try RedlineProcess.shell("env \(assignments) script -qec \"\(quoted.joined(separator: " "))\" /dev/null").stdout
    }

    @Test(.enabled(if: hasScript)) func aTerminalGetsColourUnlessNoColorOrDumb() throws {
        let p = try Pair()
        defer { p.dir.remove() }
        let args = ["diff", "--files", p.old, p.new]
        #expect(try Self.onTerminal(args, environment: [:]).contains(Self.esc + "32m+"))
        #expect(!(try Self.onTerminal(args, environment: ["NO_COLOR": "1"]).contains(Self.esc)))
        #expect(!(try Self.onTerminal(args, environment: ["TERM": "dumb"]).contains(Self.esc)))
        #expect(try Self.onTerminal(args + ["--color", "always"], environment: ["NO_COLOR": "1"]).contains(Self.esc), "an explicit flag wins")
    }

    @Test(.enabled(if: hasScript)) func aTerminalGetsThePagerAndItsWidth() throws {
        let p = try Pair()
        defer { p.dir.remove() }
        let args = ["diff", "--files", p.old, p.new, "--color", "never"]
        let paged = try Self.onTerminal(args, environment: ["REDLINE_PAGER": "sed s/^/P:/", "PAGER": "false"])
        #expect(paged.contains("P:+ A vote is due on Friday."))
        let fallback = try Self.onTerminal(args, environment: ["REDLINE_PAGER": "", "PAGER": "sed s/^/Q:/"])
        #expect(!fallback.contains("Q:"), "an empty REDLINE_PAGER means no pager")
        let viaPager = try Self.onTerminal(args, environment: ["PAGER": "sed s/^/Q:/"], unset: ["REDLINE_PAGER"])
        #expect(viaPager.contains("Q:+ A vote is due on Friday."), "$PAGER when $REDLINE_PAGER is unset")
        // A pager that is not there (a typo): the shell says so, and the diff is shown without it.
        let missing = try Self.onTerminal(args, environment: ["REDLINE_PAGER": "redline-no-such-pager"])
        #expect(missing.contains("+ A vote is due on Friday.") && missing.contains("not found"), "\(missing)")
        // The pager must be in the terminal's foreground process group to read the reader's keys
        // (/proc/PID/stat fields 5 and 8: the process group and the terminal's foreground group).
        let keys = try Self.onTerminal(args, environment: [
            "REDLINE_PAGER": "cat >/dev/null; set -- $(cat /proc/$$/stat); if [ $5 = $8 ]; then echo FOREGROUND; else echo BACKGROUND; fi",
        ])
        #expect(keys.contains("FOREGROUND"), "\(keys)")
        let noPager = try Self.onTerminal(args + ["--no-pager"], environment: ["REDLINE_PAGER": "sed s/^/P:/"])
        #expect(!noPager.contains("P:"))
        let narrow = try Self.onTerminal(args, environment: ["COLUMNS": "24"])
        #expect(narrow.contains("+ A vote is due on\r\n+ Friday.") || narrow.contains("+ A vote is due on\n+ Friday."))
    }
}
