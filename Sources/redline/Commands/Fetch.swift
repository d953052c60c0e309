import ArgumentParser
import Foundation
import RedlineModel
import RedlineTracker

extension RedlineCommand {
    struct Fetch: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fetch",
            abstract: "Download a page over HTTP(S) and capture it, as snap does.")

        @OptionGroup var repository: RepositoryOptions
        @Argument(help: "The article's name.") var slug: String
        @Argument(help: "The page's http or https URL.") var url: String
        @Option(help: "Seconds to wait for the server.") var timeout: Double = 30
        @Option(help: "How to read the page; text also stores what is not a page (a PDF, JSON).") var format: InputFormat = .auto
        @Flag(help: "Store a capture even when it holds under a quarter of the previous version's text.")
        var force = false
        @Flag(help: "Follow a redirect from a public address to a private or loopback one.")
        var allowPrivateRedirects = false
        @OptionGroup var filter: FilterOptions

        func validate() throws {
            guard timeout > 0 else { throw ValidationError("--timeout takes a number of seconds above 0.") }
        }

        func run() async throws {
            ProcessMemory.prepareShortRun()     // this process ends when the capture is stored
            let slug = try Slug(slug)
            let tracker = try repository.tracker()
            // Ctrl-C or SIGTERM abandons the transfer at once; nothing is stored.
            for signalNumber in [SIGINT, SIGTERM] {
                signal(signalNumber) { _ in Tracker.cancelFetches() }
            }
            switch try await tracker.fetch(slug, url: url, timeout: timeout, format: format.captureFormat, force: force,
                                           allowPrivateRedirects: allowPrivateRedirects, filter: filter.filter()) {
            case .captured(let result):
                result.warnings.forEach(Output.warning)
                Output.write(result.line + "\n")
            case .notModified:
                Output.write("\(slug): not modified\n")
            }
        }
    }
}
