import Foundation
import Testing

/// `fetch` of a windows-1252 page whose server declares no charset, or one not known here, reads
/// it as windows-1252, and a version extracted again from its source reads the same.
@Suite struct UndeclaredCharsetFetchTests {
    static let page = "<html><head><title>Paris</title></head><body><article><h1>Café réouvert à Paris</h1>"
        + "<p>Le “menu du jour” coûte 12 € – service compris, disent les serveurs ce matin.</p></article></body></html>"

    @Test(arguments: ["text/html", "text/html; charset=klingon"])
    func aPageWithoutAKnownCharsetIsReadAsWindows1252(_ type: String) throws {
        let server = try PageServer(steps: [.init(body: Self.page, type: type, encoding: "cp1252")])
        defer { server.stop() }
        let (dir, repo) = try newRepository()
        defer { dir.remove() }
        let fetched = try RedlineProcess.run(["fetch", "paris", server.url, "--repo", repo])
        #expect(fetched.status == 0, "\(fetched.stderr)")
        #expect(fetched.stderr.contains("read as windows-1252"), "\(fetched.stderr)")
        #expect(!fetched.stderr.contains("U+FFFD"), "\(fetched.stderr)")
        let expected = ["# Café réouvert à Paris", "Le “menu du jour” coûte 12 € – service compris"]
        let shown = try RedlineProcess.run(["show", "paris", "--repo", repo]).stdout
        #expect(expected.allSatisfy(shown.contains), "\(shown)")

        // What the server declared is kept as it was; the version's article, dropped, is extracted
        // again from its source and reads the same.
        let message = try RedlineProcess.shell("git --git-dir='\(repo)' log -1 --format=%B articles/paris").stdout
        #expect(message.contains("Redline-Charset: klingon\n") == type.hasSuffix("klingon"), "\(message)")
        let rewrite = """
            export GIT_DIR='\(repo)' GIT_INDEX_FILE='\(dir.child("index"))'
            git read-tree articles/paris && git rm -q --cached article.md && tree=$(git write-tree) &&
            commit=$(git log -1 --format=%B articles/paris | git commit-tree "$tree") && git update-ref refs/heads/articles/paris "$commit"
            """
        #expect(try RedlineProcess.shell(rewrite).status == 0)
        let again = try RedlineProcess.run(["show", "paris", "--repo", repo]).stdout
        #expect(again == shown, "\(again)")
    }
}
