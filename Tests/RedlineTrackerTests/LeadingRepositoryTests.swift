import Foundation
import RedlineModel
import Testing

/// `redline --repo PATH COMMAND …`, as `git --git-dir PATH log` is written: `--repo` before the
/// command works for every command that takes it, and is the usual usage error for one that
/// does not.
@Suite struct LeadingRepositoryTests {
    @Test func everyCommandTakesTheRepositoryBeforeItsName() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let server = try PageServer(steps: [.init(body: WatchTests.pageA)])
        defer { server.stop() }
        let repo = dir.child("track.git")
        let captures = dir.child("captures")
        try FileManager.default.createDirectory(atPath: captures, withIntermediateDirectories: true)
        try Data(capture(2).utf8).write(to: URL(fileURLWithPath: captures + "/2025-04-23T0900Z_story.txt"))
        let commands: [[String]] = [
            ["init"],
            ["snap", "story", dir.write("one.txt", capture(1)), "--at", "2025-04-23T08:00:00Z"],
            ["replay", captures, "--slug", "story"],
            ["fetch", "talks", server.url],
            ["watch", "talks", server.url, "--count", "1"],
            ["log", "story"], ["diff", "story"], ["show", "story", "1"], ["events", "story"], ["blame", "story"],
            ["articles"], ["report", "story", "-o", "-"], ["feed", "story", "-o", "-"], ["gc"],
        ]
        // Were --repo not read, $REDLINE_REPO would name a repository that does not exist.
        let elsewhere = ["REDLINE_REPO": dir.child("elsewhere.git")]
        for arguments in commands {
            let result = try RedlineProcess.run(["--repo", repo] + arguments, environment: elsewhere)
            #expect(result.status == 0, "redline --repo PATH \(arguments.joined(separator: " ")): \(result.stderr)")
        }
        let before = try RedlineProcess.run(["--repo=\(repo)", "log", "story"], environment: elsewhere)
        let after = try RedlineProcess.run(["log", "story", "--repo", repo])
        #expect(before.status == 0 && before.stdout == after.stdout && after.stdout.hasPrefix("2  2025-04-23T09:00:00Z"), "\(before.stdout)")
        let articles = try RedlineProcess.run(["articles", "--repo", repo]).stdout
        #expect(articles.contains("story") && articles.contains("talks"), "\(articles)")
    }

    /// Moved right after the command's name: a `--` that ends the options still comes after it.
    @Test func theRepositoryStaysBeforeTheEndOfOptions() throws {
        let fixture = try RepositoryFixture()
        defer { fixture.dir.remove() }
        fixture.dir.write("-dashed.txt", capture(2))
        let result = try RedlineProcess.run(["--repo", fixture.repo, "snap", "story", "--", "-dashed.txt"], workingDirectory: fixture.dir.path)
        #expect(result.status == 0 && result.stdout.hasPrefix("story: version 2"), "\(result.stdout)\(result.stderr)")
    }

    @Test func helpVersionAndUsageErrorsStillBehave() throws {
        let fixture = try RepositoryFixture()
        defer { fixture.dir.remove() }
        let repo = fixture.repo
        let overview = try RedlineProcess.run(["--repo", repo, "--help"])
        #expect(overview.status == 0 && overview.stdout.hasPrefix("OVERVIEW: Track how live blogs"), "\(overview.stdout)\(overview.stderr)")
        let version = try RedlineProcess.run(["--repo", repo, "--version"])
        #expect(version.status == 0 && version.stdout == RedlineVersion.current + "\n", "\(version.stdout)\(version.stderr)")
        for help in [["log", "--help"], ["help", "log"]] {
            let result = try RedlineProcess.run(["--repo", repo] + help)
            #expect(result.status == 0 && result.stdout.contains("USAGE: redline log"), "\(help): \(result.stdout)\(result.stderr)")
        }
        // extract reads no repository: --repo before it is an unknown option of extract, as after it.
        let extract = try RedlineProcess.run(["--repo", repo, "extract", fixture.dir.write("page.txt", capture(3))])
        #expect(extract.status == 64 && extract.stderr.contains("Unknown option '--repo'")
                && extract.stderr.contains("Usage: redline extract"), "\(extract.stderr)")
        // A misspelt command is named as one, not blamed on --repo.
        let misspelt = try RedlineProcess.run(["--repo", repo, "lgo", "story"])
        #expect(misspelt.status == 64 && misspelt.stderr.contains("'lgo'") && !misspelt.stderr.contains("--repo"), "\(misspelt.stderr)")
        // --repo with nothing after it, or no path, says so (it was "Unknown option '--repo'").
        let alone = try RedlineProcess.run(["--repo", repo])
        #expect(alone.status == 64 && alone.stderr.hasPrefix("Error: --repo needs a command after it"), "\(alone.stderr)")
        let bare = try RedlineProcess.run(["--repo"])
        #expect(bare.status == 64 && bare.stderr.hasPrefix("Error: Missing value for '--repo <path>'"), "\(bare.stderr)")
    }
}
