import Foundation
import RedlineModel
import Testing
@testable import RedlineStore

@Suite struct TrackRepositoryTests {
    let slug = try! Slug("live-blog")

    func pending(_ text: String) -> StoredVersion {
        StoredVersion(article: Article(title: text), source: Data(text.utf8), sourceFormat: .text, origins: [],
                      subject: "capture \(text)", changes: nil, extractor: "test")
    }

    func record(_ repo: TrackRepository, _ text: String, at seconds: TimeInterval, url: String? = nil) throws -> RecordOutcome {
        try repo.record(slug, capturedAt: Date(timeIntervalSince1970: seconds), url: url) { _ in pending(text) }
    }

    @Test func storesAndReadsBackVersions() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = try TrackRepository.create(at: dir.child("track"))
        #expect(try repo.latest(of: slug) == nil)

        guard case .recorded(let first) = try record(repo, "one", at: 1_745_395_800, url: "https://example.com/live") else {
            Issue.record("first capture was not recorded"); return
        }
        guard case .recorded(let second) = try record(repo, "two", at: 1_745_399_400) else {
            Issue.record("second capture was not recorded"); return
        }
        #expect(first.number == 1)
        #expect(second.number == 2)

        let reopened = try TrackRepository.open(at: dir.child("track"))
        let versions = try reopened.versions(of: slug)
        #expect(versions.map(\.number) == [2, 1])
        #expect(versions.map(\.commit) == [second.commit, first.commit])
        #expect(versions[1].url == "https://example.com/live")
        #expect(versions[0].url == nil)
        #expect(versions[1].capturedAt == Date(timeIntervalSince1970: 1_745_395_800))
        #expect(versions[0].subject == "capture two")
        #expect(try reopened.file("source.txt", of: versions[1]) == Data("one".utf8))
        #expect(try reopened.file("missing.txt", of: versions[1]) == nil)
        #expect(try reopened.fileNames(of: versions[0]).sorted() == [".gitattributes", "article.md", "origins.txt", "redline.json", "source.txt"])
        #expect(try reopened.article(at: versions[0]) == Article(title: "two"))
        #expect(try reopened.source(of: versions[1])?.bytes == Data("one".utf8))
        #expect(try reopened.latest(of: slug) == versions[0])

        let articles = try reopened.articles().articles
        #expect(articles.map(\.slug) == ["live-blog"])
        #expect(articles.first?.versionCount == 2)
    }

    @Test func createIsIdempotent() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = try TrackRepository.create(at: dir.child("track"))
        _ = try record(repo, "one", at: 0)
        let again = try TrackRepository.create(at: dir.child("track"))
        #expect(try again.versions(of: slug).count == 1)
    }

    @Test func aCaptureEqualToTheNewestStoresNothing() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = try TrackRepository.create(at: dir.child("track"))
        _ = try record(repo, "one", at: 0)
        let outcome = try repo.record(slug, capturedAt: Date(), url: nil) { latest in
            #expect(latest?.number == 1)
            return nil
        }
        guard case .unchanged(let newest) = outcome else { Issue.record("expected unchanged"); return }
        #expect(newest.number == 1)
        #expect(try repo.versions(of: slug).count == 1)
    }

    @Test func commitMessagesCarryTheTrailers() throws {
        let message = CommitMessage(subject: "Version 3: +1 -0 ~0 >0", url: "https://example.com/a",
                                    capturedAt: Date(timeIntervalSince1970: 1_745_395_800), version: 3, changes: ChangeSummary(),
                                    extractor: "2")
        let text = message.text
        #expect(text.hasSuffix("\nRedline-Extractor: 2\n"))
        #expect(text.contains("\n\nRedline-URL: https://example.com/a\nRedline-Captured-At: 2025-04-23T08:10:00Z\nRedline-Version: 3\n"))
        #expect(CommitMessage(parsing: text, fallbackTime: Date()) == message)
    }

    @Test func unknownArticleIsAnError() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = try TrackRepository.create(at: dir.child("track"))
        #expect(throws: StoreError.unknownArticle(slug: "live-blog")) { try repo.versions(of: slug) }
    }

    @Test func openingRefusesWhatIsNotARepository() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        #expect(throws: StoreError.noRepository(path: dir.child("none"))) { try TrackRepository.open(at: dir.child("none")) }
        FileManager.default.createFile(atPath: dir.child("file"), contents: Data("x".utf8))
        #expect(throws: StoreError.notADirectory(path: dir.child("file"))) { try TrackRepository.open(at: dir.child("file")) }
        try FileManager.default.createDirectory(atPath: dir.child("plain"), withIntermediateDirectories: false)
        #expect(throws: StoreError.notARepository(path: dir.child("plain"), isEmpty: true)) { try TrackRepository.open(at: dir.child("plain")) }
        #expect(throws: StoreError.notADirectory(path: dir.child("file"))) { try TrackRepository.create(at: dir.child("file")) }
    }

    @Test func aReadOnlyRepositoryIsRefusedAndUnchanged() throws {
        let dir = try TemporaryDirectory()
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.child("track"))
            dir.remove()
        }
        let repo = try TrackRepository.create(at: dir.child("track"))
        _ = try record(repo, "one", at: 0)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir.child("track"))
        #expect(throws: StoreError.readOnly(path: dir.child("track"))) { try record(repo, "two", at: 1) }
        #expect(try repo.versions(of: slug).count == 1)
    }

    /// Versions stay in time order: a capture older than the newest is refused under the
    /// article's lock, nothing stored; the same second is allowed; no time means now.
    @Test func aCaptureOlderThanTheNewestIsRefused() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = try TrackRepository.create(at: dir.child("track"))
        _ = try record(repo, "one", at: 7200)
        #expect(throws: StoreError.olderThanNewest(slug: "live-blog", capturedAt: Date(timeIntervalSince1970: 7199),
                                                   newest: 1, newestAt: Date(timeIntervalSince1970: 7200))) {
            try record(repo, "two", at: 7199)
        }
        #expect(try repo.versions(of: slug).count == 1)
        guard case .recorded(let same) = try record(repo, "two", at: 7200) else { Issue.record("not recorded"); return }
        #expect(same.number == 2)
        let before = Date().timeIntervalSince1970.rounded(.down)
        guard case .recorded(let now) = try repo.record(slug, capturedAt: nil, url: nil, prepare: { _ in pending("three") }) else {
            Issue.record("not recorded"); return
        }
        #expect(now.capturedAt.timeIntervalSince1970 >= before)
        #expect(now.capturedAt.timeIntervalSince1970 == now.capturedAt.timeIntervalSince1970.rounded(.down), "whole seconds, as stored")
        #expect(try repo.latest(of: slug)?.capturedAt == now.capturedAt)
    }

    /// Versions stored before `origins.txt` kept their block origins in `redline.json`.
    @Test func blockOriginsOfTheEarlierIndexAreStillRead() throws {
        let earlier = Data(#"{"keyEvents":[],"origins":"1:1 1:2 2:2","schemaVersion":1}"#.utf8)
        let index = try JSONDecoder().decode(VersionIndex.self, from: earlier)
        #expect(index.origins.flatMap(VersionIndex.origins) == [BlockOrigin(firstVersion: 1, lastChangedVersion: 1),
                                                              BlockOrigin(firstVersion: 1, lastChangedVersion: 2),
                                                              BlockOrigin(firstVersion: 2, lastChangedVersion: 2)])
        #expect(index.fieldOrigins == nil)
        let now = VersionIndex(keyEvents: [], fieldOrigins: [.title: BlockOrigin(firstVersion: 1, lastChangedVersion: 3)])
        #expect(String(decoding: now.data, as: UTF8.self) == #"{"fields":"title=1:3","keyEvents":[],"schemaVersion":1}"#)
        #expect(VersionIndex.origins(String(decoding: VersionIndex.originsData(index.origins.flatMap(VersionIndex.origins)!), as: UTF8.self))?.count == 3)
    }
}
