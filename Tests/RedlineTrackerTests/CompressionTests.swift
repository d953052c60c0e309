import Foundation
import Testing

/// A capture's objects are compressed by libdeflate where it is installed, by zlib where not
/// (`REDLINE_NO_LIBDEFLATE` makes it zlib): either way git reads every version back whole, and
/// each reads what the other wrote.
@Suite struct CompressionTests {
    @Test func libdeflateAndZlibWriteTheSameHistory() throws {
        let f = try RepositoryFixture()   // version 1
        defer { f.dir.remove() }
        var pages = [1: capture(1)]
        for n in 2...7 {
            let page = capture(n) + String(repeating: "A paragraph long enough to be worth compressing, version \(n).\n\n", count: 400)
            pages[n] = page
            let environment = n % 2 == 0 ? ["REDLINE_NO_LIBDEFLATE": "1"] : [:]
            let result = try f.run(["snap", "story", f.dir.write("\(n).txt", page)], environment: environment)
            #expect(result.status == 0, "\(result.stderr)")
        }
        let fsck = try RedlineProcess.shell("git --git-dir='\(f.repo)' fsck --strict --no-dangling 2>&1")
        #expect(fsck.status == 0, "\(fsck.stdout)")
        for (n, page) in pages {
            for environment in [["REDLINE_NO_LIBDEFLATE": "1"], [:]] {
                let shown = try f.run(["show", "story", "\(n)", "--raw"], environment: environment)
                #expect(shown.stdout == page, "version \(n), \(environment)")
            }
        }
    }
}
