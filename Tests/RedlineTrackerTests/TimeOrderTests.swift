import Foundation
import Testing

/// Issue 16, item 5: `replay` is idempotent, captures stay in time order, and a bad file in a
/// replay is reported and skipped.
@Suite struct TimeOrderTests {
    /// A fresh track repository and a folder `story` of captures beside it.
    struct Folder {
        let dir: TemporaryDirectory
        let repo: String
        let captures: String

        init() throws {
            dir = try TemporaryDirectory()
            repo = dir.child("track.git")
            captures = dir.child("story")
            try FileManager.default.createDirectory(atPath: captures, withIntermediateDirectories: true)
            _ = try RedlineProcess.run(["init", "--repo", repo])
        }

        func add(_ name: String, _ bytes: Data) {
            FileManager.default.createFile(atPath: captures + "/" + name, contents: bytes)
        }

        func add(_ name: String, _ text: String) { add(name, Data(text.utf8)) }

        func run(_ arguments: [String]) throws -> RedlineProcess.Result {
            try RedlineProcess.run(arguments + ["--repo", repo])
        }

        /// The capture times of `story`'s versions, oldest first, as `git log` reads them.
        func times(_ repo: String? = nil) throws -> [Int] {
            let log = try RedlineProcess.shell("git --git-dir='\(repo ?? self.repo)' log --format=%ct articles/story")
            return log.stdout.split(separator: "\n").compactMap { Int($0) }.reversed()
        }
    }

    @Test func replayingUntimedCapturesTwiceStoresNothingTheSecondTime() throws {
        let f = try Folder()
        defer { f.dir.remove() }
        f.add("a.txt", capture(1))
        f.add("b.txt", capture(2))
        f.add("c.txt", capture(3))
        f.add("d.txt", capture(1))  // back to the first: a change from c, stored
        let first = try f.run(["replay", f.captures])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try f.times().count == 4)
        let again = try f.run(["replay", f.captures])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout == (1...4).map { "\(["a", "b", "c", "d"][$0 - 1]).txt: story: already stored as version \($0)\n" }.joined(),
                "\(again.stdout)")
        #expect(again.stderr.isEmpty, "\(again.stderr)")
        #expect(try f.times().count == 4)
    }

    @Test func replayingTimedCapturesTwiceKeepsTimeOrder() throws {
        let f = try Folder()
        defer { f.dir.remove() }
        f.add("2025-04-23T0800Z.txt", capture(1))
        f.add("2025-04-23T0900Z.txt", capture(1))  // the same bytes: nothing to store
        f.add("2025-04-23T0930Z.txt", capture(1) + "\n\n")  // other bytes, the same article
        f.add("2025-04-23T1000Z.txt", capture(2))
        let first = try f.run(["replay", f.captures])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try f.times() == [1_745_395_200, 1_745_402_400])
        let again = try f.run(["replay", f.captures])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("2025-04-23T0900Z.txt: story: already stored as version 1"), "\(again.stdout)")
        #expect(again.stdout.contains("2025-04-23T0930Z.txt: story: already stored as version 1"), "\(again.stdout)")
        #expect(again.stdout.contains("2025-04-23T1000Z.txt: story: already stored as version 2"), "\(again.stdout)")
        #expect(again.stderr.isEmpty, "\(again.stderr)")
        #expect(try f.times() == [1_745_395_200, 1_745_402_400])

        // A capture from before the newest that was never stored: skipped, with a line saying so.
        f.add("2025-04-23T0915Z.txt", capture(7))
        let late = try f.run(["replay", f.captures])
        #expect(late.status == 0, "\(late.stderr)")
        #expect(late.stderr == "redline: warning: 2025-04-23T0915Z.txt skipped: captured at 2025-04-23T09:15:00Z, "
            + "before version 2 (2025-04-23T10:00:00Z)\n", "\(late.stderr)")
        #expect(try f.times() == [1_745_395_200, 1_745_402_400])
    }

    /// Two replays of one folder at once end with exactly the versions one replay gives.
    @Test(arguments: [true, false])
    func overlappingReplaysStoreWhatOneReplayStores(timed: Bool) throws {
        let f = try Folder()
        defer { f.dir.remove() }
        for n in 0..<40 {
            let name = timed ? String(format: "2025-04-23T%02d%02dZ.txt", 8 + n / 6, n % 6 * 10) : String(format: "%03d.txt", n)
            f.add(name, capture(n % 7 == 6 ? n - 1 : n))  // every seventh repeats the one before
        }
        let single = f.dir.child("single.git")
        _ = try RedlineProcess.run(["init", "--repo", single])
        _ = try RedlineProcess.run(["replay", f.captures, "--repo", single])
        let expected = try f.times(single).count
        #expect(expected == 35)

        let replays = try (0..<2).map { n in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: RedlineProcess.executable)
            process.arguments = ["replay", f.captures, "--repo", f.repo]
            process.standardInput = FileHandle.nullDevice
            let output = f.dir.write("replay-\(n).out", "")
            process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
            process.standardError = process.standardOutput
            return process
        }
        for process in replays { try process.run() }
        for process in replays { process.waitUntilExit() }
        #expect(replays.map(\.terminationStatus) == [0, 0],
                "\((try? String(contentsOfFile: f.dir.child("replay-0.out"), encoding: .utf8)) ?? "")")
        let times = try f.times()
        #expect(times.count == expected)
        #expect(times == times.sorted(), "history went back in time")
        if timed { #expect(times == (try f.times(single))) }
        let log = try f.run(["log", "story"])
        #expect(log.stdout.split(separator: "\n").map { Int($0.split(separator: " ").first ?? "") } == (1...expected).reversed().map { $0 })
        let fsck = try RedlineProcess.shell("git --git-dir='\(f.repo)' fsck --strict 2>&1")
        #expect(fsck.status == 0, "\(fsck.stdout)")
    }

    @Test func snapOlderThanTheNewestIsRefused() throws {
        let f = try RepositoryFixture()
        defer { f.dir.remove() }
        #expect(try f.run(["snap", "story", f.dir.write("two.txt", capture(2)), "--at", "2025-04-23T10:00Z"]).status == 2)
        let later = try f.run(["snap", "story", f.dir.write("two.txt", capture(2)), "--at", "2099-01-01T10:00Z"])
        #expect(later.stdout == "story: version 2 (+6 -6)\n" || later.stdout.hasPrefix("story: version 2 "), "\(later.stdout)")
        try f.expectRefused(["snap", "story", f.dir.write("three.txt", capture(3)), "--at", "2099-01-01T09:59:59Z"],
                            mentioning: "captured at 2099-01-01T09:59:59Z, before its newest version 2 (2099-01-01T10:00:00Z)")
        try f.expectRefused(["snap", "story", f.dir.write("three.txt", capture(3))], mentioning: "before its newest version 2")
        let sameSecond = try f.run(["snap", "story", f.dir.write("three.txt", capture(3)), "--at", "2099-01-01T10:00Z"])
        #expect(sameSecond.status == 0, "\(sameSecond.stderr)")
        #expect(sameSecond.stdout.hasPrefix("story: version 3 "), "\(sameSecond.stdout)")
        try f.expectValid()
    }

    @Test func replayReportsAnEmptyAndABinaryFileAndStoresTheRest() throws {
        let f = try Folder()
        defer { f.dir.remove() }
        f.add("2025-04-23T0800Z.txt", capture(1))
        f.add("2025-04-23T0900Z.txt", Data())
        f.add("2025-04-23T0930Z.txt", Data([0x50, 0x4B, 0x03, 0x04, 0, 0, 0x14, 0, 0xFF, 0xFE]))
        f.add("2025-04-23T1000Z.txt", capture(2))
        let replay = try f.run(["replay", f.captures])
        #expect(replay.status == 0, "\(replay.stderr)")
        let warnings = replay.stderr.split(separator: "\n")
        #expect(warnings.count == 2, "\(replay.stderr)")
        #expect(warnings.first?.hasPrefix("redline: warning: 2025-04-23T0900Z.txt skipped: ") == true
                    && warnings.first?.contains("is empty") == true, "\(replay.stderr)")
        #expect(warnings.last?.hasPrefix("redline: warning: 2025-04-23T0930Z.txt skipped: ") == true
                    && warnings.last?.contains("binary") == true, "\(replay.stderr)")
        #expect(replay.stdout.contains("2025-04-23T1000Z.txt: story: version 2"), "\(replay.stdout)")
        #expect(try f.times() == [1_745_395_200, 1_745_402_400])
    }

    @Test func replayOfOnlyBadFilesIsAnError() throws {
        let f = try Folder()
        defer { f.dir.remove() }
        f.add("a.txt", Data())
        f.add("b.txt", Data([0, 1, 2]))
        let replay = try f.run(["replay", f.captures])
        #expect(replay.status == 2, "\(replay.stderr)")
        #expect(replay.stderr.hasSuffix("redline: error: none of the 2 files of \(f.captures) could be captured; "
            + "the warnings above say why\n"), "\(replay.stderr)")
    }
}
