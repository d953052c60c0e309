import Foundation
import Testing

/// What a repository command costs before it reads anything (issue 17).
@Suite struct StartupTests {
    /// libgit2 (on Debian, built on mbedTLS) parses every system CA certificate when it starts,
    /// for network transports redline never uses; libgit2.c stands in for that loading. The
    /// loader's own trace says which definitions libgit2 was bound to.
    @Test func libgit2LoadsNoCertificates() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = dir.child("track.git")
        _ = try RedlineProcess.run(["init", "--repo", repo])
        _ = try RedlineProcess.run(["snap", "story", dir.write("a.txt", "Title\n\nOne paragraph of text.\n"), "--repo", repo])
        let log = try RedlineProcess.run(["log", "story", "--repo", repo], environment: ["LD_DEBUG": "bindings"])
        #expect(log.status == 0, "\(log.stderr)")
        let bindings = log.stderr.split(separator: "\n").filter { $0.contains("libgit2") && $0.contains("mbedtls_x509_crt_parse_") }
        #expect(bindings.count == 2, "libgit2 binds no certificate loading: \(bindings)")
        #expect(bindings.allSatisfy { $0.contains("/redline [0]") }, "\(bindings)")
    }
}
