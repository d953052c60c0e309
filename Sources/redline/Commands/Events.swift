import ArgumentParser
import RedlineModel
import RedlineRender
import RedlineTracker

/// How a history listing is printed.
enum HistoryFormat: String, ExpressibleByArgument, CaseIterable {
    case text, terminal, json
}

extension RedlineCommand {
    struct Events: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "events",
            abstract: "List every key event the article ever listed, newest first, with when it appeared, was retitled and was dropped.")

        @OptionGroup var repository: RepositoryOptions
        @Argument(help: "The article.") var slug: String
        @Option(help: "text or json.") var format: HistoryFormat = .text

        func run() throws {
            let slug = try Slug(slug)
            let records = try repository.tracker().events(slug)
            switch format {
            case .json: Output.write(JSONOutput.render(events: records, article: slug.value) + "\n")
            case .text, .terminal: Output.write(HistoryText.events(records))
            }
        }
    }
}
