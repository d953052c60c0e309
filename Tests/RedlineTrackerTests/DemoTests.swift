import Foundation
import Testing

@Suite struct DemoTests {
    @Test func replayingSnapshotsStoresOneCommitPerCapture() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = dir.child("track.git")
        #expect(try RedlineProcess.run(["init", "--repo", repo]).status == 0)
        let snapshots = RedlineProcess.packageRoot + "/Snapshots/ukraine-peace-talks"
        let replay = try RedlineProcess.run(["replay", snapshots, "--repo", repo])
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout.contains("ukraine-peace-talks: version 2"))

        let gitLog = try RedlineProcess.shell("git --git-dir='\(repo)' log --format='%H %ct%n%B' articles/ukraine-peace-talks")
        #expect(gitLog.status == 0)
        #expect(gitLog.stdout.components(separatedBy: "Redline-Version:").count == 3)
        #expect(gitLog.stdout.contains("Redline-Captured-At: 2025-04-23T20:00:00Z"))
        #expect(gitLog.stdout.contains("Redline-Captured-At: 2025-04-23T08:00:00Z"))
        #expect(gitLog.stdout.contains("Redline-URL: none"))
        #expect(gitLog.stdout.contains(" 1745438400\n"), "commit time is the capture time")

        let files = try RedlineProcess.shell("git --git-dir='\(repo)' ls-tree --name-only articles/ukraine-peace-talks")
        #expect(files.stdout == ".gitattributes\narticle.md\norigins.txt\nredline.json\nsource.txt\n")
        let source = try RedlineProcess.shell("git --git-dir='\(repo)' show articles/ukraine-peace-talks:source.txt")
        #expect(source.stdout == (try String(contentsOfFile: snapshots + "/2025-04-23T2000Z_nypost.txt", encoding: .utf8)))

        let fsck = try RedlineProcess.shell("git --git-dir='\(repo)' fsck --strict")
        #expect(fsck.status == 0, "\(fsck.stderr)")

        let log = try RedlineProcess.run(["log", "ukraine-peace-talks", "--repo", repo])
        let lines = log.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("2  2025-04-23T20:00:00Z") == true)
        #expect(lines.last?.hasPrefix("1  2025-04-23T08:00:00Z") == true)

        let articles = try RedlineProcess.run(["articles", "--repo", repo])
        #expect(articles.stdout.hasPrefix("ukraine-peace-talks  2 versions  last 2025-04-23T20:00:00Z"))

        let again = try RedlineProcess.run(["replay", snapshots, "--repo", repo])
        #expect(again.status == 0)
        #expect(again.stdout.contains("already stored as version 1"))
        #expect(again.stdout.contains("already stored as version 2"))
        #expect(try RedlineProcess.run(["log", "ukraine-peace-talks", "--repo", repo]).stdout.split(separator: "\n").count == 2)
    }

    @Test func snappingTheSameCaptureAgainStoresNothing() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = dir.child("track.git")
        _ = try RedlineProcess.run(["init", "--repo", repo])
        let file = dir.write("a.txt", capture(1))
        let first = try RedlineProcess.run(["snap", "story", file, "--repo", repo])
        #expect(first.stdout.hasPrefix("story: version 1 (first version"))
        let again = try RedlineProcess.run(["snap", "story", file, "--repo", repo])
        #expect(again.status == 0)
        #expect(again.stdout == "story: unchanged since version 1\n")
        let whitespaceOnly = dir.write("b.txt", capture(1).replacingOccurrences(of: " ", with: "  ") + "\n\n")
        #expect(try RedlineProcess.run(["snap", "story", whitespaceOnly, "--repo", repo]).stdout == "story: unchanged since version 1\n")
        let count = try RedlineProcess.shell("git --git-dir='\(repo)' rev-list --count articles/story")
        #expect(count.stdout == "1\n")
        // A one-block first capture's subject counts it in the singular.
        let one = dir.write("one.txt", "Talks resumed in Geneva on Monday morning after a week.\n")
        #expect(try RedlineProcess.run(["snap", "single", one, "--repo", repo]).status == 0)
        let subject = try RedlineProcess.shell("git --git-dir='\(repo)' log -1 --format=%s articles/single")
        #expect(subject.stdout == "single: version 1: first capture, 1 block\n", "\(subject.stdout)")
    }

    @Test func snapReadsStandardInputAndRecordsURLAndTime() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = dir.child("track.git")
        _ = try RedlineProcess.run(["init", "--repo", repo])
        let result = try RedlineProcess.run(["snap", "story", "-", "--url", "https://example.com/live", "--at", "2025-04-23T10:00Z", "--repo", repo],
                                            stdin: Data(capture(1).utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let log = try RedlineProcess.shell("git --git-dir='\(repo)' log -1 --format=%B articles/story")
        #expect(log.stdout.contains("Redline-URL: https://example.com/live\nRedline-Captured-At: 2025-04-23T10:00:00Z\nRedline-Version: 1"))
        let fromEnvironment = try RedlineProcess.run(["log", "story"], environment: ["REDLINE_REPO": repo])
        #expect(fromEnvironment.stdout.hasPrefix("1  2025-04-23T10:00:00Z"))
    }

    @Test func diffAndShowReadStoredVersions() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = dir.child("track.git")
        _ = try RedlineProcess.run(["init", "--repo", repo])
        for n in 1...3 {
            _ = try RedlineProcess.run(["snap", "story", dir.write("\(n).txt", capture(n)), "--at", "2025-04-23T1\(n):00Z", "--repo", repo])
        }
        let json = try RedlineProcess.run(["diff", "story", "1", "-1", "--format", "json", "--repo", repo])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["schemaVersion"] as? Int == 1)
        #expect((object?["from"] as? [String: Any])?["version"] as? Int == 1)
        #expect((object?["to"] as? [String: Any])?["version"] as? Int == 2)

        let byTime = try RedlineProcess.run(["diff", "story", "2025-04-23T11:30Z", "--format", "json", "--repo", repo])
        let timeObject = try JSONSerialization.jsonObject(with: Data(byTime.stdout.utf8)) as? [String: Any]
        #expect((timeObject?["from"] as? [String: Any])?["version"] as? Int == 1)
        #expect((timeObject?["to"] as? [String: Any])?["version"] as? Int == 3)

        // The whole id: a prefix of ten may be all digits (it was, once commit subjects named the
        // article), and then it reads as a version number.
        let commit = try RedlineProcess.shell("git --git-dir='\(repo)' rev-parse articles/story~1").stdout.prefix(40)
        let show = try RedlineProcess.run(["show", "story", String(commit), "--raw", "--repo", repo])
        #expect(show.stdout == capture(2))

        #expect(try RedlineProcess.run(["diff", "story", "--exit-code", "--repo", repo]).status == 1)
        #expect(try RedlineProcess.run(["diff", "story", "3", "3", "--exit-code", "--repo", repo]).status == 0)

        let files = try RedlineProcess.run(["diff", "--files", dir.child("1.txt"), dir.child("2.txt"), "--format", "json"])
        #expect(files.status == 0)
        #expect(files.stdout.contains("\"path\": \"\(dir.child("1.txt"))\""))
    }
}
