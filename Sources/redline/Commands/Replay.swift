import RedlineText
import ArgumentParser
import Foundation
import RedlineTracker
import RedlineCapture
import RedlineExtract
import RedlineModel
import RedlineRender

extension RedlineCommand {
    struct Replay: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "replay",
            abstract: "Capture every file of a directory, in name order, as successive versions.",
            discussion: """
                A file whose name starts with a time (2025-04-23T0800Z_page.html) is recorded as \
                captured then; others as captured now. Replaying a directory again stores nothing \
                new: each file already stored says so. Versions stay in time order, so a capture \
                older than the newest version is skipped with a warning; so is a file that cannot \
                be captured (empty, binary, no article text), and the replay goes on. It fails \
                only when no file at all could be captured.
                """)

        @OptionGroup var repository: RepositoryOptions
        @Argument(help: "A directory of captures.") var directory: String
        @Option(help: "The article's name (default: the directory's name).") var slug: String?
        @Option(help: "How to read the captures.") var format: InputFormat = .auto
        @Option(help: "The URL to record with every capture.") var url: String?
        @Flag(help: "Store captures that hold under a quarter of the previous version's text (otherwise skipped).")
        var force = false

        func run() throws {
            var progress = ProgressBar(total: 0)
            defer { progress.finish() }
            try repository.tracker().replay(
                directory, slug: slug.map { try Slug($0) }, format: format.captureFormat, url: url, force: force,
                progress: { done, total in
                    progress.total = total
                    progress.update(done)
                },
                report: { file, step in
                    progress.clear()
                    let name = TerminalText.escape((file as NSString).lastPathComponent)
                    switch step {
                    case .captured(let result):
                        result.warnings.forEach { Output.warning("\(file): \($0)") }
                        Output.write("\(name): \(result.line)\n")
                    case .alreadyStored(let slug, let number):
                        Output.write("\(name): \(slug): already stored as version \(number)\n")
                    case .skipped(let reason):
                        Output.warning("\(name) skipped: \(reason)")
                    }
                })
        }
    }
}
