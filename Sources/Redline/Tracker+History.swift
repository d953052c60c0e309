import Foundation
import RedlineDiff
import RedlineModel
import RedlineStore

extension Tracker {
    /// One block of a version beside where it came from, as `redline blame` shows it.
    public struct BlamedBlock: Sendable, Hashable {
        /// The block and its position.
        public var block: PositionedBlock
        /// The versions it first appeared and last changed in.
        public var origin: BlockOrigin
    }

    /// Every key event `slug` ever listed, in order of first appearance.
    public func events(_ slug: Slug) throws -> [KeyEventRecord] {
        var timeline = KeyEventTimeline()
        for version in try repository.versions(of: slug).reversed() {
            let events = try index(at: version)?.keyEvents ?? article(at: version).keyEvents
            timeline.add(events, version: version.number, capturedAt: version.capturedAt)
        }
        return timeline.records
    }

    /// Each block of `version` of `slug` with the versions it first appeared and last changed in.
    public func blame(_ slug: Slug, at version: Version) throws -> [BlamedBlock] {
        let article = try article(at: version)
        let origins = try origins(of: slug, at: version, article: article)
        return zip(article.positionedBlocks, origins).map { BlamedBlock(block: $0, origin: $1) }
    }

    /// The origins of `version`'s blocks: read from its `redline.json`, or, for a version stored
    /// without one, worked out again from the versions before it.
    func origins(of slug: Slug, at version: Version, article: Article) throws -> [BlockOrigin] {
        let count = article.positionedBlocks.count
        if let stored = try index(at: version)?.blockOrigins, stored.count == count { return stored }
        let history = try repository.versions(of: slug).reversed().filter { $0.number <= version.number }
        var previous: (version: Version, article: Article, origins: [BlockOrigin])?
        for step in history {
            let stepArticle = step.number == version.number ? article : try self.article(at: step)
            var stepOrigins: [BlockOrigin]
            if let stored = try index(at: step)?.blockOrigins, stored.count == stepArticle.positionedBlocks.count {
                stepOrigins = stored
            } else if let previous {
                stepOrigins = Blame.carry(previous.origins, through: ArticleDiffer.diff(previous.article, stepArticle),
                                          version: step.number)
                    ?? Blame.start(blockCount: stepArticle.positionedBlocks.count, version: step.number)
            } else {
                stepOrigins = Blame.start(blockCount: stepArticle.positionedBlocks.count, version: step.number)
            }
            previous = (step, stepArticle, stepOrigins)
        }
        return previous?.origins ?? Blame.start(blockCount: count, version: version.number)
    }

    /// The `redline.json` stored with `version`, nil when it has none or it cannot be read.
    func index(at version: Version) throws -> VersionIndex? {
        guard let data = try repository.file(VersionIndex.fileName, of: version) else { return nil }
        return try? JSONDecoder().decode(VersionIndex.self, from: data)
    }
}
