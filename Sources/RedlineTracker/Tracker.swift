import Foundation
import RedlineCapture
import RedlineDiff
import RedlineExtract
import RedlineModel
import RedlineStore

/// The pipeline over one track repository, one function per command:
///
///     snap / fetch / replay / watch   capture → extract → diff against the newest → store
///     diff                            store → two versions → diff
///     log / events / blame / show     store → history
///
/// `redline` parses a command line, calls one of these and prints what it returns.
public struct Tracker {
    /// The track repository it reads and writes.
    public let repository: TrackRepository
    /// The version this tracker stored last.
    let recent = RecentVersion()

    /// A tracker over `repository`.
    public init(repository: TrackRepository) {
        self.repository = repository
    }

    /// A tracker over the track repository at `path`, which must exist.
    public static func open(at path: String) throws -> Tracker {
        Tracker(repository: try TrackRepository.open(at: path))
    }

    /// What became of one capture.
    public struct SnapResult: Sendable {
        /// The article captured.
        public var slug: Slug
        /// The version stored, or the newest one when the capture equalled it.
        public var version: Version
        /// False when nothing was stored because the article had not changed.
        public var isNew: Bool
        /// The change from the version before (nil for a first version or an unchanged capture).
        public var changes: ChangeSummary?
        /// The number of blocks in the captured article.
        public var blockCount: Int
        /// Problems met while extracting, one line each.
        public var warnings: [String]
        /// The stored article's id (``StoredVersion/articleID``): equal ids, equal articles. Nil
        /// when nothing was stored.
        public var articleID: String?
        /// The change from the version before, as `diff` reports it (nil for a first version or
        /// an unchanged capture).
        public var diff: ArticleDiff? = nil

        /// The one line `snap`, `fetch` and `replay` print for it.
        public var line: String {
            guard isNew else { return "\(slug): unchanged since version \(version.number)" }
            return "\(slug): version \(version.number) (\(detail))"
        }

        /// What a new version holds against the one before: `+2 -0 ~1 >0`, or for a first
        /// version `first version, 12 blocks`.
        public var detail: String {
            changes?.line ?? "first version, \(blockCount) block\(blockCount == 1 ? "" : "s")"
        }
    }

    /// `redline snap`: extracts `capture` and stores it as the next version of `slug`, unless its
    /// article equals the newest version's. `force` stores a capture that extracts to under a
    /// quarter of the newest version's text. `filter` narrows and filters what is extracted; it
    /// is stored with the version, so the version is always extracted again the same way.
    public func snap(_ slug: Slug, _ capture: Capture, format: CaptureFormat? = nil, force: Bool = false,
                     filter: ExtractionFilter = .none) throws -> SnapResult {
        try snap(slug, capture, ArticleExtractor.extract(capture.bytes, format: format, charset: capture.charset, filter: filter),
                 force: force, filter: filter)
    }

    /// ``snap(_:_:format:force:)`` of a capture already extracted. `check` is shown the newest
    /// version first, under the article's lock (``TrackRepository/record(_:capturedAt:url:prepare:)``),
    /// and throws to store nothing (`replay` recognising a capture stored before).
    func snap(_ slug: Slug, _ capture: Capture, _ extraction: Extraction, force: Bool, filter: ExtractionFilter = .none,
              check: (Version?) throws -> Void = { _ in }) throws -> SnapResult {
        let article = extraction.article
        let origin = capture.origin == "-" ? "standard input" : capture.origin
        guard !article.isEmpty else {
            if let select = filter.select { throw TrackerError.selectorMatchedNothing(origin, selector: select) }
            throw TrackerError.nothingExtracted(origin)
        }

        let blockCount = article.positionedBlockCount
        var changes: ChangeSummary?
        var stored: StoredVersion?
        var articleDiff: ArticleDiff?
        var previousSide: DiffSide?
        var packWarnings: [String] = []
        let outcome = try repository.record(slug, capturedAt: capture.capturedAt, url: capture.url,
                                            packWarning: { packWarnings.append($0) }) { latest in
            try check(latest)
            (changes, articleDiff, previousSide) = (nil, nil, nil)
            var subject = "\(slug.value): version 1: first capture, \(blockCount) block\(blockCount == 1 ? "" : "s")"
            var origins = Blame.start(blockCount: blockCount, version: 1)
            var fieldOrigins = Blame.carry([:], from: nil, to: article, changed: [], version: 1, previousVersion: nil)
            if let latest {
                let recent = self.recent.stored(as: latest)
                let storedArticle = try recent?.article ?? self.article(at: latest)
                let previous = try self.currentArticle(at: latest, stored: storedArticle)
                if previous == article { return nil }
                // A character is at most 4 bytes of UTF-8: no smaller in bytes, never a quarter in letters.
                if !force, article.textBytes < previous.textBytes, article.textLength * 4 < previous.textLength {
                    throw TrackerError.nearlyEmpty(origin, letters: article.textLength, previousLetters: previous.textLength,
                                                   previousVersion: latest.number)
                }
                let number = latest.number + 1
                let diff = ArticleDiffer.diff(previous, article)
                articleDiff = diff
                previousSide = latest.side
                changes = diff.summary
                subject = "\(slug.value): version \(number): \(diff.summary.line)"
                origins = Blame.carry(try recent?.origins ?? self.origins(of: slug, at: latest, current: previous, stored: storedArticle),
                                      through: diff, version: number)
                    ?? Blame.start(blockCount: blockCount, version: number)
                fieldOrigins = Blame.carry(try recent?.fieldOrigins ?? self.fieldOrigins(of: slug, at: latest, article: storedArticle),
                                           from: previous, to: article,
                                           changed: Set(diff.fields.map(\.field)), version: number, previousVersion: latest.number)
            }
            stored = StoredVersion(article: article, source: capture.bytes, sourceFormat: extraction.format,
                                   origins: origins, subject: subject, changes: changes, extractor: ArticleExtractor.version)
            stored?.fieldOrigins = fieldOrigins
            stored?.charset = capture.charset
            stored?.finalURL = capture.finalURL
            stored?.select = filter.select
            stored?.ignore = filter.ignore
            return stored
        }
        switch outcome {
        case .recorded(let version):
            if let stored {
                recent.remember(.init(commit: version.commit, article: article, origins: stored.origins,
                                      fieldOrigins: stored.fieldOrigins ?? [:]))
            }
            articleDiff?.article = slug.value
            if let previousSide { articleDiff?.from = previousSide }
            articleDiff?.to = version.side
            return SnapResult(slug: slug, version: version, isNew: true, changes: changes,
                              blockCount: blockCount, warnings: extraction.warnings + packWarnings, articleID: stored?.articleID,
                              diff: articleDiff)
        case .unchanged(let version):
            return SnapResult(slug: slug, version: version, isNew: false, changes: nil,
                              blockCount: blockCount, warnings: extraction.warnings, articleID: nil)
        }
    }

    /// `redline snap SLUG FILE`: the capture in the file at `path` (`-` for standard input),
    /// taken at `capturedAt` (nil: now), stored as ``snap(_:_:format:force:)`` does.
    public func snap(_ slug: Slug, file path: String, url: String?, capturedAt: Date?, format: CaptureFormat? = nil,
                     force: Bool = false, filter: ExtractionFilter = .none) throws -> SnapResult {
        // The page's address is stored and linked (feeds, the report): an http(s) URL or none.
        if let url { _ = try PageFetcher.url(url) }
        let capture = try Self.refusingNonPage(CaptureReader.read(path, url: url, capturedAt: capturedAt), format: format)
        var result = try snap(slug, capture, format: format, force: force, filter: filter)
        // Versions are kept in time order: one stored ahead of the clock holds back every capture
        // taken now until then.
        if let capturedAt, result.isNew, capturedAt > Date().addingTimeInterval(600) {
            result.warnings.append("--at \(Timestamp.format(capturedAt)) is in the future: until then, every capture of '\(slug.value)' "
                                   + "taken now is refused as older than this version")
        }
        return result
    }

    /// What `redline fetch` found.
    public enum FetchResult: Sendable {
        /// The page, captured as `snap` does.
        case captured(SnapResult)
        /// The server said the page had not changed.
        case notModified
    }

    /// `redline fetch`: downloads `url` and captures it as ``snap(_:_:format:force:)`` does.
    /// A redirect from a public address to a private one is refused unless `allowPrivateRedirects`;
    /// what is not a page (a PDF, an image, JSON) unless `format` is `.text`.
    public func fetch(_ slug: Slug, url: String, timeout: Double, format: CaptureFormat? = nil, force: Bool = false,
                      allowPrivateRedirects: Bool = false, filter: ExtractionFilter = .none) async throws -> FetchResult {
        let address = try PageFetcher.url(url)
        var fetcher = PageFetcher(timeout: timeout, allowPrivateRedirects: allowPrivateRedirects)
        fetcher.acceptsNonPages = format == .text
        switch try await fetcher.fetch(address) {
        case .page(let capture, _, _): return .captured(try snapFetched(slug, capture, format: format, force: force, filter: filter))
        case .notModified: return .notModified
        }
    }

    /// ``snap(_:_:format:force:filter:)`` of a page just fetched, stamped when it was asked for: refused
    /// when another process stored a newer version meanwhile (this one stalled between fetching
    /// and storing), which it would otherwise follow as if the page had gone back.
    func snapFetched(_ slug: Slug, _ capture: Capture, format: CaptureFormat?, force: Bool = false,
                     filter: ExtractionFilter) throws -> SnapResult {
        do {
            return try snap(slug, capture, format: format, force: force, filter: filter)
        } catch StoreError.olderThanNewest(_, let fetchedAt, let newest, let newestAt) {
            throw TrackerError.fetchedBeforeNewest(capture.origin, fetchedAt: Timestamp.format(fetchedAt), newest: newest,
                                                   newestAt: Timestamp.format(newestAt))
        }
    }

    /// Aborts every fetch in flight (`fetch`, `watch`) and every later one, so that nothing is
    /// stored. Safe to call from a signal handler: for Ctrl-C and SIGTERM.
    public static func cancelFetches() {
        PageFetcher.cancelAll()
    }

    /// The article as stored with `version` (for a version stored without one, extracted again
    /// from its source).
    public func article(at version: Version) throws -> Article {
        if let article = try repository.article(at: version) { return article }
        guard let article = try extractAgain(version) else { throw TrackerError.missingStoredArticle(version: version.number) }
        return article
    }

    /// `redline diff SLUG [FROM [TO]]`: the change between the versions `from` and `to` name
    /// (default: the version before the newest, and the newest).
    public func diff(_ slug: Slug, from: String? = nil, to: String? = nil) throws -> ArticleDiff {
        if from == nil, let newest = try repository.latest(of: slug), newest.number == 1 {
            throw TrackerError.onlyOneVersion(slug.value)
        }
        let old = try from.map { try version(of: slug, at: $0) } ?? repository.resolve(.offset(1), of: slug)
        let new = try to.map { try version(of: slug, at: $0) } ?? repository.resolve(.newest, of: slug)
        return try diff(slug, from: old, to: new)
    }

    /// The change of `slug` from version `old` to version `new`.
    public func diff(_ slug: Slug, from old: Version, to new: Version) throws -> ArticleDiff {
        try diff(slug, from: (old, try article(at: old)), to: (new, try article(at: new)))
    }

    /// The change of `slug` between two versions whose stored articles are already read, each
    /// as ``comparable(_:_:)`` reads it.
    func diff(_ slug: Slug, from old: (Version, Article), to new: (Version, Article)) throws -> ArticleDiff {
        let articles = try comparable(old, new)
        var diff = ArticleDiffer.diff(articles.old, articles.new)
        diff.article = slug.value
        diff.from = old.0.side
        diff.to = new.0.side
        return diff
    }

    /// The version of `slug` that a revision as written names (`3`, `-1`, a commit prefix, a
    /// time), or the newest when `text` is nil; an error quotes `text`.
    public func version(of slug: Slug, at text: String? = nil) throws -> Version {
        guard let text else { return try repository.resolve(.newest, of: slug) }
        guard let revision = Revision(text) else {
            _ = try repository.versions(of: slug)  // an unknown article is the error to report first
            throw StoreError.unknownRevision(text, slug: slug.value,
                                             reason: "give a version number, an offset such as -1, a commit id, or a time")
        }
        return try repository.resolve(revision, of: slug, text: text)
    }
}

extension Tracker {
    /// `redline show`: the article as stored with the version of `slug` that `revision` names
    /// (default: the newest).
    public func article(of slug: Slug, at revision: String? = nil) throws -> Article {
        try article(at: version(of: slug, at: revision))
    }

    /// `redline show --raw`: the captured bytes of the version of `slug` that `revision` names.
    public func source(of slug: Slug, at revision: String? = nil) throws -> (bytes: Data, format: CaptureFormat) {
        let version = try version(of: slug, at: revision)
        guard let source = try repository.source(of: version) else {
            throw StoreError.damaged(path: repository.path, detail: "version \(version.number) has no source file")
        }
        return source
    }
}
