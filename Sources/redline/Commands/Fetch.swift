import ArgumentParser
import Foundation
import Redline
import RedlineCapture
import RedlineModel

extension RedlineCommand {
    struct Fetch: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fetch",
            abstract: "Download a page over HTTP(S) and capture it, as snap does.")

        @OptionGroup var repository: RepositoryOptions
        @Argument(help: "The article's name.") var slug: String
        @Argument(help: "The page's http or https URL.") var url: String
        @Option(help: "Seconds to wait for the server.") var timeout: Double = 30
        @Flag(help: "Store a capture even when it holds under a quarter of the previous version's text.")
        var force = false

        func validate() throws {
            guard timeout > 0 else { throw ValidationError("--timeout takes a number of seconds above 0.") }
        }

        func run() async throws {
            let slug = try Slug(slug)
            let tracker = try repository.tracker()
            let address = try PageFetcher.url(url)
            switch try await PageFetcher(timeout: timeout).fetch(address) {
            case .page(let capture, _, _):
                let result = try tracker.snap(slug, capture, force: force)
                result.warnings.forEach(Output.warning)
                Output.write(describe(result, slug: slug) + "\n")
            case .notModified:
                Output.write("\(slug): not modified\n")
            }
        }
    }
}
