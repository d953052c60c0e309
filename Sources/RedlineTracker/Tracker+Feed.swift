import Foundation
import RedlineDiff
import RedlineModel
import RedlineRender
import RedlineStore

/// `redline feed`: an article's history as an Atom feed, one entry per version that is news
/// (``ArticleDiff/isNews``), newest first; and a first version, told as the change from nothing.
///
///     versions 1 (first capture), 2 (+3 new blocks), 3 (two blocks moved), 4 (headline changed)
///     → entries 4, 2, 1   (3 only moved blocks: not news)
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

    /// The feed of `slug`: the news among its newest `last` versions. Each version's article is
    /// read once (``history(_:last:_:)``, one more at each seam where it splits the work between
    /// the cores), the first version's once more when it is among them; only the entries are kept.
    public func feed(_ slug: Slug, last: Int = Tracker.feedVersions) throws -> AtomFeed {
        let (versions, news, newest) = try history(slug, last: last) { diff in diff.isNews ? AtomFeed.Entry(diff) : nil }
        var entries = news.compactMap { $0 }
        if let first = versions.first, first.number == 1 { entries.append(AtomFeed.Entry(try diffFromNothing(slug, at: first))) }
        let title = newest?.title.map { "\(slug.value): \($0)" } ?? slug.value
        return AtomFeed(id: AtomFeed.id(slug.value), title: title, link: newest?.url ?? versions.last?.url, entries: entries,
                        updated: versions.last?.capturedAt ?? Date(timeIntervalSince1970: 0))
    }

    /// `redline feed --all`: the entries of every article's feed (``feed(_:last:)``) in one feed,
    /// newest first.
    public func feedOfAll(last: Int = Tracker.feedVersions) throws -> AtomFeed {
        let feeds = try articles().articles.map { try feed(Slug($0.slug), last: last) }
        return AtomFeed.all(feeds)
    }
}

extension AtomFeed {
    /// The entries of `feeds` in one feed, `all.xml`.
    static func all(_ feeds: [AtomFeed]) -> AtomFeed {
        AtomFeed(id: AtomFeed.allID, title: "redline: every article", link: nil, entries: feeds.flatMap(\.entries),
                 updated: feeds.map(\.updated).max() ?? Date(timeIntervalSince1970: 0))
    }
}
