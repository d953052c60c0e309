import Foundation
import RedlineDiff
import RedlineModel
import RedlineRender
import RedlineStore

/// `redline feed`: an article's history as an Atom feed. It looks at the article's newest 50
/// versions (`--last N`) and has one entry per version among them that is news
/// (``ArticleDiff/isNews``), newest first; and a first version, told as the change from nothing.
///
///     versions 1 (first capture), 2 (+3 new blocks), 3 (two blocks moved), 4 (headline changed)
///     → entries 4, 2, 1   (3 only moved blocks: not news)
///     --last 2 → entry 4  (versions 3 and 4 looked at; 3 is told as its change from 2)
///
/// Which versions a feed tells of is decided in one place, ``AtomFeed/moveOn(to:entry:last:)``:
/// `redline feed` moves an empty feed on through the versions it reads, and the watcher's feeds
/// folder (``FeedFolder``) moves the feed it holds on by each version it stores, so both write
/// the same document for the same history.
extension Tracker {
    /// How many of an article's newest versions a feed looks at, unless told otherwise.
    public static let feedVersions = 50

    /// The change `version`, a first version, made: from nothing, every block added, `from` empty.
    public func diffFromNothing(_ slug: Slug, at version: Version) throws -> ArticleDiff {
        var diff = ArticleDiffer.diff(Article(), try currentArticle(at: version))
        diff.article = slug.value
        diff.to = version.side
        return diff
    }

    /// The feed of `slug`: the news among its newest `last` versions.
    public func feed(_ slug: Slug, last: Int = Tracker.feedVersions) throws -> AtomFeed {
        try feedAndNewest(slug, last: last).feed
    }

    /// The feed of `slug` (``feed(_:last:)``) and the newest version it looked at, from which the
    /// watcher moves it on. The article of each of the newest `last` versions is read once, and
    /// that of the version before them, whose change to the oldest of them is that one's entry
    /// (``history(_:last:_:)``, one more at each seam where it splits the work between the cores);
    /// the first version's once more when it is among them; only the entries are kept.
    func feedAndNewest(_ slug: Slug, last: Int) throws -> (feed: AtomFeed, newest: Version?) {
        let (versions, entries, newest) = try history(slug, last: last + 1) { AtomFeed.entry(of: $0) }
        let title = newest?.title.map { "\(slug.value): \($0)" } ?? slug.value
        var feed = AtomFeed(id: AtomFeed.id(slug.value), title: title, link: nil, entries: [], updated: Date(timeIntervalSince1970: 0))
        if let first = versions.first, first.number == 1 {
            feed.moveOn(to: first, entry: AtomFeed.entry(of: try diffFromNothing(slug, at: first)), last: last)
        }
        for (version, entry) in zip(versions.dropFirst(), entries) { feed.moveOn(to: version, entry: entry, last: last) }
        return (feed, versions.last)
    }

    /// `redline feed --all`: the entries of every article's feed (``feed(_:last:)``) in one feed,
    /// newest first.
    public func feedOfAll(last: Int = Tracker.feedVersions) throws -> AtomFeed {
        let feeds = try articles().articles.map { try feed(Slug($0.slug), last: last) }
        return AtomFeed.all(feeds)
    }
}

extension AtomFeed {
    /// The entry of `diff`, a version's change, when a feed tells of it: when it is news, or a
    /// first version's.
    static func entry(of diff: ArticleDiff) -> Entry? {
        diff.isNews || diff.isFirstVersion ? Entry(diff) : nil
    }

    /// Moves the feed of an article's newest `last` versions on to `version`, stored after every
    /// version it has looked at, whose change is told by `entry` (``entry(of:)``, nil when it is
    /// not news): the entry added, those of versions no longer among the newest `last` dropped,
    /// and the feed's `updated` and `link` `version`'s.
    ///
    ///     entries of versions 12…61 (last 50), then version 62, not news → entries of 13…61
    mutating func moveOn(to version: Version, entry: Entry?, last: Int) {
        let kept = entries.filter { $0.version > version.number - last }
        self = AtomFeed(id: id, title: title, link: version.url ?? link, entries: kept + [entry].compactMap { $0 },
                        updated: version.capturedAt)
    }

    /// The entries of `feeds` in one feed, `all.xml`.
    static func all(_ feeds: [AtomFeed]) -> AtomFeed {
        AtomFeed(id: AtomFeed.allID, title: "redline: every article", link: nil, entries: feeds.flatMap(\.entries),
                 updated: feeds.map(\.updated).max() ?? Date(timeIntervalSince1970: 0))
    }
}
