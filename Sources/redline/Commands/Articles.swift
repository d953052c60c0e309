import ArgumentParser
import RedlineRender
import RedlineTracker

extension RedlineCommand {
    struct Articles: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "articles",
            abstract: "List the tracked articles with their version counts and last capture time.",
            discussion: """
                With a configuration file (--config, $REDLINE_CONFIG, or ./redline.yaml when it \\
                exists), the configured articles are listed beside the stored ones, each marked \\
                configured or not configured, and those never captured as such.
                """)

        @OptionGroup var repository: RepositoryOptions
        @OptionGroup var config: ConfigOptions

        func run() throws {
            let tracker = try repository.tracker()
            guard config.isInForce else {
                let list = try tracker.articles()
                for (slug, problem) in list.damaged { Output.warning("article '\(slug)' is not listed: \(problem)") }
                Output.write(HistoryText.articles(list.articles.map { ($0.slug, $0.versionCount, $0.lastCapturedAt, $0.url) }))
                return
            }
            let list = try tracker.articles(beside: config.load())
            for (slug, problem) in list.damaged { Output.warning("article '\(slug)' is not listed: \(problem)") }
            Output.write(HistoryText.articles(list.articles.map { standing in
                (standing.slug, standing.stored?.versionCount, standing.stored?.lastCapturedAt,
                 standing.configured?.url.absoluteString ?? standing.stored?.url, standing.configured != nil)
            }))
        }
    }
}
