import Foundation
import Testing

/// Many `redline snap` processes at once: every capture kept, versions numbered without gaps.
@Suite struct ConcurrencyTests {
    static let writers = 8
    /// 25 in the normal suite; `REDLINE_CAPTURES_PER_WRITER=100` runs the hardening issue's 8 × 100.
    static let capturesPerWriter = ProcessInfo.processInfo.environment["REDLINE_CAPTURES_PER_WRITER"].flatMap { Int($0) } ?? 25

    /// Writes the captures, starts every writer at once (each a shell running its `redline snap`s
    /// one after the other) and waits for all of them.
    func runWriters(_ dir: TemporaryDirectory, repo: String, slugFor: (Int) -> String) throws {
        var writers: [Process] = []
        for writer in 0..<Self.writers {
            var files: [String] = []
            for i in 0..<Self.capturesPerWriter {
                files.append(dir.write("w\(writer)-\(i).txt", capture(writer * 1000 + i)))
            }
            let snaps = files.map { "'\(RedlineProcess.executable)' snap \(slugFor(writer)) '\($0)' --repo '\(repo)' || echo FAILED" }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "{ " + snaps.joined(separator: "; ") + "; } > '\(dir.child("out-\(writer)"))' 2>&1"]
            process.standardInput = FileHandle.nullDevice
            writers.append(process)
        }
        for process in writers { try process.run() }
        for process in writers { process.waitUntilExit() }
    }

    func versionNumbers(_ repo: String, _ slug: String) throws -> [Int] {
        let log = try RedlineProcess.shell("git --git-dir='\(repo)' log --format=%B articles/\(slug) | grep '^Redline-Version:'")
        return log.stdout.split(separator: "\n").compactMap { Int($0.split(separator: " ").last ?? "") }
    }

    @Test func eightWritersOnOneArticleLoseNothing() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = dir.child("track.git")
        _ = try RedlineProcess.run(["init", "--repo", repo])
        try runWriters(dir, repo: repo) { _ in "shared" }
        let outputs = try (0..<Self.writers).map { try String(contentsOfFile: dir.child("out-\($0)"), encoding: .utf8) }.joined()
        #expect(!outputs.contains("FAILED"), "\(outputs)")

        let total = Self.writers * Self.capturesPerWriter
        #expect(try versionNumbers(repo, "shared") == Array((1...total).reversed()))
        let count = try RedlineProcess.shell("git --git-dir='\(repo)' rev-list --count articles/shared")
        #expect(count.stdout == "\(total)\n")
        let log = try RedlineProcess.run(["log", "shared", "--repo", repo])
        #expect(log.stdout.split(separator: "\n").count == total)
        let fsck = try RedlineProcess.shell("git --git-dir='\(repo)' fsck --strict")
        #expect(fsck.status == 0, "\(fsck.stderr)")
    }

    @Test func eightWritersOnEightArticlesLoseNothing() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = dir.child("track.git")
        _ = try RedlineProcess.run(["init", "--repo", repo])
        try runWriters(dir, repo: repo) { "article-\($0)" }
        for writer in 0..<Self.writers {
            #expect(try versionNumbers(repo, "article-\(writer)") == Array((1...Self.capturesPerWriter).reversed()))
        }
        let articles = try RedlineProcess.run(["articles", "--repo", repo])
        #expect(articles.stdout.split(separator: "\n").count == Self.writers)
        let fsck = try RedlineProcess.shell("git --git-dir='\(repo)' fsck --strict")
        #expect(fsck.status == 0, "\(fsck.stderr)")
    }
}
