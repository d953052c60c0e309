import Foundation
import Testing

/// `log`, `events` and `blame` read what each capture recorded.
@Suite struct HistoryTests {
    @Test func blameFollowsBlocksAcrossVersions() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = dir.child("track.git")
        _ = try RedlineProcess.run(["init", "--repo", repo])
        let first = "Alpha paragraph one here with enough letters.\n\nBeta paragraph two, long enough to be moved.\n"
        let second = "A new paragraph arrives first in the blog.\n\n" + first
        let third = "The newest paragraph now stands above all.\n\n" + second
        for (n, text) in [first, second, third].enumerated() {
            let result = try RedlineProcess.run(["snap", "story", dir.write("\(n).txt", text), "--repo", repo])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let blame = try RedlineProcess.run(["blame", "story", "--format", "json", "--repo", repo])
        #expect(blame.status == 0, "\(blame.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(blame.stdout.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 3)
        let blocks = try #require(object["blocks"] as? [[String: Any]])
        let firsts = blocks.map { $0["firstVersion"] as? Int }
        #expect(firsts == [3, 2, 1, 1])
        #expect(blocks.map { $0["lastChangedVersion"] as? Int } == [3, 2, 1, 1])

        let older = try RedlineProcess.run(["blame", "story", "2", "--repo", repo])
        #expect(older.stdout.split(separator: "\n").count == 3)
        #expect(older.stdout.hasPrefix("v2  v2  [0] A new paragraph"))

        let log = try RedlineProcess.run(["log", "story", "--repo", repo])
        #expect(log.stdout.split(separator: "\n").first?.hasSuffix("+1 -0 ~0 >0") == true)
    }

    @Test func logEditsListsOnlyChangesToWhatWasPublished() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = dir.child("track.git")
        _ = try RedlineProcess.run(["init", "--repo", repo])
        let body = "The council met on Monday to debate the budget.\n\nNothing else happened at the meeting today.\n"
        let versions = [
            "Council live: the budget vote\n\n" + body,
            "Council live: the budget vote\n\nA vote is now due on Friday, the clerk said.\n\n" + body,   // new text only
            "Council live: budget passed\n\nA vote is now due on Friday, the clerk said.\n\n"
                + body.replacingOccurrences(of: "Monday", with: "Tuesday"),
        ]
        for (n, text) in versions.enumerated() {
            let result = try RedlineProcess.run(["snap", "story", dir.write("\(n).txt", text), "--repo", repo])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let log = try RedlineProcess.run(["log", "story", "--repo", repo])
        #expect(log.stdout.split(separator: "\n").first?.hasSuffix("+0 -0 ~1 >0, headline changed") == true, "\(log.stdout)")

        let edits = try RedlineProcess.run(["log", "story", "--edits", "--repo", repo])
        #expect(edits.status == 0, "\(edits.stderr)")
        #expect(edits.stdout.contains("version 2 → version 3"))
        #expect(!edits.stdout.contains("version 1 → version 2"))
        #expect(edits.stdout.contains("Headline\n  ~ Council live: [-the-] budget [-vote-]{+passed+}"), "\(edits.stdout)")
        #expect(edits.stdout.contains("~ The council met on [-Monday-]{+Tuesday+}"))
        #expect(!edits.stdout.contains("A vote is now due"))

        let json = try RedlineProcess.run(["log", "story", "--edits", "--format", "json", "--repo", repo])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let diffs = try #require(object["edits"] as? [[String: Any]])
        #expect(diffs.count == 1)
        #expect((diffs.first?["fields"] as? [[String: Any]])?.first?["field"] as? String == "title")

        let blame = try RedlineProcess.run(["blame", "story", "--repo", repo])
        #expect(blame.stdout.hasPrefix("v1  v3  [headline] Council live: budget passed\n"), "\(blame.stdout)")
        let blameJSON = try RedlineProcess.run(["blame", "story", "2", "--format", "json", "--repo", repo])
        let blamed = try #require(try JSONSerialization.jsonObject(with: Data(blameJSON.stdout.utf8)) as? [String: Any])
        #expect((blamed["fields"] as? [[String: Any]])?.first?["lastChangedVersion"] as? Int == 1)
        let versionsJSON = try RedlineProcess.run(["log", "story", "--format", "json", "--repo", repo])
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(versionsJSON.stdout.utf8)) as? [String: Any])
        #expect((listed["versions"] as? [[String: Any]])?.map { $0["version"] as? Int } == [3, 2, 1])
    }

    @Test func eventsOfAnArticleWithoutKeyEvents() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = dir.child("track.git")
        _ = try RedlineProcess.run(["init", "--repo", repo])
        _ = try RedlineProcess.run(["snap", "story", dir.write("a.txt", capture(1)), "--repo", repo])
        let events = try RedlineProcess.run(["events", "story", "--repo", repo])
        #expect(events.status == 0)
        #expect(events.stdout == "No key events in any version.\n")
        let empty = dir.child("empty.git")
        _ = try RedlineProcess.run(["init", "--repo", empty])
        #expect(try RedlineProcess.run(["articles", "--repo", empty]).stdout == "No articles in this track repository yet.\n")
        let json = try RedlineProcess.run(["events", "story", "--format", "json", "--repo", repo])
        #expect(json.stdout.contains("\"events\": []"))
    }
}

/// A capture with under a quarter of the previous version's text (a paywall, an error page) is
/// refused unless forced.
@Suite struct NearEmptyGuardTests {
    @Test func snapRefusesANearlyEmptyCaptureUnlessForced() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = dir.child("track.git")
        _ = try RedlineProcess.run(["init", "--repo", repo])
        _ = try RedlineProcess.run(["snap", "story", dir.write("full.txt", capture(1, paragraphs: 12)), "--repo", repo])
        let paywall = dir.write("paywall.txt", "Subscribe to keep reading.\n")
        let before = try fingerprint(repo)
        let refused = try RedlineProcess.run(["snap", "story", paywall, "--repo", repo])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("under a quarter of version 1"))
        #expect(refused.stderr.contains("--force"))
        #expect(try fingerprint(repo) == before)
        let forced = try RedlineProcess.run(["snap", "story", paywall, "--force", "--repo", repo])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stdout.hasPrefix("story: version 2"))
    }

    @Test func replaySkipsANearlyEmptyCaptureAndGoesOn() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = dir.child("track.git")
        let captures = dir.child("story")
        try FileManager.default.createDirectory(atPath: captures, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: captures + "/2025-04-23T0800Z.txt", contents: Data(capture(1, paragraphs: 12).utf8))
        FileManager.default.createFile(atPath: captures + "/2025-04-23T0900Z.txt", contents: Data("Subscribe to keep reading.\n".utf8))
        FileManager.default.createFile(atPath: captures + "/2025-04-23T1000Z.txt", contents: Data(capture(2, paragraphs: 12).utf8))
        _ = try RedlineProcess.run(["init", "--repo", repo])
        let replay = try RedlineProcess.run(["replay", captures, "--repo", repo])
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stderr.contains("2025-04-23T0900Z.txt skipped"))
        #expect(try RedlineProcess.run(["log", "story", "--repo", repo]).stdout.split(separator: "\n").count == 2)
    }
}

extension HistoryTests {
    /// Piped, `log --edits` is plain text: a long edited line is one line, its marker once.
    @Test func logEditsIsNotWrappedWhenPiped() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = dir.child("track.git")
        _ = try RedlineProcess.run(["init", "--repo", repo])
        let long = "The council met on Monday to debate the budget, and members argued for hours about the library, the roads and the parks."
        for (n, text) in ["Council live\n\n" + long + "\n", "Council live\n\n" + long.replacingOccurrences(of: "Monday", with: "Tuesday") + "\n"].enumerated() {
            _ = try RedlineProcess.run(["snap", "story", dir.write("\(n).txt", text), "--repo", repo])
        }
        let edits = try RedlineProcess.run(["log", "story", "--edits", "--repo", repo])
        #expect(edits.status == 0, "\(edits.stderr)")
        #expect(edits.stdout.contains("~ The council met on [-Monday-]{+Tuesday+} to debate the budget, and members argued for hours about the library, the roads and the parks."),
                "\(edits.stdout)")
    }
}
