import ArgumentParser
import RedlineModel
import RedlineRender

extension RedlineCommand {
    struct Blame: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show each block of a version (default: the newest) with the version it first appeared in and the one it last changed in.")

        @OptionGroup var repository: RepositoryOptions
        @Argument(help: "The article.") var slug: String
        @Argument(parsing: .allUnrecognized, help: "The version (number, -offset, commit prefix or time).")
        var revision: [String] = []
        @Option(help: "text or json.") var format: HistoryFormat = .text

        func validate() throws {
            try checkPositionals(revision)
            guard revision.count <= 1 else { throw ValidationError("blame takes one revision at most.") }
        }

        func run() throws {
            let slug = try Slug(slug)
            let tracker = try repository.tracker()
            let version = try revision.first.map { try resolve($0, of: slug, in: tracker.repository) }
                ?? tracker.repository.resolve(.newest, of: slug)
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
