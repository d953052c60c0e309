import ArgumentParser
import Foundation
import RedlineModel
import RedlineTracker

/// The input format of a capture: sniffed, or forced.
enum InputFormat: String, ExpressibleByArgument, CaseIterable {
    case auto, text, html

    var captureFormat: CaptureFormat? {
        switch self {
        case .auto: nil
        case .text: .text
        case .html: .html
        }
    }
}

/// `--at ISO8601` as a date; nil (now, stamped as the capture is stored) without one.
func captureTime(_ text: String?) throws -> Date? {
    guard let text else { return nil }
    guard let date = Timestamp.parse(text) else {
        throw ValidationError("--at takes an ISO 8601 time such as 2025-04-23T10:00Z, not '\(text)'.")
    }
    return date
}

extension RedlineCommand {
    struct Snap: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "snap",
            abstract: "Capture one version of an article from a file or standard input.")

        @OptionGroup var repository: RepositoryOptions
        @Argument(help: "The article's name: a-z, 0-9, '.', '_', '-'.") var slug: String
        @Argument(help: "The capture (HTML or text as a browser copies it); - or nothing for standard input.")
        var file: String = "-"
        @Option(help: "Where the page came from.") var url: String?
        @Option(help: "When it was captured (ISO 8601; default now).") var at: String?
        @Option(help: "How to read the capture.") var format: InputFormat = .auto
        @Flag(help: "Store a capture even when it holds under a quarter of the previous version's text.")
        var force = false
        @OptionGroup var filter: FilterOptions

        func validate() throws {
            _ = try captureTime(at)
        }

        func run() throws {
            // Here, not in validate(): swift-argument-parser validates before it reports an unknown
            // option, and `snap -x page.html` was told of a missing SLUG rather than of `-x`.
            var isDirectory: ObjCBool = false
            if file == "-", (try? Slug(slug)) == nil, FileManager.default.fileExists(atPath: slug, isDirectory: &isDirectory),
               !isDirectory.boolValue {
                throw ValidationError("Missing the article's SLUG: '\(slug)' is a file; give a name for the article first, "
                                      + "as in 'redline snap SLUG \(slug)'.")
            }
            ProcessMemory.prepareShortRun()     // this process ends when the capture is stored
            if file == "-", isatty(STDIN_FILENO) != 0 {   // not a silent wait for a page nobody pipes in
                Output.log("reading the capture from standard input; paste it and press Ctrl-D, or name a file")
            }
            let tracker = try repository.tracker()
            let result = try tracker.snap(try Slug(slug), file: file, url: url, capturedAt: try captureTime(at),
                                          format: format.captureFormat, force: force, filter: filter.filter())
            result.warnings.forEach(Output.warning)
            Output.write(result.line + "\n")
            // Everything is stored and said: the process ends with the article still held, rather
            // than freeing its tens of thousands of pieces one by one first (1.7 ms of a 1.9 MB
            // page's capture), as a compiler ends with its syntax tree.
            withExtendedLifetime((tracker, result)) { Foundation.exit(EXIT_SUCCESS) }
        }
    }
}
