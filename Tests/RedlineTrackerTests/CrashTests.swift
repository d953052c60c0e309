import Foundation
import Testing

/// A writer killed at any moment loses nothing already stored and blocks no later capture.
@Suite struct CrashTests {
    func versionCount(_ repo: String) throws -> Int {
        Int(try RedlineProcess.shell("git --git-dir='\(repo)' rev-list --count articles/story").stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    @Test func writersKilledAtRandomMomentsLeaveAValidRepository() throws {
        try killWritersAtRandomMoments(environment: [:])
    }

    /// The same with the store packing loose objects after every few captures (issue 17) as well
    /// as each capture its own: a writer is as often killed while it rewrites the pack, and what
    /// it left half-written is cleared by the next.
    @Test func writersKilledWhilePackingLeaveAValidRepository() throws {
        try killWritersAtRandomMoments(environment: ["REDLINE_PACK_THRESHOLD": "4"], captures: 120)
    }

    func killWritersAtRandomMoments(environment: [String: String], captures: Int = 200) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = dir.child("track.git")
        _ = try RedlineProcess.run(["init", "--repo", repo])
        var generator = SystemRandomNumberGenerator()
        var completed = 0
        for n in 0..<captures {
            let file = dir.write("c\(n).txt", capture(n))
            let process = Process()
            process.executableURL = URL(fileURLWithPath: RedlineProcess.executable)
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
            process.arguments = ["snap", "story", file, "--repo", repo]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            if n % 2 == 0 {
                usleep(UInt32.random(in: 0...40_000, using: &generator))
                kill(process.processIdentifier, SIGKILL)
            }
            process.waitUntilExit()
            if process.terminationReason == .exit && process.terminationStatus == 0 { completed += 1 }
        }
        let count = try versionCount(repo)
        #expect(count >= completed, "every capture that completed is kept")
        let fsck = try RedlineProcess.shell("git --git-dir='\(repo)' fsck --strict --no-dangling")
        #expect(fsck.status == 0, "\(fsck.stderr)")
        let log = try RedlineProcess.run(["log", "story", "--repo", repo])
        let numbers = log.stdout.split(separator: "\n").compactMap { Int($0.split(separator: " ").first ?? "") }
        #expect(numbers == Array((1...count).reversed()), "versions numbered without gaps")
        for number in stride(from: 1, through: count, by: 7) {
            #expect(try RedlineProcess.run(["show", "story", "\(number)", "--repo", repo]).status == 0)
        }
        let leftover = "\(repo)/objects/pack/.tmp-redline-1_2"   // as a packer killed mid-write leaves it
        if !environment.isEmpty { FileManager.default.createFile(atPath: leftover, contents: Data("PACK".utf8)) }
        let kept = "\(repo)/objects/pack/pack-\(String(repeating: "0", count: 40)).keep"   // as a capture killed before its branch moved leaves it
        FileManager.default.createFile(atPath: kept, contents: Data("redline capture\n".utf8))
        // Ten minutes later: these and what the killed writers left are leftovers by then.
        for file in try FileManager.default.contentsOfDirectory(atPath: "\(repo)/objects/pack")
        where file.hasPrefix(".tmp-redline-") || file.hasSuffix(".keep") {
            try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-700)],
                                                  ofItemAtPath: "\(repo)/objects/pack/\(file)")
        }
        let next = try RedlineProcess.run(["snap", "story", dir.write("next.txt", capture(999)), "--repo", repo], environment: environment)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try versionCount(repo) == count + 1)
        // A capture killed between packing itself and moving its branch leaves its pack's
        // `.keep` (PackKeep): the next capture removes it once ten minutes old.
        let left = try FileManager.default.contentsOfDirectory(atPath: "\(repo)/objects/pack")
            .filter { $0.hasPrefix(".tmp-redline-") || $0.hasSuffix(".keep") }
        #expect(left.isEmpty, "\(left)")
    }

    /// Large captures are read through a mapping of their file, so one cut short mid-read
    /// raises SIGBUS: reported in one line with exit code 2, not a crash. The signal is sent
    /// while `diff` waits on standard input, its handler long in place.
    @Test func aCaptureCutShortWhileReadIsReportedInOneLine() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let errors = dir.write("stderr.txt", "")
        let input = Pipe()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: RedlineProcess.executable)
        process.arguments = ["diff", "--files", "-", dir.write("new.txt", capture(1))]
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errors))
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while !isReadingAPipe(process.processIdentifier), Date() < deadline { usleep(10_000) }
        kill(process.processIdentifier, SIGBUS)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        try input.fileHandleForWriting.close()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 2)
        #expect(try String(contentsOfFile: errors, encoding: .utf8) == "redline: error: a capture file was cut short while it was being read\n")
    }

    /// True while process `pid` sleeps in a read from a pipe (its /proc wait channel).
    private func isReadingAPipe(_ pid: Int32) -> Bool {
        (try? String(contentsOfFile: "/proc/\(pid)/wchan", encoding: .utf8))?.contains("pipe") == true
    }

    @Test func aStaleLockLeftByADeadWriterIsCleared() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = dir.child("track.git")
        _ = try RedlineProcess.run(["init", "--repo", repo])
        _ = try RedlineProcess.run(["snap", "story", dir.write("a.txt", capture(1)), "--repo", repo])
        let lock = repo + "/refs/heads/articles/story.lock"
        FileManager.default.createFile(atPath: lock, contents: Data("0000000000000000000000000000000000000000\n".utf8))
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-3600)], ofItemAtPath: lock)
        let result = try RedlineProcess.run(["snap", "story", dir.write("b.txt", capture(2)), "--repo", repo])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try versionCount(repo) == 2)
        #expect(!FileManager.default.fileExists(atPath: lock))
    }

    @Test func aLiveLockIsWaitedForThenReported() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = dir.child("track.git")
        _ = try RedlineProcess.run(["init", "--repo", repo])
        _ = try RedlineProcess.run(["snap", "story", dir.write("a.txt", capture(1)), "--repo", repo])
        let lock = repo + "/refs/heads/articles/story.lock"
        FileManager.default.createFile(atPath: lock, contents: Data())
        let before = try fingerprint(repo + "/refs")
        let result = try RedlineProcess.run(["snap", "story", dir.write("b.txt", capture(2)), "--repo", repo],
                                            environment: ["REDLINE_LOCK_TIMEOUT": "1"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("stayed locked by another writer"))
        #expect(result.stderr.contains("story.lock"))
        #expect(try fingerprint(repo + "/refs") == before)
        #expect(try versionCount(repo) == 1)
    }
}
