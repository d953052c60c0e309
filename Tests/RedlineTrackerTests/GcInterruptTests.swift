import Foundation
import Testing

/// Ctrl-C during `redline gc` stops it at once with one line and exit code 2, as it stops
/// `fetch`, and leaves the repository as it was: whether it comes while libgit2 searches for
/// deltas (nothing of the new pack on disk yet) or while it writes the pack (whose temporary
/// file is removed). Each test packs a repository that takes libgit2 a second or so (600
/// versions of a 300 KB page beside the article's own) and sends SIGINT once `/proc` shows the
/// process in the stage the test is about.
@Suite struct GcInterruptTests {
    @Test func ctrlCWhileSearchingForDeltasStopsAtOnce() throws {
        let repository = try BulkRepository()
        defer { repository.dir.remove() }
        let packs = try repository.packFiles()
        // The packer's lock is taken before the objects are listed; the search comes after.
        let stopped = try repository.interruptGc { open in open.contains { $0.hasSuffix("/redline/locks/gc.lock") } }
        #expect(stopped.status == 2, "an exit with one line, not a death by SIGINT: \(stopped.stderr)")
        #expect(stopped.seconds < 2, "went on for \(stopped.seconds) s after Ctrl-C")
        try repository.expectUnchanged(stopped, packs: packs)
    }

    @Test func ctrlCWhileWritingThePackRemovesWhatWasWritten() throws {
        let repository = try BulkRepository()
        defer { repository.dir.remove() }
        let packs = try repository.packFiles()
        // libgit2 writes the pack to objects/pack/pack_git2_XXXXXX before renaming it.
        let stopped = try repository.interruptGc { open in open.contains { $0.contains("/objects/pack/pack_git2_") } }
        #expect(stopped.status == 2, "an exit with one line, not a death by SIGINT: \(stopped.stderr)")
        try repository.expectUnchanged(stopped, packs: packs)
        let again = try RedlineProcess.run(["gc", "--repo", repository.repo])
        #expect(again.status == 0 && again.stdout.hasPrefix("packed "), "\(again.stdout)\(again.stderr)")
    }
}

/// A track repository with three versions of `story`, and 600 versions of a 300 KB page on
/// `refs/bulk/page` for `gc` to pack.
private struct BulkRepository {
    let dir: TemporaryDirectory
    let repo: String

    init() throws {
        let fixture = try RepositoryFixture()   // version 1
        dir = fixture.dir
        repo = fixture.repo
        for n in 2...3 {
            let snap = try RedlineProcess.run(["snap", "story", dir.write("capture-\(n).txt", capture(n)), "--repo", repo])
            #expect(snap.status == 0, "\(snap.stderr)")
        }
        let script = RedlineProcess.packageRoot + "/Tests/RedlineTrackerTests/Fixtures/bulk_history.py"
        let bulk = try RedlineProcess.shell("python3 '\(script)' 600 300000 | git --git-dir='\(repo)' fast-import --quiet")
        #expect(bulk.status == 0, "\(bulk.stderr)")
    }

    /// The names in `objects/pack`.
    func packFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: repo + "/objects/pack").sorted()
    }

    /// Starts `redline gc`, sends it SIGINT as soon as the files it has open (from
    /// `/proc/PID/fd`) satisfy `ready`, and returns how it ended and how long it took to after
    /// the signal.
    func interruptGc(when ready: ([String]) -> Bool) throws -> (status: Int32?, stdout: String, stderr: String, seconds: Double) {
        let out = dir.child("gc.out"), err = dir.child("gc.err")
        for file in [out, err] { FileManager.default.createFile(atPath: file, contents: nil) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: RedlineProcess.executable)
        process.arguments = ["gc", "--repo", repo]
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        try process.run()
        let fds = "/proc/\(process.processIdentifier)/fd"
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning, Date() < deadline {
            let open = ((try? FileManager.default.contentsOfDirectory(atPath: fds)) ?? [])
                .compactMap { try? FileManager.default.destinationOfSymbolicLink(atPath: fds + "/" + $0) }
            if ready(open) { break }
            usleep(1_000)
        }
        #expect(process.isRunning, "gc ended before it could be interrupted")
        let sent = Date()
        process.interrupt()
        process.waitUntilExit()
        let seconds = Date().timeIntervalSince(sent)
        return (process.terminationReason == .exit ? process.terminationStatus : nil,
                try String(contentsOfFile: out, encoding: .utf8), try String(contentsOfFile: err, encoding: .utf8), seconds)
    }

    /// One line saying gc stopped, nothing written or removed in `objects/pack` (`packs` as it
    /// was), `git fsck` clean, and every version of `story` readable.
    func expectUnchanged(_ stopped: (status: Int32?, stdout: String, stderr: String, seconds: Double), packs: [String],
                         sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(stopped.stderr == "redline: error: stopped while packing; nothing was packed; run 'redline gc' again to pack the repository\n",
                "\(stopped.stderr)", sourceLocation: sourceLocation)
        #expect(stopped.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(try packFiles() == packs, "objects/pack changed", sourceLocation: sourceLocation)
        let fsck = try RedlineProcess.shell("git --git-dir='\(repo)' fsck --strict 2>&1")
        #expect(fsck.status == 0, "\(fsck.stdout)", sourceLocation: sourceLocation)
        for version in 1...3 {
            let show = try RedlineProcess.run(["show", "story", "\(version)", "--format", "text", "--repo", repo])
            #expect(show.status == 0 && show.stdout.contains("capture \(version)"), "\(show.stderr)", sourceLocation: sourceLocation)
        }
    }
}
