import Foundation
import RedlineModel

/// What one article's versions hold, to recognise a capture already stored when a folder of
/// captures is replayed again.
///
///     version  captured at   source   article
///     1        08:00         A        a
///     2        10:00         B        b
///
///     version(capturing: A, at: 08:00)                  → 1   the same bytes, the same second
///     version(showing: A, at: 09:00)                    → 1   what the history showed then
///     version(showing: A' (article a), at: 09:30)       → 1
///     version(showing: C, at: 09:00)                    → nil (older than version 2, never stored)
///     version(holding: B, from: 1)                      → 2   a replay without times, at version 1
///     version(holding: A, from: 2)                      → nil (back to A after B: a change)
///
/// Read once (``TrackRepository/storedCaptures(of:)``) and kept up to date by its reader; `tip`
/// says which history it saw, so a writer holding the article's lock can tell whether another
/// writer has moved the article on since.
public struct StoredCaptures: Sendable {
    /// One version: its number, capture time, and the ids of its source and article files.
    struct Entry: Sendable {
        var number: Int
        var capturedAt: Date
        var source: String?
        var article: String?
    }

    /// The commit of the newest version when this was read; nil for an article with none.
    public private(set) var tip: String?
    /// Oldest first.
    var entries: [Entry]

    /// The version captured at `time` from the same bytes, `source` (a blob id,
    /// ``TrackRepository/blobID(of:)``); nil when there is none.
    public func version(capturing source: String, at time: Date) -> Int? {
        entries.last { $0.capturedAt == time && $0.source == source }?.number
    }

    /// The version the history showed at `time` (the newest capture at or before it, then the
    /// highest number) when it holds the bytes `source` or the article whose id is `article`;
    /// nil otherwise.
    public func version(showing source: String, article: String?, at time: Date) -> Int? {
        let shown = entries.filter { $0.capturedAt <= time }.max { ($0.capturedAt, $0.number) < ($1.capturedAt, $1.number) }
        guard let shown, shown.source == source || (article != nil && shown.article == article) else { return nil }
        return shown.number
    }

    /// The first version from `position` on that holds the bytes `source`, or the article whose
    /// id is `article` (other than the newest version, which a capture of that article simply
    /// equals); nil when none does. A replay without times moves `position` along with each
    /// file, so a capture that goes back to an earlier one is still a change.
    public func version(holding source: String, article: String?, from position: Int) -> Int? {
        let newest = entries.last?.number
        return entries.first { entry in
            entry.number >= position
                && (entry.source == source || (article != nil && entry.article == article && entry.number != newest))
        }?.number
    }

    /// Takes in `version`, just stored on top of the versions seen, with the ids of its source
    /// and article.
    public mutating func add(_ version: Version, source: String, article: String?) {
        entries.append(Entry(number: version.number, capturedAt: version.capturedAt, source: source, article: article))
        tip = version.commit
    }
}

extension TrackRepository {
    /// The captures stored for `slug` so far (none for a new article).
    public func storedCaptures(of slug: Slug) throws -> StoredCaptures {
        guard try tip(of: slug) != nil else { return StoredCaptures(tip: nil, entries: []) }
        let sourceNames = CaptureFormat.allCases.map(StoredVersion.sourceFile)
        let versions = try versions(of: slug)
        let entries = versions.reversed().map { version in
            StoredCaptures.Entry(number: version.number, capturedAt: version.capturedAt,
                                 source: sourceNames.lazy.compactMap { try? self.git.blobID(named: $0, inCommit: version.commit) }.first,
                                 article: articleID(of: version))
        }
        return StoredCaptures(tip: versions.first?.commit, entries: entries)
    }
}
