import ArgumentParser
import RedlineModel
import RedlineRender

extension RedlineCommand {
    struct Blame: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "blame",
            abstract: "Show each block of a version (default: the newest) with the version it first appeared in and the one it last changed in.")

        @OptionGroup var repository: RepositoryOptions
        @OptionGroup var target: VersionArguments
        @Option(help: "text or json.") var format: HistoryFormat = .text

        func run() throws {
            let tracker = try repository.tracker()
            let (slug, version) = try target.resolve(in: tracker.repository)
            let blamed = try tracker.blame(slug, at: version)
            switch format {
            case .json:
                let article = try tracker.article(at: version)
                let items = blamed.map { item in
                    (block: item.block, origin: item.origin,
                     entry: item.block.entryIndex.map { EntryReference(article.entries[$0]) })
                }
                Output.write(JSONOutput.render(blame: items, article: slug.value, version: version.number) + "\n")
            case .text, .terminal:
                Output.write(HistoryText.blame(blamed.map { (block: $0.block, origin: $0.origin) }))
            }
        }
    }
}
