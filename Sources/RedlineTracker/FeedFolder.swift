import Foundation
import RedlineModel
import RedlineRender
import RedlineStore

/// The feeds folder of a watch (`announce: feeds:`): after each version stored, `SLUG.xml` of its
/// article and `all.xml` written again, each atomically (a reader never sees half a file).
///
///     feeds/cork-live.xml   the news among cork-live's newest 50 versions (``Tracker/feed(_:last:)``)
///     feeds/all.xml         every configured article's entries, newest first
///
/// The first version stored reads each configured article's feed from the track repository once;
/// after that each version stored adds its own entry, so a long history is not read again.
public actor FeedFolder: VersionStored {
    private let folder: URL
    private let repositoryPath: String
    private let slugs: [Slug]
    private let last: Int
    private let log: @Sendable (String) -> Void
    /// Each article's feed, once read.
    private var feeds: [Slug: AtomFeed]?
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
            } else if var feed = feeds?[event.slug], event.diff.isNews,
                      !feed.entries.contains(where: { $0.version >= event.version.number }) {
                if let headline = event.diff.fields.first(where: { $0.field == .title })?.newText {
                    feed.title = "\(event.slug.value): \(headline)"
                }
                let kept = feed.entries.filter { $0.version > event.version.number - last }
                feeds?[event.slug] = AtomFeed(id: feed.id, title: feed.title, link: event.diff.to.url ?? feed.link,
                                              entries: [AtomFeed.Entry(event.diff)] + kept, updated: event.version.capturedAt)
            }
            try write(event.slug)
        } catch {
            log("\(Timestamp.format(Date()))  feeds: cannot write \(folder.path): \(error); capturing goes on")
        }
    }

    /// The feeds of those of `slugs` that have versions, as the track repository holds them now;
    /// an article whose history cannot be read is logged and left out (it is tried again at its
    /// next version), and the others are read all the same.
    private func read(_ slugs: [Slug]) throws -> [Slug: AtomFeed] {
        let tracker = try self.tracker ?? Tracker.open(at: repositoryPath)
        self.tracker = tracker
        var feeds: [Slug: AtomFeed] = [:]
        for slug in slugs {
            do {
                guard try tracker.repository.latest(of: slug) != nil else { continue }
                feeds[slug] = try tracker.feed(slug, last: last)
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
        if let feed = feeds[slug] {
            try Data(feed.render().utf8).write(to: folder.appendingPathComponent(slug.value + ".xml"), options: .atomic)
        }
        let all = AtomFeed.all(slugs.compactMap { feeds[$0] })
        try Data(all.render().utf8).write(to: folder.appendingPathComponent("all.xml"), options: .atomic)
    }
}
