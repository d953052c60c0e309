import Foundation
import RedlineModel
import Testing
@testable import RedlineStore

/// Issue 17: a capture's objects go into the pack holding the versions before them, newest
/// whole and older ones as deltas against it, and nothing packed already is deltified again.
@Suite struct PackAppendingTests {
    let slug = try! Slug("live-blog")
    let packing = PackingTests()

    /// A growing live blog: `count` entries, newest on top, each with a label that changes.
    func page(_ count: Int) -> String {
        (1...max(count, 1)).reversed().map { "<article><h2>Entry \($0)</h2><p>\(count - $0) minutes ago. " +
            String(repeating: "Text of entry \($0) told at length. ", count: 12) + "</p></article>" }.joined(separator: "\n")
    }

    func record(_ repo: TrackRepository, _ text: String, at seconds: TimeInterval) throws {
        try packing.record(repo, text, at: seconds)
    }

    /// Every entry of the pack `name` and how many deltas lead from it to a whole object.
    func depths(_ repo: TrackRepository, _ name: String) throws -> [String: Int] {
        let pack = try #require(PackedObjects(name: name, folder: "\(repo.path)/objects/pack"))   // every base in it
        var depths: [String: Int] = [:]
        for (position, entry) in pack.entries.enumerated() {
            var depth = 0
            var at = pack.basePositions[position]
            while let base = at, depth <= pack.entries.count {
                depth += 1
                at = pack.basePositions[base]
            }
            depths[entry.id] = depth
        }
        return depths
    }

    /// The base of `id` in the pack `name`, nil when it is whole there.
    func base(_ repo: TrackRepository, _ name: String, of id: String) throws -> String? {
        let pack = try #require(PackedObjects(name: name, folder: "\(repo.path)/objects/pack"))
        let position = try #require(pack.position(of: id))
        return pack.basePositions[position].map { pack.entries[$0].id }
    }

    /// A large page's new version is stored as a delta against the whole version before it (not
    /// compressed whole again), until it has drifted from that version by a sixteenth: then it is
    /// whole, and the old base a delta against it.
    @Test func largePagesAreStoredAheadOfTheirBase() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = try TrackRepository.create(at: dir.child("track"))
        var ahead = 0, wholeAgain = 0
        var texts: [String] = []
        var previousWhole: String?
        for i in 1...14 {
            // Past AppendPlan.aheadSize; every tenth capture rewrites the labels of every entry.
            let text = page(600 + i / 10) + (0..<i).map { " correction \($0)" }.joined()
            texts.append(text)
            try record(repo, text, at: Double(i * 60))
            _ = try repo.appendLoose(ObjectFiles(repository: repo.path))
            let files = ObjectFiles(repository: repo.path)
            #expect(files.loose.isEmpty && files.packs.count == 1)
            let pack = files.packs[0].name
            let newest = try #require(try repo.git.blobID(named: "source.txt", inCommit: repo.latest(of: slug)!.commit))
            if let base = try base(repo, pack, of: newest) {
                ahead += 1
                #expect(try self.base(repo, pack, of: base) == nil, "stored ahead of a whole version")
            } else if let previousWhole, previousWhole != newest, i > 1 {
                wholeAgain += 1
                #expect(try self.base(repo, pack, of: previousWhole) != nil, "the old base is a delta once the newest is whole")
            }
            previousWhole = try base(repo, pack, of: newest) ?? newest
        }
        #expect(ahead >= 8 && wholeAgain >= 1, "\(ahead) stored ahead, \(wholeAgain) whole again")
        _ = try packing.git(repo.path, "fsck --full --strict")
        for (n, version) in try repo.versions(of: slug).reversed().enumerated() {
            #expect(try repo.source(of: version)?.bytes == Data(texts[n].utf8))
            #expect(try repo.article(at: version)?.title == texts[n])
        }
        let packed = ObjectFiles(repository: repo.path).bytes
        let copy = dir.child("copy")
        try FileManager.default.copyItem(atPath: repo.path, toPath: copy)
        _ = try packing.git(copy, "gc -q")
        #expect(Double(packed) < 1.3 * Double(ObjectFiles(repository: copy).bytes))
    }

    @Test func capturesGoIntoOnePackWithTheNewestWhole() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = try TrackRepository.create(at: dir.child("track"))
        for i in 1...40 {
            try record(repo, page(i), at: Double(i * 60))
            _ = try repo.appendLoose(ObjectFiles(repository: repo.path))
        }
        let files = ObjectFiles(repository: repo.path)
        #expect(files.loose.isEmpty && files.packs.count == 1)
        let newest = try #require(try repo.git.blobID(named: "source.txt", inCommit: repo.latest(of: slug)!.commit))
        let depths = try depths(repo, files.packs[0].name)
        #expect(depths[newest] == 0)
        #expect(depths.values.filter { $0 > 0 }.count > 40)   // the older versions are deltas
        _ = try packing.git(repo.path, "fsck --full --strict")
        for (n, version) in try repo.versions(of: slug).reversed().enumerated() {
            #expect(try repo.article(at: version)?.title == page(n + 1))
        }
        // As small as git makes it.
        let packed = files.bytes
        let copy = dir.child("copy")
        try FileManager.default.copyItem(atPath: repo.path, toPath: copy)
        _ = try packing.git(copy, "gc -q")
        #expect(Double(packed) < 1.3 * Double(ObjectFiles(repository: copy).bytes))
    }

    /// A large page come back as it was, through captures packed later (written loose, then
    /// settled): its old whole version, the base the versions between were stored ahead of, must
    /// not become a delta against a version that is itself a delta against it (found by a trial:
    /// a delta cycle, on which libgit2 and git loop for ever, and every later read hung).
    @Test func aPageComeBackAsItWasMakesNoCycle() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = try TrackRepository.create(at: dir.child("track"))
        // v2 stored ahead of v1; v3 far from both; v4 is v1 again.
        let pages = [page(600), page(600) + " a correction", page(900), page(600), page(950)]
        try record(repo, pages[0], at: 60)
        try record(repo, pages[1], at: 120)
        repo.writesCapturesLoose = true
        try record(repo, pages[2], at: 180)
        try record(repo, pages[3], at: 240)
        repo.writesCapturesLoose = false
        let settled = Date().addingTimeInterval(-11 * 60)
        for loose in ObjectFiles(repository: repo.path).loose {
            try FileManager.default.setAttributes([.modificationDate: settled], ofItemAtPath: ObjectFiles.loosePath(loose.id, repository: repo.path))
        }
        try record(repo, pages[4], at: 300)
        let files = ObjectFiles(repository: repo.path)
        // Into the one pack (a pack with a cycle fails its reading back, and the capture went
        // into a pack of its own), and no entry's chain goes round.
        #expect(files.loose.isEmpty && files.packs.count == 1)
        let pack = try #require(PackedObjects(name: files.packs[0].name, folder: "\(repo.path)/objects/pack"))
        #expect(pack.entries.indices.allSatisfy { pack.wholeEnd(of: $0) != nil })
        _ = try packing.git(repo.path, "fsck --full --strict")
        for (n, version) in try repo.versions(of: slug).reversed().enumerated() {
            #expect(try repo.source(of: version)?.bytes == Data(pages[n].utf8), "version \(n + 1)")
        }
    }

    /// A capture packed with settled loose objects it shares (the same `.gitattributes` in every
    /// version, a page captured again) writes each object once (found by a trial: git's
    /// `verify-pack` refused the pack, and the two copies' bases could make a cycle only git saw).
    @Test func anObjectBothLooseAndCapturedIsPackedOnce() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = try TrackRepository.create(at: dir.child("track"))
        repo.writesCapturesLoose = true
        try record(repo, page(600), at: 60)
        repo.writesCapturesLoose = false
        let settled = Date().addingTimeInterval(-11 * 60)
        for loose in ObjectFiles(repository: repo.path).loose {
            try FileManager.default.setAttributes([.modificationDate: settled], ofItemAtPath: ObjectFiles.loosePath(loose.id, repository: repo.path))
        }
        try record(repo, page(600) + " a correction", at: 120)
        try record(repo, page(600), at: 180)   // the first version's page again
        let files = ObjectFiles(repository: repo.path)
        #expect(files.loose.isEmpty && files.packs.count == 1)
        let index = try #require(GitFiles.bytes(of: "\(repo.path)/objects/pack/\(files.packs[0].name).idx").flatMap(PackIndex.init))
        #expect(Set(index.entries.map(\.id)).count == index.entries.count, "an object packed twice")
        _ = try packing.git(repo.path, "verify-pack '\(repo.path)/objects/pack/\(files.packs[0].name).idx'")
        _ = try packing.git(repo.path, "fsck --full --strict")
    }

    /// The whole version a large page is stored ahead of, damaged in the pack: the capture says
    /// so (as for any damaged entry it would copy), leaves that pack as it is, and is stored.
    @Test func aDamagedBaseIsReported() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = try TrackRepository.create(at: dir.child("track"))
        try record(repo, page(600), at: 60)
        try record(repo, page(601), at: 120)
        let base = try packing.damage(repo) { $0.type == 3 && $0.range.count > 1 << 14 }   // the whole page the newest is ahead of
        let text = page(602)
        let warnings = try packing.recordWarnings(repo, text, at: 180)
        #expect(warnings.contains { $0.contains("damaged") && $0.contains(base.id) }, "\(warnings)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: base.path)) == Data(base.bytes), "the damaged pack was rewritten")
        #expect(try repo.latest(of: slug)?.number == 3)
        let newest = try #require(try repo.latest(of: slug))
        #expect(try repo.source(of: newest)?.bytes == Data(text.utf8))
    }

    @Test func longChainsAreCutShort() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = try TrackRepository.create(at: dir.child("track"))
        for i in 1...(TrackRepository.maxDepth + 30) {
            try record(repo, page(i % 7 + 1) + " capture \(i)", at: Double(i * 60))
            _ = try repo.appendLoose(ObjectFiles(repository: repo.path))
        }
        let files = ObjectFiles(repository: repo.path)
        #expect(files.packs.count == 1)
        #expect(try depths(repo, files.packs[0].name).values.max()! <= TrackRepository.maxDepth)
        _ = try packing.git(repo.path, "fsck --full --strict")
    }

    @Test func aFileThatGoesBackToAnEarlierVersionIsNoCycle() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = try TrackRepository.create(at: dir.child("track"))
        for (i, text) in [page(3), page(4), page(3), page(4), page(5)].enumerated() {
            try record(repo, text, at: Double(i * 60 + 60))
            _ = try repo.appendLoose(ObjectFiles(repository: repo.path))
        }
        try record(repo, page(3), at: 600)   // several loose versions at once, back and forth
        try record(repo, page(4), at: 660)
        _ = try repo.appendLoose(ObjectFiles(repository: repo.path))
        _ = try packing.git(repo.path, "fsck --full --strict")
        #expect(try repo.versions(of: slug).map { try repo.article(at: $0)?.title } == [4, 3, 5, 4, 3, 4, 3].map(page))
    }

    /// A watcher of one article keeps its last pack and page between captures: the next capture
    /// rewrites that pack from memory (no read) while it is the file of that name, and reads the
    /// pack again once another process replaced it; either way the history is whole.
    @Test func theLastCaptureKeptIsUsedOnlyWhileItsPackIsThere() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = try TrackRepository.create(at: dir.child("track"))
        repo.keepLastCapture()
        for i in 1...4 { try record(repo, page(i), at: Double(i * 60)) }
        let kept = try #require(repo.lastCapture?.pack)
        let packs = ObjectFiles(repository: repo.path).packs
        #expect(packs.map(\.name) == [kept.name])
        #expect(repo.lastCapture?.page?.content.count ?? 0 > 1_000)
        _ = try packing.git(repo.path, "repack -a -d -f -q")   // another pack, other bytes, another name
        #expect(ObjectFiles(repository: repo.path).packs.map(\.name) != [kept.name])
        for i in 5...7 { try record(repo, page(i), at: Double(i * 60)) }
        _ = try packing.git(repo.path, "fsck --full --strict")
        #expect(try repo.versions(of: slug).map { try repo.article(at: $0)?.title } == (1...7).reversed().map(page))
        #expect(ObjectFiles(repository: repo.path).loose.isEmpty)
    }

    @Test func aPackWithDeltasByOffsetIsLeftToLibgit2() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = try TrackRepository.create(at: dir.child("track"))
        for i in 1...6 { try record(repo, page(i), at: Double(i * 60)) }
        _ = try packing.git(repo.path, "gc -q")   // git writes deltas by offset
        // Written loose, as a store from before redline packed itself holds captures.
        repo.writesCapturesLoose = true
        try record(repo, page(7), at: 420)
        var files = ObjectFiles(repository: repo.path)
        #expect(!files.loose.isEmpty)
        files.loose = files.loose.map { var settled = $0; settled.isSettled = true; return settled }
        #expect(try repo.appendLoose(files) == nil)
        #expect(try repo.versions(of: slug).count == 7)
    }
}

extension PackAppendingTests {
    @Test func packsThatPileUpAreMergedEntryForEntry() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = try TrackRepository.create(at: dir.child("track"))
        let slugs = try (1...TrackRepository.maxPacks).map { try Slug("blog-\($0)") }
        for round in 1...2 {   // each article's first versions go into a pack of their own
            for slug in slugs {
                let text = page(round) + slug.description
                let pending = StoredVersion(article: Article(title: text, blocks: [Block(.paragraph, text)]), source: Data(text.utf8),
                                            sourceFormat: .text, origins: [], subject: "capture", changes: nil, extractor: "test")
                _ = try repo.record(slug, capturedAt: Date(timeIntervalSince1970: Double(round * 60)), url: nil) { _ in pending }
                if round == 1 { _ = try repo.appendLoose(ObjectFiles(repository: repo.path)) }
            }
        }
        let before = ObjectFiles(repository: repo.path)
        #expect(before.packs.count == TrackRepository.maxPacks)
        let report = try #require(try repo.mergePacks(before))
        #expect(report.packsReplaced == TrackRepository.maxPacks)
        #expect(ObjectFiles(repository: repo.path).packs.count == 1)
        _ = try repo.appendLoose(ObjectFiles(repository: repo.path))   // the second versions, into the merged pack
        let after = ObjectFiles(repository: repo.path)
        #expect(after.packs.count == 1 && after.loose.isEmpty)
        _ = try packing.git(repo.path, "fsck --full --strict")
        for slug in slugs {
            #expect(try repo.versions(of: slug).map { try repo.article(at: $0)?.title } == [page(2), page(1)].map { $0 + slug.description })
        }
    }
}

extension PackAppendingTests {
    /// A writer or packer killed mid-write leaves a half-written loose object or a pack without
    /// its index; packing clears them once they are ten minutes old (a live writer's are newer).
    /// A writer killed after writing the new pack and before removing the one it rewrote leaves
    /// the history in two packs: the next capture's packing removes the one its pack holds whole.
    @Test func aPackTheNewOneHoldsWholeIsRemoved() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = try TrackRepository.create(at: dir.child("track"))
        for i in 1...3 { try record(repo, page(i), at: Double(i * 60)) }
        let folder = "\(repo.path)/objects/pack"
        let old = try #require(ObjectFiles(repository: repo.path).packs.first).name
        for suffix in [".pack", ".idx"] { try FileManager.default.copyItem(atPath: "\(folder)/\(old)\(suffix)", toPath: dir.child(suffix)) }
        try record(repo, page(4), at: 240)
        for suffix in [".pack", ".idx"] { try FileManager.default.copyItem(atPath: dir.child(suffix), toPath: "\(folder)/\(old)\(suffix)") }
        #expect(ObjectFiles(repository: repo.path).packs.count == 2)
        try record(repo, page(5), at: 300)
        #expect(ObjectFiles(repository: repo.path).packs.count == 1)
        #expect(try repo.versions(of: slug).map { try repo.article(at: $0)?.title } == [5, 4, 3, 2, 1].map(page))
        _ = try packing.git(repo.path, "fsck --full --strict")
    }

    @Test func whatKilledWritersLeftIsClearedOnceStale() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = try TrackRepository.create(at: dir.child("track"))
        try record(repo, page(1), at: 60)
        let objects = "\(repo.path)/objects"
        let stale = ["\(objects)/tmp_object_git2_a1B2c3", "\(objects)/pack/pack-0123456789012345678901234567890123456789.pack",
                     "\(objects)/pack/.tmp-redline-1_2", "\(objects)/pack/pack_git2_b6dfe6d79cbe3bcd"]
        let fresh = ["\(objects)/tmp_object_git2_d4E5f6", "\(objects)/pack/pack-9876543210987654321098765432109876543210.pack",
                     "\(objects)/pack/pack_git2_0123456789abcdef"]
        for file in stale + fresh { _ = FileManager.default.createFile(atPath: file, contents: Data("half".utf8)) }
        let hourAgo = Date().addingTimeInterval(-3600)
        for file in stale { try FileManager.default.setAttributes([.modificationDate: hourAgo], ofItemAtPath: file) }
        _ = try #require(try repo.pack())
        for file in stale { #expect(!FileManager.default.fileExists(atPath: file), "\(file)") }
        for file in fresh { #expect(FileManager.default.fileExists(atPath: file), "\(file)") }
        #expect(try repo.versions(of: slug).count == 1)
    }
}
