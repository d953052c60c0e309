import Foundation
import Testing

/// Issue 16, item 5: `replay` is idempotent, captures stay in time order, and a bad file in a
/// replay is reported and skipped.
@Suite struct TimeOrderTests {
    @Test func snapOlderThanTheNewestIsRefused() throws {
        let f = try RepositoryFixture()
        defer { f.dir.remove() }
        #expect(try f.run(["snap", "story", f.dir.write("two.txt", capture(2)), "--at", "2025-04-23T10:00Z"]).status == 2)
        let later = try f.run(["snap", "story", f.dir.write("two.txt", capture(2)), "--at", "2099-01-01T10:00Z"])
        #expect(later.stdout == "story: version 2 (+6 -6)\n" || later.stdout.hasPrefix("story: version 2 "), "\(later.stdout)")
        try f.expectRefused(["snap", "story", f.dir.write("three.txt", capture(3)), "--at", "2099-01-01T09:59:59Z"],
                            mentioning: "captured at 2099-01-01T09:59:59Z, before its newest version 2 (2099-01-01T10:00:00Z)")
        try f.expectRefused(["snap", "story", f.dir.write("three.txt", capture(3))], mentioning: "before its newest version 2")
        let sameSecond = try f.run(["snap", "story", f.dir.write("three.txt", capture(3)), "--at", "2099-01-01T10:00Z"])
        #expect(sameSecond.status == 0, "\(sameSecond.stderr)")
        #expect(sameSecond.stdout.hasPrefix("story: version 3 "), "\(sameSecond.stdout)")
        try f.expectValid()
    }
}
