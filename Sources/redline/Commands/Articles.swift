import ArgumentParser
import RedlineRender
import RedlineTracker

extension RedlineCommand {
    struct Articles: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "articles",
            abstract: "List the tracked articles with their version counts and last capture time.")

        @OptionGroup var repository: RepositoryOptions

        func run() throws {
            let list = try repository.tracker().articles()
            for (slug, problem) in list.damaged { Output.warning("article '\(slug)' is not listed: \(problem)") }
            Output.write(HistoryText.articles(list.articles.map { ($0.slug, $0.versionCount, $0.lastCapturedAt, $0.url) }))
        }
    }
}
