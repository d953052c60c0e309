import Foundation
import Testing

/// The track repository as people browse it with git: `git log -p` shows the article's text
/// changes, not the captured page or redline's index, and each commit's subject names its article.
@Suite struct GitBrowsingTests {
    @Test func logPatchShowsTheArticlesTextAndSubjectsNameTheArticle() throws {
        let (dir, repo) = try newRepository()
        defer { dir.remove() }
        #expect(FileManager.default.contents(atPath: repo + "/info/attributes").map { String(decoding: $0, as: UTF8.self) }?
            .contains("source.html -diff linguist-generated") == true)
        // A repository made before redline wrote them gets them at its next capture, once.
        try FileManager.default.removeItem(atPath: repo + "/info/attributes")
        let paragraphs = ["The council met on Tuesday evening to discuss the new harbour plan and its cost.",
                          "Residents queued outside the hall for an hour before the doors opened that night."]
        for (index, count) in [1, 2].enumerated() {
            let file = dir.write("v\(index).txt", "Harbour plan\n\n" + paragraphs.prefix(count).joined(separator: "\n\n") + "\n")
            let snap = try RedlineProcess.run(["snap", "cork-live", file, "--repo", repo])
            #expect(snap.status == 0, "\(snap.stderr)")
        }
        let attributes = try String(contentsOfFile: repo + "/info/attributes", encoding: .utf8)
        #expect(attributes.components(separatedBy: "# redline:").count == 2)

        let patch = try RedlineProcess.shell("git --git-dir='\(repo)' log -p -1 articles/cork-live")
        #expect(patch.status == 0, "\(patch.stderr)")
        #expect(patch.stdout.contains("    cork-live: version 2: +1 -0 ~0 >0"), "\(patch.stdout)")
        #expect(patch.stdout.contains("+Residents queued outside the hall"))
        #expect(patch.stdout.contains("Binary files a/source.txt and b/source.txt differ"))
        #expect(!patch.stdout.contains("+++ b/source.txt") && !patch.stdout.contains("+++ b/origins.txt"))
        let tree = try RedlineProcess.shell("git --git-dir='\(repo)' show articles/cork-live:.gitattributes")
        #expect(tree.stdout == attributes)

        // `log` reads as it did.
        let log = try RedlineProcess.run(["log", "cork-live", "--repo", repo])
        #expect(log.stdout.hasPrefix("2  ") && log.stdout.contains("+1 -0 ~0 >0\n1  ") && log.stdout.hasSuffix("first version\n"))
    }
}
