import Foundation
import Testing

/// `redline diff --format json` is the contract every script reads (SPEC: schemaVersion 1): the
/// whole document, byte for byte, for a real live-blog pair as a user runs it, from the HTML
/// files through extraction and the differ. The seeds and a corpus live blog are checked as JSON
/// beside every other format by `RedlineRenderTests.GoldenTests`.
///
///     REDLINE_RECORD_GOLDEN=1 swift test --filter JSONContractTests   (re-record; never in CI)
@Suite struct JSONContractTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/live-example.diff.json")

    @Test func diffFilesOfTheLiveBlogExample() throws {
        // Relative paths, as the README runs it, so the document does not depend on where the
        // package is checked out.
        let result = try RedlineProcess.run(["diff", "--files", "docs/examples/live-1.html", "docs/examples/live-2.html",
                                             "--format", "json"], workingDirectory: RedlineProcess.packageRoot)
        #expect(result.status == 0, "\(result.stderr)")
        let environment = ProcessInfo.processInfo.environment
        if environment["REDLINE_RECORD_GOLDEN"] == "1", environment["CI"] == nil {
            try Data(result.stdout.utf8).write(to: Self.golden)
            return
        }
        let expected = try String(contentsOf: Self.golden, encoding: .utf8)
        #expect(result.stdout == expected, "the JSON of diff --files differs from \(Self.golden.lastPathComponent)")
    }
}
