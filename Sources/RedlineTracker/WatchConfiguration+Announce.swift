import Foundation
import RedlineModel

extension WatchConfiguration {
    /// The feeds folder, a relative one read from the configuration file's folder; nil: no feeds.
    public var feedsFolder: URL? {
        guard let feeds = announce.feeds else { return nil }
        if feeds.hasPrefix("/") { return URL(fileURLWithPath: feeds, isDirectory: true) }
        let base = URL(fileURLWithPath: path).deletingLastPathComponent()
        return URL(fileURLWithPath: feeds, isDirectory: true, relativeTo: base).standardizedFileURL
    }

    /// What `watch` tells of each version it stores: the feeds folder first, then each webhook.
    public func announcers(repositoryPath: String, log: @escaping @Sendable (String) -> Void) -> [any VersionStored] {
        var announcers: [any VersionStored] = []
        if let folder = feedsFolder {
            announcers.append(FeedFolder(folder: folder, repositoryPath: repositoryPath, slugs: articles.map(\.slug), log: log))
        }
        announcers += announce.webhooks.map { Webhook(url: $0, log: log) }
        return announcers
    }
}
