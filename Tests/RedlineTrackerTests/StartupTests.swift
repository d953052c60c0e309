import Foundation
import Testing

/// What a repository command costs before it reads anything (issue 17).
@Suite struct StartupTests {
    /// A track repository holding one version of the article `story`, in a folder of its own.
    static func storeOfOneVersion() throws -> (TemporaryDirectory, String) {
        let dir = try TemporaryDirectory()
        let repo = dir.child("track.git")
        _ = try RedlineProcess.run(["init", "--repo", repo])
        _ = try RedlineProcess.run(["snap", "story", dir.write("a.txt", "Title\n\nOne paragraph of text.\n"), "--repo", repo])
        return (dir, repo)
    }

    /// libgit2 (on Debian, built on mbedTLS) parses every system CA certificate when it starts,
    /// for network transports redline never uses; libgit2.c stands in for that loading. The
    /// loader's own trace says which definitions libgit2 was bound to.
    @Test func libgit2LoadsNoCertificates() throws {
        let (dir, repo) = try Self.storeOfOneVersion()
        defer { dir.remove() }
        let articles = try RedlineProcess.run(["articles", "--repo", repo], environment: ["LD_DEBUG": "bindings"])
        #expect(articles.status == 0, "\(articles.stderr)")
        let bindings = articles.stderr.split(separator: "\n").filter { $0.contains("libgit2") && $0.contains("mbedtls_x509_crt_parse_") }
        #expect(bindings.count == 2, "libgit2 binds no certificate loading: \(bindings)")
        #expect(bindings.allSatisfy { $0.contains("/redline [0]") }, "\(bindings)")
    }

    /// `log` reads the branch and its commits from the repository's files (`GitFiles`): it loads
    /// neither libgit2 nor OpenSSL, only zlib.
    @Test func logLoadsNoLibgit2() throws {
        let (dir, repo) = try Self.storeOfOneVersion()
        defer { dir.remove() }
        let log = try RedlineProcess.run(["log", "story", "--repo", repo], environment: ["LD_DEBUG": "files"])
        #expect(log.status == 0 && log.stdout.contains("first version"), "\(log.stderr)")
        let loaded = log.stderr.split(separator: "\n").filter { $0.contains("file=") }
        #expect(!loaded.contains { $0.contains("libgit2") || $0.contains("libcrypto") }, "\(loaded)")
        #expect(loaded.contains { $0.contains("libz.so") }, "\(loaded)")
    }

    /// A capture of an article whose versions redline packed reads the branch, its commit and
    /// tree, and the pack itself, and moves the branch itself: libgit2 and its fifteen libraries
    /// are not loaded (some 3 ms of a capture).
    @Test func aCaptureLoadsNoLibgit2() throws {
        let (dir, repo) = try Self.storeOfOneVersion()
        defer { dir.remove() }
        // A home of its own: a user's git configuration that logs reference updates (or includes
        // another file) rightly hands the branch's move to libgit2.
        let snap = try RedlineProcess.run(["snap", "story", dir.write("b.txt", "Title\n\nOne paragraph of text.\n\nAnother.\n"), "--repo", repo],
                                          environment: ["LD_DEBUG": "files", "HOME": dir.path, "XDG_CONFIG_HOME": dir.path])
        #expect(snap.status == 0 && snap.stdout.contains("version 2"), "\(snap.stdout) \(snap.stderr)")
        let loaded = snap.stderr.split(separator: "\n").filter { $0.contains("file=") }
        let system = (try? String(contentsOfFile: "/etc/gitconfig", encoding: .utf8))?.lowercased() ?? ""
        if !system.contains("logallrefupdates") && !system.contains("[include") {
            #expect(!loaded.contains { $0.contains("libgit2") }, "\(loaded)")
        }
        let log = try RedlineProcess.run(["log", "story", "--repo", repo])
        #expect(log.stdout.hasPrefix("2 ") && log.stdout.contains("+1 -0") && log.stdout.contains("first version"), "\(log.stdout)")
    }
}
