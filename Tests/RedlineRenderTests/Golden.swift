import Foundation
import RedlineModel
import RedlineRender
import Testing

/// Golden files beside the tests, in `Golden/`: the expected output of each renderer, byte for
/// byte. Re-record them after a deliberate change with
///
///     REDLINE_RECORD_GOLDEN=1 swift test --filter RedlineRenderTests
///
/// and review the change with `git diff`. Recording is refused when `CI` is set.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static var isRecording: Bool { ProcessInfo.processInfo.environment["REDLINE_RECORD_GOLDEN"] == "1" }

    /// Every format of `diff` against the golden files `NAME.*`: terminal with colour, terminal
    /// without colour (wrapped at 80 columns), plain text, `--stat`, Markdown, HTML and JSON (the
    /// contract every script reads).
    /// The lead adds real pairs (the seeds, a live blog) by calling this with the differ's output.
    static func checkEveryFormat(_ diff: ArticleDiff, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for (suffix, output) in renderings(of: diff) {
            check(output, file: "\(name).\(suffix)", sourceLocation: sourceLocation)
        }
    }

    /// Each format's file suffix and output.
    static func renderings(of diff: ArticleDiff) -> [(String, String)] {
        [
            ("terminal-color.txt", DiffTerminal.render(diff, options: TerminalOptions(color: true, width: 80))),
            ("terminal.txt", DiffTerminal.render(diff, options: TerminalOptions(color: false, width: 80))),
            ("text.txt", DiffText.render(diff)),
            ("stat.txt", DiffStat.render(diff, color: false, width: 80)),
            ("md", DiffMarkdown.render(diff)),
            ("html", DiffHTML.render(diff)),
            ("json", JSONOutput.render(diff) + "\n"),
        ]
    }

    /// `actual` against `Golden/file`; records it instead when recording.
    static func check(_ actual: String, file: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(file)
        if isRecording {
            if ProcessInfo.processInfo.environment["CI"] != nil {
                Issue.record("REDLINE_RECORD_GOLDEN is set in CI: golden files are recorded only by hand", sourceLocation: sourceLocation)
                return
            }
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: url.path, contents: Data(actual.utf8))
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("no golden file \(file); record it with REDLINE_RECORD_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != actual else { return }
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expectedLines.count, actualLines.count)
        let want = line < expectedLines.count ? String(expectedLines[line]) : "(end of file)"
        let got = line < actualLines.count ? String(actualLines[line]) : "(end of output)"
        Issue.record("""
            \(file) differs at line \(line + 1):
              expected: \(want.debugDescription)
              actual:   \(got.debugDescription)
            (re-record with REDLINE_RECORD_GOLDEN=1 if the change is intended)
            """, sourceLocation: sourceLocation)
    }
}
