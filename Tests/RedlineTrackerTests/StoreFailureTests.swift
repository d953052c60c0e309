import Foundation
import Testing

/// What the store says when something under it fails (issue 16, item 9): capture times a commit
/// cannot hold, damaged articles among good ones, inits at once, and the system's own refusals
/// (a permission, too many open files, a full disk) named as such, not as damage.
@Suite struct StoreFailureTests {
    /// libgit2 1.5.1 writes a commit time as `(unsigned)`: 2106-03-01 was stored as 1970-01-22.
    @Test func captureTimesAfter2106AreStoredAndBefore1970Refused() throws {
        let f = try RepositoryFixture()
        defer { f.dir.remove() }
        try f.expectRefused(["snap", "other", f.dir.write("early.txt", capture(3)), "--at", "1969-12-31T23:59:59Z"],
                            mentioning: "cannot be stored")
        for (n, (at, seconds)) in [("2106-02-07T06:28:15Z", "4294967295"), ("2106-03-01T00:00Z", "4296844800"),
                                   ("9999-12-31T23:59:59Z", "253402300799")].enumerated() {
            let snap = try f.run(["snap", "story", f.dir.write("late\(n).txt", capture(4 + n)), "--at", at])
            #expect(snap.status == 0, "\(snap.stderr)")
            #expect(snap.stderr.contains("is in the future: until then, every capture of 'story' taken now is refused"), "\(snap.stderr)")
            let time = try RedlineProcess.shell("git --git-dir='\(f.repo)' log -1 --format=%ct articles/story")
            #expect(time.stdout == seconds + "\n", "\(at)")
        }
        try f.expectValid()
    }

    @Test func articlesReportsADamagedArticleAndListsTheRest() throws {
        let f = try RepositoryFixture()
        defer { f.dir.remove() }
        for slug in ["broken-ref", "corrupt-commit", "whole"] {
            _ = try f.run(["snap", slug, f.dir.write("\(slug).txt", capture(slug.count))])
        }
        try "not a commit id\n".write(toFile: f.repo + "/refs/heads/articles/broken-ref", atomically: false, encoding: .utf8)
        let commit = try RedlineProcess.shell("git --git-dir='\(f.repo)' rev-parse articles/corrupt-commit").stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let object = try f.looseObject(commit)
        _ = try RedlineProcess.shell("chmod u+w '\(object)' && printf 'garbage' > '\(object)'")

        let result = try f.run(["articles"])
        #expect(result.status == 0, "\(result.stderr)")
        let listed = result.stdout.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(listed == ["story", "whole"], "\(result.stdout)")
        let warnings = result.stderr.split(separator: "\n")
        #expect(warnings.count == 2, "\(result.stderr)")
        #expect(warnings.contains { $0.hasPrefix("redline: warning: article 'broken-ref' is not listed") }, "\(result.stderr)")
        #expect(warnings.contains { $0.hasPrefix("redline: warning: article 'corrupt-commit' is not listed") }, "\(result.stderr)")
    }

    /// libgit2 1.5 spins for ever on a loose commit cut short; `log` reads commits itself and
    /// says the object is damaged. A FIFO where a branch's file should be does not hang it either.
    @Test func logOfACommitCutShortOrAFIFOBranchEndsWithOneLine() throws {
        let f = try RepositoryFixture()
        defer { f.dir.remove() }
        _ = try f.run(["snap", "story", f.dir.write("two.txt", capture(2))])
        let commit = try RedlineProcess.shell("git --git-dir='\(f.repo)' rev-parse articles/story").stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let object = try f.looseObject(commit)
        _ = try RedlineProcess.shell("chmod u+w '\(object)' && truncate -s 20 '\(object)'")
        let redline = RedlineProcess.executable
        let cut = try RedlineProcess.shell("timeout 60 '\(redline)' log story --repo '\(f.repo)'")
        #expect(cut.status == 2, "\(cut.stdout) \(cut.stderr)")
        #expect(cut.stderr.hasPrefix("redline: error: ") && cut.stderr.contains("damaged") && cut.stderr.split(separator: "\n").count == 1,
                "\(cut.stderr)")

        let branch = f.repo + "/refs/heads/articles/story"
        _ = try RedlineProcess.shell("rm -f '\(branch)' && mkfifo '\(branch)'")
        let fifo = try RedlineProcess.shell("timeout 60 '\(redline)' log story --repo '\(f.repo)'")
        #expect(fifo.status == 2, "\(fifo.stdout) \(fifo.stderr)")
        #expect(fifo.stderr.hasPrefix("redline: error: the track repository at ") && fifo.stderr.contains("could not be read")
                && fifo.stderr.split(separator: "\n").count == 1, "\(fifo.stderr)")
    }

    /// The same for the objects libgit2 reads: a loose `article.md` or tree cut short.
    @Test func readingAFileOrTreeCutShortEndsWithOneLine() throws {
        for (object, commands) in [("articles/story:article.md", [["show", "story"], ["diff", "story"], ["report", "story", "-o", "r.html"]]),
                                   ("articles/story^{tree}", [["show", "story"], ["events", "story"], ["blame", "story"]])] {
            let f = try RepositoryFixture()
            defer { f.dir.remove() }
            _ = try f.run(["snap", "story", f.dir.write("two.txt", capture(2))])
            let id = try RedlineProcess.shell("git --git-dir='\(f.repo)' rev-parse '\(object)'").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            let loose = try f.looseObject(id)
            _ = try RedlineProcess.shell("chmod u+w '\(loose)' && truncate -s 12 '\(loose)'")
            for command in commands {
                let arguments = (command + ["--repo", f.repo]).map { "'\($0)'" }.joined(separator: " ")
                let result = try RedlineProcess.shell("cd '\(f.dir.path)' && timeout 60 '\(RedlineProcess.executable)' \(arguments)")
                #expect(result.status == 2, "\(object): \(command): \(result.status) \(result.stderr)")
                #expect(result.stderr.contains("damaged") && result.stderr.split(separator: "\n").count == 1, "\(command): \(result.stderr)")
            }
        }
    }

    /// Bytes of the pack flipped anywhere (a disk's damage, not a cut): every reading command
    /// either reads what it needs or ends with one line, never hangs or crashes, and some
    /// damage is found.
    @Test func aDamagedPackIsReadOrReportedInOneLine() throws {
        let f = try RepositoryFixture()
        defer { f.dir.remove() }
        for version in 1...4 { _ = try f.run(["snap", "story", f.dir.write("v\(version).txt", capture(version * 3))]) }
        let packs = try FileManager.default.contentsOfDirectory(atPath: f.repo + "/objects/pack").filter { $0.hasSuffix(".pack") }
        let pack = f.repo + "/objects/pack/" + (try #require(packs.first))
        let original = try Data(contentsOf: URL(fileURLWithPath: pack))
        _ = try RedlineProcess.shell("chmod u+w '\(pack)'")
        var reported = 0
        for step in 1...12 {
            var damaged = original
            let offset = 12 + (original.count - 40) * step / 13
            for index in offset..<(offset + 4) { damaged[index] ^= 0x5A }
            try damaged.write(to: URL(fileURLWithPath: pack))
            for command in [["log", "story"], ["show", "story"], ["show", "story", "1"], ["diff", "story", "1", "4"], ["events", "story"], ["blame", "story"]] {
                let arguments = (command + ["--repo", f.repo]).map { "'\($0)'" }.joined(separator: " ")
                let result = try RedlineProcess.shell("timeout 60 '\(RedlineProcess.executable)' \(arguments)")
                #expect(result.status == 0 || result.status == 2, "byte \(offset): \(command): \(result.status) \(result.stderr)")
                if result.status == 2 {
                    reported += 1
                    #expect(result.stderr.hasPrefix("redline: error: ") && result.stderr.split(separator: "\n").count == 1,
                            "byte \(offset): \(command): \(result.stderr)")
                }
            }
        }
        #expect(reported > 0)
    }

    @Test func initsRunAtOnceAllSucceed() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        for round in 0..<10 {
            let repo = dir.child("nested/track-\(round).git")
            let inits = try (0..<5).map { n in
                try LockTests.Writer(["init", "--repo", repo], file: "", output: dir.child("init-\(round)-\(n).out"), environment: [:])
            }
            for (n, process) in inits.enumerated() {
                let (_, output) = process.finish()
                #expect(process.process.terminationStatus == 0, "round \(round), init \(n): \(output)")
            }
            let snap = try RedlineProcess.run(["snap", "story", dir.write("c\(round).txt", capture(round)), "--repo", repo])
            #expect(snap.status == 0, "round \(round): \(snap.stderr)")
        }
    }

    /// Runs `command` as an unprivileged user when the tests run as root (root passes every
    /// permission check), as it is otherwise.
    func unprivileged(_ command: String) -> String {
        getuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups \(command)" : command
    }

    @Test func aPermissionIsReportedAsOne() throws {
        let f = try RepositoryFixture()
        defer { f.dir.remove() }
        let redline = "'\(RedlineProcess.executable)'"
        _ = try RedlineProcess.shell("chmod 000 '\(f.dir.path)'")
        let hidden = try RedlineProcess.shell(unprivileged("\(redline) log story --repo '\(f.repo)'") + " 2>&1")
        _ = try RedlineProcess.shell("chmod 755 '\(f.dir.path)' && chmod 700 '\(f.repo)/objects'")
        let unreadable = try RedlineProcess.shell(unprivileged("\(redline) log story --repo '\(f.repo)'") + " 2>&1")
        _ = try RedlineProcess.shell("chmod 755 '\(f.repo)/objects'")
        for result in [hidden, unreadable] {
            #expect(result.status == 2)
            #expect(result.stdout.hasPrefix("redline: error: permission denied: "), "\(result.stdout)")
            #expect(result.stdout.contains("(errno \(EACCES))"), "\(result.stdout)")
            #expect(!result.stdout.contains("fsck") && !result.stdout.contains("no track repository"), "\(result.stdout)")
        }
    }

    @Test func tooManyOpenFilesIsNotDamage() throws {
        let f = try RepositoryFixture()
        defer { f.dir.remove() }
        let snap = "'\(RedlineProcess.executable)' snap story '\(f.dir.write("two.txt", capture(2)))' --repo '\(f.repo)'"
        var refusals = 0
        // Only a few descriptors left: the store runs out of them part way (fewer, and the
        // executable's own libraries cannot be loaded; more, and the capture succeeds).
        for left in 1...4 {
            let result = try RedlineProcess.shell(
                "bash -c 'ulimit -n 24; for fd in $(seq 3 \(23 - left)); do eval \"exec $fd</dev/null\"; done; \(snap.replacingOccurrences(of: "'", with: "'\\''"))' 2>&1")
            guard result.stdout.hasPrefix("redline: error: ") else { continue }
            refusals += 1
            #expect(result.stdout.contains("too many open files") && result.stdout.contains("(errno \(EMFILE))"), "\(result.stdout)")
            #expect(!result.stdout.contains("fsck"), "\(result.stdout)")
        }
        #expect(refusals > 0, "no descriptor limit made the capture fail")
        try f.expectValid()
    }

    @Test func aFullDiskIsNotDamage() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let mount = dir.child("small")
        try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
        guard try RedlineProcess.shell("mount -t tmpfs -o size=256k tmpfs '\(mount)' 2>/dev/null").status == 0 else {
            return   // a 256 KiB file system needs root and a mount namespace; nothing to check without one
        }
        defer { _ = try? RedlineProcess.shell("umount '\(mount)'") }
        let repo = mount + "/track.git"
        _ = try RedlineProcess.run(["init", "--repo", repo])
        let big = (0..<4000).map { "Paragraph \($0): \(UUID().uuidString) \(UUID().uuidString)\n" }.joined(separator: "\n")
        let result = try RedlineProcess.run(["snap", "story", dir.write("big.txt", "Live: a big page\n\n" + big), "--repo", repo])
        #expect(result.status == 2)
        #expect(result.stderr.contains("is full") && result.stderr.contains("(errno \(ENOSPC))"), "\(result.stderr)")
        #expect(!result.stderr.contains("fsck"), "\(result.stderr)")
        // The pack the failed capture began is not left without its index, taking the room a
        // second try would need (a reliability trial found one a failed try).
        let packs = try FileManager.default.contentsOfDirectory(atPath: repo + "/objects/pack")
        let unindexed = packs.filter { $0.hasSuffix(".pack") && !packs.contains(String($0.dropLast(5)) + ".idx") }
        #expect(unindexed.isEmpty, "\(unindexed)")
    }
}
