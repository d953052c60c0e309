import ArgumentParser
import RedlineModel
import RedlineRender
import RedlineTracker

extension RedlineCommand {
    struct Blame: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "blame",
            abstract: "Show the headline, standfirst, byline and each block of a version (default: the newest) with the version it first appeared in and the one it last changed in.")

        @OptionGroup var repository: RepositoryOptions
        @OptionGroup var target: VersionArguments
        @Option(help: "text or json.") var format: HistoryFormat = .text

        func run() throws {
            let slug = try Slug(target.slug)
            let (version, fields, blamed) = try repository.tracker().blame(slug, at: target.revision.first)
            let fieldItems = fields.map { (field: $0.field, text: $0.text, origin: $0.origin) }
            switch format {
            case .json:
                let items = blamed.map { (block: $0.block, origin: $0.origin, entry: $0.entry) }
                Output.write(JSONOutput.render(blame: items, fields: fieldItems, article: slug.value, version: version.number) + "\n")
            case .text, .terminal:
                Output.write(HistoryText.blame(fields: fieldItems, blamed.map { (block: $0.block, origin: $0.origin) }))
            }
        }
    }
}
