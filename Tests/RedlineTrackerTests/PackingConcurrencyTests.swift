import Foundation
import Testing

/// Issue 17 (4): 8 writers and a reader while the store packs itself (a low threshold) and while
/// `redline gc` runs in a loop: every capture kept, numbered without gaps, every version
/// readable, `git fsck --strict` clean, and the reader never fails.
@Suite struct PackingConcurrencyTests {
    static let writers = 8
    static let capturesPerWriter = 10

    @Test func writersAndAReaderBesideThePackerLoseNothing() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = dir.child("track.git")
        let redline = "REDLINE_PACK_THRESHOLD=12 '\(RedlineProcess.executable)'"
        _ = try RedlineProcess.run(["init", "--repo", repo])
        for n in 0..<2 {   // the reader's diff needs two versions
            #expect(try RedlineProcess.run(["snap", "shared", dir.write("first-\(n).txt", capture(900 + n)), "--repo", repo]).status == 0)
        }
        let stop = dir.child("stop")
        func loop(_ name: String, _ body: String) throws -> Process {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "{ while [ ! -e '\(stop)' ]; do \(body); done; } > '\(dir.child(name))' 2>&1"]
            try process.run()
            return process
        }
        let reader = try loop("reader", """
            \(redline) log shared --repo '\(repo)' > /dev/null 2>'\(dir.child("reader-err"))' || { echo FAILED log; cat '\(dir.child("reader-err"))'; }; \
            \(redline) diff shared --repo '\(repo)' > /dev/null 2>'\(dir.child("reader-err"))' || { echo FAILED diff; cat '\(dir.child("reader-err"))'; }
            """)
        let gc = try loop("gc", "\(redline) gc --repo '\(repo)' || echo FAILED gc")
        var writers: [Process] = []
        for writer in 0..<Self.writers {
            let snaps = (0..<Self.capturesPerWriter).map { i in
                let file = dir.write("w\(writer)-\(i).txt", capture(writer * 1000 + i))
                return "\(redline) snap shared '\(file)' --repo '\(repo)' > /dev/null || echo FAILED snap"
            }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "{ " + snaps.joined(separator: "; ") + "; } > '\(dir.child("out-\(writer)"))' 2>&1"]
            writers.append(process)
        }
        for process in writers { try process.run() }
        for process in writers { process.waitUntilExit() }
        FileManager.default.createFile(atPath: stop, contents: nil)
        reader.waitUntilExit()
        gc.waitUntilExit()

        for name in ["reader", "gc"] + (0..<Self.writers).map({ "out-\($0)" }) {
            let output = try String(contentsOfFile: dir.child(name), encoding: .utf8)
            #expect(!output.contains("FAILED"), "\(name): \(output)")
        }
        // Captures go straight into a pack, so `gc` finds something to pack only when a writer
        // met the packer's lock held (by `gc`) and wrote its capture loose.
        let gcOutput = try String(contentsOfFile: dir.child("gc"), encoding: .utf8)
        let runs = gcOutput.components(separatedBy: "packed ").count + gcOutput.components(separatedBy: "nothing to pack").count - 2
        #expect(runs >= 3, "redline gc ran \(runs) times while the writers wrote")
        let total = 2 + Self.writers * Self.capturesPerWriter
        #expect(try ConcurrencyTests().versionNumbers(repo, "shared") == Array((1...total).reversed()))
        let unreadable = try RedlineProcess.shell(
            "for n in $(seq 1 \(total)); do '\(RedlineProcess.executable)' show shared $n --repo '\(repo)' > /dev/null || echo $n; done")
        #expect(unreadable.stdout.isEmpty, "versions that could not be read: \(unreadable.stdout) \(unreadable.stderr)")
        let packs = try RedlineProcess.shell("ls '\(repo)/objects/pack' | grep -c '\\.pack$'")
        #expect((Int(packs.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) >= 1)
        let fsck = try RedlineProcess.shell("git --git-dir='\(repo)' fsck --strict")
        #expect(fsck.status == 0, "\(fsck.stderr)")
    }

    /// `git gc` writes a pack redline cannot rewrite (deltas by offset): a capture then goes
    /// into a pack of its own, kept until its branch moves, not loose, where `git gc
    /// --prune=now` in a loop beside the writer deleted objects of versions reported stored.
    @Test func capturesBesideGitGcPruneNowLoseNothing() throws {
        let f = try RepositoryFixture()
        defer { f.dir.remove() }
        for n in 1...2 { #expect(try f.run(["snap", "story", f.dir.write("v\(n).txt", capture(n))]).status == 0) }
        _ = try RedlineProcess.shell("git --git-dir='\(f.repo)' gc -q")
        #expect(try f.run(["snap", "story", f.dir.write("v3.txt", capture(3))]).status == 0)
        let loose = try RedlineProcess.shell("find '\(f.repo)/objects' -type f -path '*/objects/??/*' | wc -l")
        #expect(loose.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0", "a capture after git gc was written loose")

        let stop = f.dir.child("stop")
        let gc = Process()
        gc.executableURL = URL(fileURLWithPath: "/bin/sh")
        gc.arguments = ["-c", "while [ ! -e '\(stop)' ]; do git --git-dir='\(f.repo)' gc -q --prune=now > /dev/null 2>&1; done"]
        try gc.run()
        for n in 4...15 {
            let snap = try f.run(["snap", "story", f.dir.write("v\(n).txt", capture(n))])
            #expect(snap.status == 0, "\(snap.stderr)")
        }
        FileManager.default.createFile(atPath: stop, contents: nil)
        gc.waitUntilExit()
        #expect(try ConcurrencyTests().versionNumbers(f.repo, "story") == Array((1...15).reversed()))
        for n in 1...15 { #expect(try f.run(["show", "story", "\(n)"]).status == 0, "version \(n)") }
        try f.expectValid()
    }

    /// A capture that meets another process packing (here `flock` holds the packer's lock, as a
    /// long `redline gc` does) goes into a kept pack of its own, never loose, where `git gc
    /// --prune=now` deleted objects of versions reported stored (a reliability trial).
    @Test func capturesBesideALongPackingAndGitGcPruneNowLoseNothing() throws {
        let f = try RepositoryFixture()
        defer { f.dir.remove() }
        for n in 1...2 { #expect(try f.run(["snap", "story", f.dir.write("v\(n).txt", capture(n))]).status == 0) }
        let stop = f.dir.child("stop")
        let busy = Process()   // "another process packing" for the whole test
        busy.executableURL = URL(fileURLWithPath: "/bin/sh")
        busy.arguments = ["-c", "exec flock '\(f.repo)/redline/locks/gc.lock' sh -c 'while [ ! -e \(stop) ]; do sleep 0.1; done'"]
        try busy.run()
        let gc = Process()
        gc.executableURL = URL(fileURLWithPath: "/bin/sh")
        gc.arguments = ["-c", "while [ ! -e '\(stop)' ]; do git --git-dir='\(f.repo)' gc -q --prune=now > /dev/null 2>&1; done"]
        try gc.run()
        usleep(300_000)
        for n in 3...6 {
            let snap = try f.run(["snap", "story", f.dir.write("v\(n).txt", capture(n))])
            #expect(snap.status == 0, "\(snap.stderr)")
        }
        let loose = try RedlineProcess.shell("find '\(f.repo)/objects' -type f -path '*/objects/??/*' | wc -l")
        FileManager.default.createFile(atPath: stop, contents: nil)
        gc.waitUntilExit()
        busy.waitUntilExit()
        #expect(loose.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0", "captures were written loose")
        #expect(try ConcurrencyTests().versionNumbers(f.repo, "story") == Array((1...6).reversed()))
        for n in 1...6 { #expect(try f.run(["show", "story", "\(n)"]).status == 0, "version \(n)") }
        try f.expectValid()
    }

    @Test func gcSaysWhatItDid() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = dir.child("track.git")
        _ = try RedlineProcess.run(["init", "--repo", repo])
        _ = try RedlineProcess.run(["snap", "story", dir.write("c0.txt", capture(0)), "--repo", repo])
        for n in 1..<3 {   // written loose, as a store from before redline packed itself holds captures
            let snap = try RedlineProcess.run(["snap", "story", dir.write("c\(n).txt", capture(n)), "--repo", repo],
                                              environment: ["REDLINE_LOOSE_CAPTURES": "1"])
            #expect(snap.status == 0, "\(snap.stderr)")
        }
        let first = try RedlineProcess.run(["gc", "--repo", repo])
        #expect(first.status == 0 && first.stdout.hasPrefix("packed 17 objects; removed 10 loose objects and 1 pack; "), "\(first.stdout)")
        let again = try RedlineProcess.run(["gc", "--repo", repo])
        #expect(again.status == 0 && again.stdout.hasPrefix("nothing to pack; "), "\(again.stdout)")
        #expect(try RedlineProcess.run(["log", "story", "--repo", repo]).stdout.split(separator: "\n").count == 3)
        let missing = try RedlineProcess.run(["gc", "--repo", dir.child("nowhere")])
        #expect(missing.status == 2 && missing.stderr.hasPrefix("redline: error: "))
    }
}
