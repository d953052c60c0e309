import Foundation
import RedlineCapture
import RedlineDiff
import RedlineExtract
import RedlineModel
import RedlineStore
import RedlineTracker
import Testing

/// A version stored by another extractor is compared as this redline's extractor reads it, so an
/// improved extractor never shows up as an editorial change (issue 16, item 4).
@Suite struct ExtractorUpgradeTests {
    let slug = try! Slug("london-bridge")
    static let pair = RedlineProcess.packageRoot + "/Tests/Shapes/guardian-html/05-key-event-added/"
    let old = try! Data(contentsOf: URL(fileURLWithPath: pair + "old.html"))
    let new = try! Data(contentsOf: URL(fileURLWithPath: pair + "new.html"))
    let first = Date(timeIntervalSince1970: 1_496_566_800)

    /// What an older extractor made of `page`: a headline with the site's name, a time label
    /// read as text, a key event's title with its time in it, the byline missed.
    static func olderExtraction(of page: Data) -> Article {
        var article = ArticleExtractor.extract(page).article
        article.title = article.title.map { $0 + " | The Guardian" }
        article.byline = nil
        article.blocks = article.blocks.map { var block = $0; block.text = "2h ago " + block.text; return block }
        if !article.entries.isEmpty { article.entries[0].blocks[0].text = "Updated 5 minutes ago " + article.entries[0].blocks[0].text }
        if !article.keyEvents.isEmpty { article.keyEvents[0].title = "08.36 BST " + article.keyEvents[0].title }
        return article
    }

    /// A repository whose first version is `old`, stored by `extractor` as `article`.
    func repository(in dir: TemporaryDirectory, firstStoredAs article: Article, extractor: String?) throws -> Tracker {
        let tracker = Tracker(repository: try TrackRepository.create(at: dir.child("track")))
        _ = try tracker.repository.record(slug, capturedAt: first, url: nil) { _ in
            StoredVersion(article: article, source: old, sourceFormat: .html,
                          origins: Blame.start(blockCount: article.positionedBlocks.count, version: 1),
                          subject: "Version 1: first capture", changes: nil, extractor: extractor ?? "")
        }
        return tracker
    }

    @Test(arguments: ["1", nil])
    func anOlderExtractorsVersionIsComparedAsThisOneReadsIt(extractor: String?) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let upgraded = try repository(in: dir, firstStoredAs: Self.olderExtraction(of: old), extractor: extractor)
        let freshDir = try TemporaryDirectory()
        defer { freshDir.remove() }
        let fresh = try repository(in: freshDir, firstStoredAs: ArticleExtractor.extract(old).article,
                                   extractor: ArticleExtractor.version)

        // The same page again is the same version, not one of phantom edits.
        let again = try upgraded.snap(slug, Capture(bytes: old, origin: "old.html", capturedAt: first + 60))
        #expect(!again.isNew, "the first capture again became version \(again.version.number): \(again.line)")

        // A real change reads exactly as it does where both versions came from this extractor.
        for tracker in [upgraded, fresh] {
            _ = try tracker.snap(slug, Capture(bytes: new, origin: "new.html", capturedAt: first + 120))
        }
        let upgradedLog = try upgraded.log(slug), freshLog = try fresh.log(slug)
        #expect(upgradedLog.count == 2)
        #expect(upgradedLog.first?.changes == freshLog.first?.changes)
        #expect(upgradedLog.first?.changes?.keyEventsAdded == 1)
        #expect(upgradedLog.first?.extractor == ArticleExtractor.version)
        #expect(upgradedLog.last?.extractor == extractor.flatMap { $0.isEmpty ? nil : $0 })

        var diff = try upgraded.diff(slug, from: "1", to: "2"), freshDiff = try fresh.diff(slug, from: "1", to: "2")
        (diff.from, diff.to) = (freshDiff.from, freshDiff.to)
        #expect(diff == freshDiff)
        #expect(diff.fields.isEmpty)
        #expect(try upgraded.edits(slug).isEmpty, "log --edits shows the extractor's change as an edit")

        #expect(try upgraded.events(slug) == fresh.events(slug))
        #expect(try upgraded.events(slug).allSatisfy { $0.retitles.isEmpty && $0.droppedVersion == nil })

        let blame = try upgraded.blame(slug), freshBlame = try fresh.blame(slug)
        #expect(blame.fields == freshBlame.fields)
        #expect(blame.blocks == freshBlame.blocks)

        // History is never rewritten: version 1 still holds what the older extractor stored.
        #expect(try upgraded.article(of: slug, at: "1") == Self.olderExtraction(of: old))
    }
}
