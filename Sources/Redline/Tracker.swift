import Foundation
import RedlineCapture
import RedlineDiff
import RedlineExtract
import RedlineModel
import RedlineRender
import RedlineStore

/// The pipeline over one track repository: capture → extract → store, and store → diff.
public struct Tracker {
    /// The track repository it reads and writes.
    public let repository: TrackRepository

    /// A tracker over `repository`.
    public init(repository: TrackRepository) {
        self.repository = repository
    }

    /// What became of one capture.
    public struct SnapResult: Sendable {
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
        /// The id of the captured article's `article.json`: equal ids, equal articles.
        public var articleID: String
    }

    /// Extracts `capture` and stores it as the next version of `slug`, unless its article equals
    /// the newest version's. `force` stores a capture that extracts to under a quarter of the
    /// newest version's text.
    public func snap(_ slug: Slug, _ capture: Capture, format: CaptureFormat? = nil, force: Bool = false) throws -> SnapResult {
        let extraction = ArticleExtractor.extract(capture.bytes, format: format)
        let article = extraction.article
        let origin = capture.origin == "-" ? "standard input" : capture.origin
        guard !article.isEmpty else { throw TrackerError.nothingExtracted(origin) }

        let blockCount = article.positionedBlocks.count
        var changes: ChangeSummary?
        let articleJSON = Data(JSONOutput.render(article).utf8)
        let articleID = try TrackRepository.blobID(of: articleJSON)
        let outcome = try repository.record(slug, capturedAt: capture.capturedAt, url: capture.url) { latest in
            changes = nil
            var subject = "Version 1: first capture, \(blockCount) blocks"
            var origins = Blame.start(blockCount: blockCount, version: 1)
            if let latest {
                let previous = try self.article(at: latest)
                if previous == article { return nil }
                let letters = article.textLength, previousLetters = previous.textLength
                if !force, letters * 4 < previousLetters {
                    throw TrackerError.nearlyEmpty(origin, letters: letters, previousLetters: previousLetters,
                                                   previousVersion: latest.number)
                }
                let number = latest.number + 1
                let diff = ArticleDiffer.diff(previous, article)
                changes = diff.summary
                subject = "Version \(number): \(diff.summary.line)"
                origins = Blame.carry(try self.origins(of: slug, at: latest, article: previous), through: diff, version: number)
                    ?? Blame.start(blockCount: blockCount, version: number)
            }
            var files = Self.files(for: article, json: articleJSON, source: capture.bytes, format: extraction.format)
            files[VersionIndex.fileName] = VersionIndex(keyEvents: article.keyEvents, origins: origins).data
            return PendingVersion(files: files, subject: subject, changes: changes)
        }
        switch outcome {
        case .recorded(let version):
            return SnapResult(version: version, isNew: true, changes: changes,
                              blockCount: blockCount, warnings: extraction.warnings, articleID: articleID)
        case .unchanged(let version):
            return SnapResult(version: version, isNew: false, changes: nil,
                              blockCount: blockCount, warnings: extraction.warnings, articleID: articleID)
        }
    }

    /// The files of a version's commit: the captured bytes unchanged, and the article as
    /// Markdown (for people and `git diff`) and JSON (what redline reads back).
    static func files(for article: Article, json: Data, source: Data, format: CaptureFormat) -> [String: Data] {
        [
            format.sourceFileName: source,
            "article.md": Data(ArticleMarkdown.render(article).utf8),
            "article.json": json,
        ]
    }

    /// The article as stored with `version`.
    public func article(at version: Version) throws -> Article {
        if let json = try repository.file("article.json", of: version) {
            do {
                return try JSONDecoder().decode(Article.self, from: json)
            } catch {
                throw TrackerError.missingStoredArticle(version: version.number)
            }
        }
        // A version written by hand without article.json: extract it again from its source.
        guard let source = try rawSource(of: version) else { throw TrackerError.missingStoredArticle(version: version.number) }
        return ArticleExtractor.extract(source.bytes, format: source.format).article
    }

    /// The captured bytes of `version` and their format.
    public func rawSource(of version: Version) throws -> (bytes: Data, format: CaptureFormat)? {
        for format in CaptureFormat.allCases {
            if let bytes = try repository.file(format.sourceFileName, of: version) { return (bytes, format) }
        }
        return nil
    }

    /// The change of `slug` from version `old` to version `new`.
    public func diff(_ slug: Slug, from old: Version, to new: Version) throws -> ArticleDiff {
        var diff = ArticleDiffer.diff(try article(at: old), try article(at: new))
        diff.article = slug.value
        diff.from = old.side
        diff.to = new.side
        return diff
    }
}
