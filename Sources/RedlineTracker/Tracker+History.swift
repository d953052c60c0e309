import Foundation
import Synchronization
import RedlineDiff
import RedlineModel
import RedlineStore

extension Tracker {
    /// `redline log`: every version of `slug`, newest first.
    public func log(_ slug: Slug) throws -> [Version] {
        try repository.versions(of: slug)
    }

    /// `redline log --edits`: every change `slug`'s history made to what was already published —
    /// changed fields, retitled and dropped key events, edited, removed, or moved and edited
    /// blocks — as one diff per version that made any (``ArticleDiff/edits``), newest first.
    public func edits(_ slug: Slug) throws -> [ArticleDiff] {
        var edits: [ArticleDiff] = []
        try successiveDiffs(slug, Array(try repository.versions(of: slug).reversed())) { diff in
            if diff.hasEdits { edits.append(diff.edits) }
        }
        return edits.reversed()
    }

    /// Calls `body` with the change from each of `versions` (oldest first) to the next, reading
    /// each version's article once; returns the last one's article.
    @discardableResult
    func successiveDiffs(_ slug: Slug, _ versions: [Version], _ body: (ArticleDiff) throws -> Void) throws -> Article? {
        var previous = try versions.first.map { try article(at: $0) }
        for (old, new) in zip(versions, versions.dropFirst()) {
            let article = try self.article(at: new)
            try body(try diff(slug, from: (old, previous!), to: (new, article)))
            previous = article
        }
        return previous
    }

    /// `redline articles`: the tracked articles, by slug, and those that could not be read.
    public func articles() throws -> TrackRepository.ArticleList {
        try repository.articles()
    }

    /// `redline events`: every key event `slug` ever listed, newest first: by the version that
    /// first listed it, newest first, and those one version listed first in that list's own order
    /// (a live blog lists its newest on top).
    public func events(_ slug: Slug) throws -> [KeyEventRecord] {
        var timeline = KeyEventTimeline()
        var previous: (version: Version, stored: [KeyEvent], index: String?)?
        for version in try repository.versions(of: slug).reversed() {
            // Most versions keep the index of the one before (the same key events): read it once.
            let index = try repository.indexID(at: version)
            let unchanged = index != nil && index == previous?.index
            var events = try unchanged ? previous!.stored : repository.keyEvents(at: version) ?? article(at: version).keyEvents
            let stored = events
            if let previous, previous.version.extractor != version.extractor {
                // Compared as this redline's extractor reads both sides (``comparable(_:_:)``).
                timeline.reread(try currentArticle(at: previous.version).keyEvents)
                events = try currentArticle(at: version).keyEvents
            } else if let previous, timeline.listed != previous.stored {
                timeline.reread(previous.stored)
            }
            timeline.add(events, version: version.number, capturedAt: version.capturedAt)
            previous = (version, stored, index)
        }
        return timeline.records.enumerated().sorted { a, b in
            a.element.firstVersion != b.element.firstVersion ? a.element.firstVersion > b.element.firstVersion : a.offset < b.offset
        }.map(\.element)
    }

    /// One block of a version beside where it came from, as `redline blame` shows it.
    public struct BlamedBlock: Sendable, Hashable {
        /// The block and its position.
        public var block: PositionedBlock
        /// The versions it first appeared and last changed in.
        public var origin: BlockOrigin
        /// The entry it belongs to, if any.
        public var entry: EntryReference?
    }

    /// The headline, standfirst or byline of a version beside where it came from.
    public struct BlamedField: Sendable, Hashable {
        /// Which field.
        public var field: FieldChange.Field
        /// Its text in the version blamed.
        public var text: String
        /// The versions it first appeared and last changed in.
        public var origin: BlockOrigin
    }

    /// `redline blame`: the headline, standfirst and byline, then each block, of the version of
    /// `slug` that `revision` names (default: the newest) with the versions it first appeared
    /// and last changed in.
    public func blame(_ slug: Slug, at revision: String? = nil)
        throws -> (version: Version, fields: [BlamedField], blocks: [BlamedBlock]) {
        let version = try version(of: slug, at: revision)
        let article = try article(at: version)
        let origins = try origins(of: slug, at: version, article: article)
        let blocks = zip(article.positionedBlocks, origins).map { block, origin in
            BlamedBlock(block: block, origin: origin, entry: block.entryIndex.map { EntryReference(article.entries[$0]) })
        }
        let fieldOrigins = try fieldOrigins(of: slug, at: version, article: article)
        let fields = FieldChange.Field.ofTheArticle.compactMap { field in
            article.text(of: field).flatMap { text in fieldOrigins[field].map { BlamedField(field: field, text: text, origin: $0) } }
        }
        return (version, fields, blocks)
    }

    /// The origins of the headline, standfirst and byline of `version`, whose stored article is
    /// `article`: as stored with it, or, for a version stored without them, worked out again by
    /// comparing each version up to it with the one before, as `diff` compares them.
    func fieldOrigins(of slug: Slug, at version: Version, article: Article) throws -> [FieldChange.Field: BlockOrigin] {
        if let stored = try repository.fieldOrigins(at: version) { return stored }
        var origins: [FieldChange.Field: BlockOrigin] = [:]
        var previous: (Version, Article)?
        for step in try repository.versions(of: slug).reversed() where step.number <= version.number {
            let stored = step.number == version.number ? article : try self.article(at: step)
            let pair = try previous.map { try comparable($0, (step, stored)) }
            origins = Blame.carry(origins, from: pair?.old, to: pair?.new ?? stored,
                                  changed: Set(pair.map { ArticleDiffer.fields($0.old, $0.new).map(\.field) } ?? []),
                                  version: step.number, previousVersion: previous?.0.number)
            previous = (step, stored)
        }
        return origins
    }

    /// `redline report`: the versions of `slug` (the newest `last` of them when given), oldest
    /// first; `change` applied to the diff from each to the next, oldest first; and the newest
    /// article. The history is split between the machine's cores: each part reads its own
    /// versions (one shared at each seam) and applies `change` as it goes, so no diff is held
    /// longer than it takes to turn it into what is kept.
    public func history<Kept: Sendable>(_ slug: Slug, last: Int? = nil,
                                        _ change: @escaping @Sendable (ArticleDiff) -> Kept) throws
        -> (versions: [Version], changes: [Kept], newest: Article?) {
        let versions = Array(try repository.versions(of: slug, last: last).reversed())
        guard !versions.isEmpty else { return ([], [], nil) }
        let parts = versions.count < 16 ? 1 : min(ProcessInfo.processInfo.activeProcessorCount, 4)
        let seams = (0...parts).map { $0 * (versions.count - 1) / parts }
        let path = repository.path
        let results = Mutex<[Result<(changes: [Kept], newest: Article?), Error>?]>(Array(repeating: nil, count: parts))
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let result = Result { () throws -> (changes: [Kept], newest: Article?) in
                let tracker = try Tracker.open(at: path)
                var changes: [Kept] = []
                let newest = try tracker.successiveDiffs(slug, Array(versions[seams[part]...max(seams[part], seams[part + 1])])) {
                    changes.append(change($0))
                }
                return (changes, newest)
            }
            results.withLock { $0[part] = result }
        }
        var changes: [Kept] = []
        var newest: Article?
        for result in results.withLock({ $0 }) {
            let part = try result!.get()
            changes += part.changes
            newest = part.newest
        }
        return (versions, changes, newest)
    }

    /// The origins of `version`'s blocks: as stored with it, or, for a version stored without
    /// them, worked out again from the versions before it.
    func origins(of slug: Slug, at version: Version, article: Article) throws -> [BlockOrigin] {
        let count = article.positionedBlockCount
        if let stored = try repository.origins(at: version), stored.count == count { return stored }
        let history = try repository.versions(of: slug).reversed().filter { $0.number <= version.number }
        var previous: (version: Version, article: Article, origins: [BlockOrigin])?
        for step in history {
            let stepArticle = step.number == version.number ? article : try self.article(at: step)
            var stepOrigins: [BlockOrigin]
            if let stored = try repository.origins(at: step), stored.count == stepArticle.positionedBlockCount {
                stepOrigins = stored
            } else if let previous {
                stepOrigins = Blame.carry(previous.origins, through: ArticleDiffer.diff(previous.article, stepArticle),
                                          version: step.number)
                    ?? Blame.start(blockCount: stepArticle.positionedBlockCount, version: step.number)
            } else {
                stepOrigins = Blame.start(blockCount: stepArticle.positionedBlockCount, version: step.number)
            }
            previous = (step, stepArticle, stepOrigins)
        }
        return previous?.origins ?? Blame.start(blockCount: count, version: version.number)
    }
}
