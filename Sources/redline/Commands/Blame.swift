import ArgumentParser
import RedlineModel
import RedlineRender
import RedlineTracker

extension RedlineCommand {
    struct Blame: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "blame",
            abstract: "Show each block of a version (default: the newest) with the version it first appeared in and the one it last changed in.")

        @OptionGroup var repository: RepositoryOptions
        @OptionGroup var target: VersionArguments
        @Option(help: "text or json.") var format: HistoryFormat = .text

        func run() throws {
            let slug = try Slug(target.slug)
            let (version, blamed) = try repository.tracker().blame(slug, at: target.revision.first)
            switch format {
            case .json:
                let items = blamed.map { (block: $0.block, origin: $0.origin, entry: $0.entry) }
                Output.write(JSONOutput.render(blame: items, article: slug.value, version: version.number) + "\n")
            case .text, .terminal:
                Output.write(HistoryText.blame(blamed.map { (block: $0.block, origin: $0.origin) }))
            }
        }
    }
}
