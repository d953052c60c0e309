import Foundation
import RedlineModel

/// Everything one version's commit holds, encoded here and decoded here, nowhere else.
///
///     tree     source.html | source.txt   the captured bytes, unchanged
///              article.md                 the extracted article, as readable text (`git diff`,
///                                         forges) that reads back exactly (``ArticleMarkdown``)
///              redline.json               its key events and field origins (``VersionIndex``)
///              origins.txt                its block origins (``VersionIndex``)
///              .gitattributes             which files a forge shows as text (``TrackRepository/attributes``)
///
/// Versions stored before issue 17 hold the article twice, also as `article.json`, which is then
/// what is read (their `article.md` was written for reading only and does not read back).
///     message  Version 3: +2 -0 ~1 >0     the subject, then trailers (``CommitMessage``), the
///                                         extractor's among them
///
/// A writer hands ``TrackRepository/record(_:capturedAt:url:prepare:)`` a stored version; readers
/// ask the repository for the part they need (``TrackRepository/article(at:)``, …).
public struct StoredVersion: Sendable {
    /// The article as extracted.
    public let article: Article
    /// `article` as its `article.md`, rendered once.
    let articleText: Data
    /// The captured bytes, unchanged, and what they are.
    public var source: Data
    public var sourceFormat: CaptureFormat
    /// For each block of the article in diff order, the versions it first appeared and last changed in.
    public var origins: [BlockOrigin]
    /// The commit message's first line.
    public var subject: String
    /// The change from the version it follows, kept in the commit so `log` need not recompute it.
    public var changes: ChangeSummary?
    /// For the headline, standfirst and byline, the versions each first appeared and last changed in.
    public var fieldOrigins: [FieldChange.Field: BlockOrigin]?
    /// The extractor that extracted `article` from `source` (``ArticleExtractor/version``).
    public var extractor: String
    /// The charset the server declared for `source`, kept so it is read back as it was read now.
    public var charset: String? = nil
    /// Where redirects led from the URL asked for, when they did.
    public var finalURL: String? = nil
    /// The selector `source` was narrowed to before extraction, nil for the whole page.
    public var select: String? = nil
    /// The patterns whose text was dropped from `article`.
    public var ignore: [String] = []

    /// A version to store.
    public init(article: Article, source: Data, sourceFormat: CaptureFormat, origins: [BlockOrigin], subject: String,
                changes: ChangeSummary?, extractor: String) {
        self.article = article
        articleText = Data(ArticleMarkdown.renderedBytes(article))
        self.source = source
        self.sourceFormat = sourceFormat
        self.origins = origins
        self.subject = subject
        self.changes = changes
        self.extractor = extractor
    }

    /// Where versions stored before issue 17 hold their article, as JSON; no longer written.
    static let articleFile = "article.json"
    static let articleTextFile = "article.md"
    /// For forges, which read attributes from the tree: the same blob in every version.
    static let attributesFile = ".gitattributes"

    /// The file a capture of `format` is stored under.
    static func sourceFile(_ format: CaptureFormat) -> String {
        format == .html ? "source.html" : "source.txt"
    }

    /// The files of the commit's tree, by name.
    var files: [String: Data] {
        [
            Self.sourceFile(sourceFormat): source,
            Self.articleTextFile: articleText,
            VersionIndex.fileName: VersionIndex(keyEvents: article.keyEvents, fieldOrigins: fieldOrigins).data,
            VersionIndex.originsFileName: VersionIndex.originsData(origins),
            Self.attributesFile: Data(TrackRepository.attributes.utf8),
        ]
    }

    /// The id the article has, or would have, stored: equal ids, equal articles.
    public var articleID: String {
        TrackRepository.blobID(of: articleText)
    }

    /// The id `article` has, or would have, stored (``articleID``).
    public static func articleID(of article: Article) -> String {
        TrackRepository.blobID(of: Data(ArticleMarkdown.renderedBytes(article)))
    }

    /// `value` as the store writes JSON: keys sorted, slashes as they are.
    static func json(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)) ?? Data()
    }
}

extension TrackRepository {
    /// The article stored with `version`: its `article.md`, or the `article.json` of a version
    /// stored before issue 17; nil for a version stored without one (written by hand).
    public func article(at version: Version) throws -> Article? {
        if let json = try file(StoredVersion.articleFile, of: version) {
            do {
                return try JSONDecoder().decode(Article.self, from: json)
            } catch {
                throw StoreError.damaged(path: path, detail: "version \(version.number)'s \(StoredVersion.articleFile) cannot be read")
            }
        }
        guard let text = try file(StoredVersion.articleTextFile, of: version) else { return nil }
        guard let article = ArticleMarkdown.parse(String(decoding: text, as: UTF8.self)) else {
            throw StoreError.damaged(path: path, detail: "version \(version.number)'s \(StoredVersion.articleTextFile) cannot be read")
        }
        return article
    }

    /// The captured bytes of `version` and their format; nil when it has none.
    public func source(of version: Version) throws -> (bytes: Data, format: CaptureFormat)? {
        for format in CaptureFormat.allCases {
            if let bytes = try file(StoredVersion.sourceFile(format), of: version) { return (bytes, format) }
        }
        return nil
    }

    /// The key events stored with `version`, nil when it has no index.
    public func keyEvents(at version: Version) throws -> [KeyEvent]? {
        try index(at: version)?.keyEvents
    }

    /// An id of what `version`'s index holds (its key events and field origins): equal ids, equal
    /// indexes, so a history command reads an index again only when it changed. Nil when it has none.
    public func indexID(at version: Version) throws -> String? {
        do {
            return try git.blobID(named: VersionIndex.fileName, inCommit: version.commit)
        } catch {
            throw StoreError(error, repository: path)
        }
    }

    /// The origins of the headline, standfirst and byline stored with `version`; nil when it has
    /// none (stored before they were kept).
    public func fieldOrigins(at version: Version) throws -> [FieldChange.Field: BlockOrigin]? {
        try index(at: version)?.fieldOrigins
    }

    /// The block origins stored with `version`, nil when it has no index or it cannot be read.
    public func origins(at version: Version) throws -> [BlockOrigin]? {
        if let data = try file(VersionIndex.originsFileName, of: version) {
            return VersionIndex.origins(String(decoding: data, as: UTF8.self))
        }
        return try index(at: version)?.origins.flatMap(VersionIndex.origins)
    }

    private func index(at version: Version) throws -> VersionIndex? {
        guard let data = try file(VersionIndex.fileName, of: version) else { return nil }
        return try? JSONDecoder().decode(VersionIndex.self, from: data)
    }

    /// The ``StoredVersion/articleID`` of `version`'s article; nil for a version stored before
    /// issue 17 (its `article.md` is another rendering) or without one.
    func articleID(of version: Version) -> String? {
        guard (try? git.blobID(named: StoredVersion.articleFile, inCommit: version.commit)) ?? nil == nil else { return nil }
        return (try? git.blobID(named: StoredVersion.articleTextFile, inCommit: version.commit)) ?? nil
    }

    /// For each distinct article among `slug`'s versions (none for a new article), the newest
    /// version that holds it, keyed by ``StoredVersion/articleID`` (the id of its `article.md`).
    /// Versions stored before issue 17 are left out: their `article.md` is another rendering.
    public func versionsByArticle(of slug: Slug) throws -> [String: Int] {
        try versionsByBlob(of: slug, named: StoredVersion.articleTextFile, unless: StoredVersion.articleFile)
    }
}
