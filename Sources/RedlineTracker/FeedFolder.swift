import Foundation
import RedlineModel
import RedlineRender
import RedlineStore
import RedlineText

/// The feeds folder of a watch (`announce: feeds:`): after each version stored, `SLUG.xml` of its
/// article and `all.xml` written again, each atomically (a reader never sees half a file).
///
///     feeds/cork-live.xml   the news among cork-live's newest 50 versions (``Tracker/feed(_:last:)``)
///     feeds/all.xml         every configured article's entries, newest first
///
/// The first version stored reads each configured article's feed from the track repository once;
/// after that each version stored moves its article's feed on (``AtomFeed/moveOn(to:entry:last:)``,
/// as `redline feed` builds it: its entry added when it is news, the entry of the version it
/// pushes out of the newest 50 dropped), so a long history is not read again.
public actor FeedFolder: VersionStored {
    private let folder: URL
    private let repositoryPath: String
    private let slugs: [Slug]
    private let last: Int
    private let log: @Sendable (String) -> Void
    /// Each article's feed, once read, and the newest version it has looked at.
    private var feeds: [Slug: (feed: AtomFeed, newest: Int)]?
    /// Its own handle on the track repository, opened at the first read.
    private var tracker: Tracker?

    /// Feeds of `slugs` written into `folder`, read from the track repository at `repositoryPath`.
    public init(folder: URL, repositoryPath: String, slugs: [Slug], last: Int = Tracker.feedVersions,
                log: @escaping @Sendable (String) -> Void) {
        self.folder = folder
        self.repositoryPath = repositoryPath
        self.slugs = slugs
        self.last = last
        self.log = log
    }

    public func versionStored(_ event: StoredVersionEvent) async {
        do {
            if feeds == nil {
                feeds = try read(slugs)
            } else if feeds?[event.slug] == nil {
                feeds?[event.slug] = try read([event.slug])[event.slug]
            } else if let held = feeds?[event.slug], event.version.number > held.newest {
                // An older version was stored before the feed was read, and read with it.
                var feed = held.feed
                if let headline = event.diff.fields.first(where: { $0.field == .title }) {
                    feed.title = headline.newText.map { "\(event.slug.value): \($0)" } ?? event.slug.value
                }
                feed.moveOn(to: event.version, entry: AtomFeed.entry(of: event.diff), last: last)
                feeds?[event.slug] = (feed, event.version.number)
            }
            try write(event.slug)
        } catch {
            log("\(Timestamp.format(Date()))  feeds: cannot write \(folder.path): \(SystemReason.of(error)); capturing goes on")
        }
    }

    /// The feeds of those of `slugs` that have versions, as the track repository holds them now;
    /// an article whose history cannot be read is logged and left out (it is tried again at its
    /// next version), and the others are read all the same.
    private func read(_ slugs: [Slug]) throws -> [Slug: (feed: AtomFeed, newest: Int)] {
        let tracker = try self.tracker ?? Tracker.open(at: repositoryPath)
        self.tracker = tracker
        var feeds: [Slug: (feed: AtomFeed, newest: Int)] = [:]
        for slug in slugs {
            do {
                guard try tracker.repository.latest(of: slug) != nil else { continue }
                let (feed, newest) = try tracker.feedAndNewest(slug, last: last)
                feeds[slug] = (feed, newest?.number ?? 0)
            } catch {
                log("\(Timestamp.format(Date()))  feeds: \(slug) left out: \(error)")
            }
        }
        return feeds
    }

    /// Writes `slug`'s feed and `all.xml`.
    private func write(_ slug: Slug) throws {
        guard let feeds else { return }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if let feed = feeds[slug]?.feed {
            try Data(feed.render().utf8).write(to: folder.appendingPathComponent(slug.value + ".xml"), options: .atomic)
        }
        let all = AtomFeed.all(slugs.compactMap { feeds[$0]?.feed })
        try Data(all.render().utf8).write(to: folder.appendingPathComponent("all.xml"), options: .atomic)
    }
}
