import ArgumentParser
import Foundation
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
        @Option(help: "text or json.") var format: HistoryFormat = .text

        func run() throws {
            let tracker = try repository.tracker()
            typealias Item = (slug: String, versions: Int?, last: Date?, url: String?, configured: Bool?)
            let items: [Item]
            if config.isInForce {
                let list = try tracker.articles(beside: config.load())
                for (slug, problem) in list.damaged { Output.warning("article '\(slug)' is not listed: \(problem)") }
                items = list.articles.map { standing in
                    (standing.slug, standing.stored?.versionCount, standing.stored?.lastCapturedAt,
                     standing.configured?.url.absoluteString ?? standing.stored?.url, standing.configured != nil)
                }
            } else {
                let list = try tracker.articles()
                for (slug, problem) in list.damaged { Output.warning("article '\(slug)' is not listed: \(problem)") }
                items = list.articles.map { ($0.slug, $0.versionCount, $0.lastCapturedAt, $0.url, nil) }
            }
            switch format {
            case .json:
                Output.write(JSONOutput.render(articles: items) + "\n")
            case .text, .terminal:
                Output.write(config.isInForce
                    ? HistoryText.articles(items.map { ($0.slug, $0.versions, $0.last, $0.url, $0.configured ?? false) })
                    : HistoryText.articles(items.map { ($0.slug, $0.versions ?? 0, $0.last ?? Date(timeIntervalSince1970: 0), $0.url) }))
            }
        }
    }
}
