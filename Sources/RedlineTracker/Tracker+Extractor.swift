import Foundation
import RedlineDiff
import RedlineExtract
import RedlineModel
import RedlineStore

/// A stored article is a cache of the extraction. Each version records the extractor that
/// extracted it (``Version/extractor``); two versions extracted by different extractors are
/// compared as this redline's extractor reads both, each side it did not extract extracted again
/// from the version's stored source. An improved extractor is then never an editorial change, and
/// history is never rewritten.
///
///     v1 (extractor 1) → v2 (extractor 1)   stored articles, as they are
///     v2 (extractor 1) → v3 (extractor 2)   v2 extracted again by extractor 2, v3 as stored
extension Tracker {
    /// The article of `version` as this redline's extractor reads it: `stored` (read when not
    /// given) if it extracted it, else extracted again from the version's source.
    func currentArticle(at version: Version, stored: Article? = nil) throws -> Article {
        if version.extractor == ArticleExtractor.version { return try stored ?? article(at: version) }
        return try extractAgain(version) ?? stored ?? article(at: version)
    }

    /// `old` and `new`'s articles ready to compare: as stored when one extractor extracted both,
    /// else each as this redline's extractor reads it.
    func comparable(_ old: (Version, Article), _ new: (Version, Article)) throws -> (old: Article, new: Article) {
        guard old.0.extractor != new.0.extractor else { return (old.1, new.1) }
        return (try currentArticle(at: old.0, stored: old.1), try currentArticle(at: new.0, stored: new.1))
    }

    /// The article in `version`'s stored source as this redline extracts it, narrowed and
    /// filtered as it was when captured (its `select` and `ignore`); nil when it has none.
    func extractAgain(_ version: Version) throws -> Article? {
        guard let source = try repository.source(of: version) else { return nil }
        let filter = (try? ExtractionFilter(select: version.select, ignore: version.ignore)) ?? .none
        return ArticleExtractor.extract(source.bytes, format: source.format, charset: version.charset, filter: filter).article
    }
}

extension Tracker {
    /// The origins of the blocks of `current`, `version`'s article as this redline's extractor
    /// reads it: the stored origins, which belong to `stored`, carried over to it. A block the
    /// extractor reads differently takes `version` as its last change.
    func origins(of slug: Slug, at version: Version, current: Article, stored: Article) throws -> [BlockOrigin] {
        let origins = try origins(of: slug, at: version, article: stored)
        guard current != stored else { return origins }
        return Blame.carry(origins, through: ArticleDiffer.diff(stored, current), version: version.number)
            ?? Blame.start(blockCount: current.positionedBlockCount, version: version.number)
    }
}
