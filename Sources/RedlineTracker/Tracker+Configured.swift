import Foundation
import RedlineModel
import RedlineStore

extension Tracker {
    /// One article as `redline articles` lists it beside the configuration file: stored,
    /// configured, or both.
    public struct ArticleStanding: Sendable {
        public var slug: String
        /// Its history, nil when it was never captured.
        public var stored: TrackRepository.ArticleInfo?
        /// Its entry in the configuration file, nil when it is not configured.
        public var configured: WatchConfiguration.Article?
    }

    /// `redline articles` with a configuration file: every article stored or configured, by slug,
    /// and the stored ones that could not be read.
    public func articles(beside configuration: WatchConfiguration) throws -> (articles: [ArticleStanding], damaged: [(slug: String, problem: String)]) {
        let list = try articles()
        var standings: [String: ArticleStanding] = [:]
        for info in list.articles { standings[info.slug] = ArticleStanding(slug: info.slug, stored: info) }
        for article in configuration.articles {
            standings[article.slug.value, default: ArticleStanding(slug: article.slug.value)].configured = article
        }
        return (standings.values.sorted { $0.slug < $1.slug }, list.damaged)
    }
}
