import Foundation
import RedlineModel
import Testing
@testable import RedlineStore

/// Issue 17 (2, 3): the store packs itself, and a version's article is stored once, as `article.md`.
@Suite struct PackingTests {
    let slug = try! Slug("live-blog")

    func record(_ repo: TrackRepository, _ text: String, at seconds: TimeInterval) throws {
        let pending = StoredVersion(article: Article(title: text, blocks: [Block(.paragraph, text)]), source: Data(text.utf8), sourceFormat: .text,
                                    origins: [], subject: "capture \(text)", changes: nil, extractor: "test")
        _ = try repo.record(slug, capturedAt: Date(timeIntervalSince1970: seconds), url: nil) { _ in pending }
    }

    func git(_ repo: String, _ arguments: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "git --git-dir='\(repo)' \(arguments)"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments)")
        return String(decoding: output, as: UTF8.self)
    }

    @Test func gcPacksEverythingAndKeepsWhatNothingReferences() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = try TrackRepository.create(at: dir.child("track"))
        for i in 1...12 { try record(repo, "version \(i)", at: Double(i * 60)) }
        let orphan = GitObject(blob: Data("written by a writer that has not committed yet".utf8))
        try repo.git.write(orphan)
        let report = try #require(try repo.pack())
        #expect(report.objectsPacked == 12 * 4 + 1 + 1 + 1 + 1)   // commit, tree, source, article.md each; one redline.json, one origins.txt, one .gitattributes; the orphan
        #expect(report.packsReplaced == 0 || report.packsReplaced == 1)
        let files = ObjectFiles(repository: repo.path)
        #expect(files.loose.isEmpty && files.packs.count == 1)
        #expect(try git(repo.path, "cat-file -t \(orphan.id)") == "blob\n")
        #expect(try repo.versions(of: slug).count == 12)
        #expect(try repo.article(at: repo.latest(of: slug)!)?.title == "version 12")
        _ = try git(repo.path, "fsck --strict")
        #expect(try repo.pack()?.objectsPacked == 0)   // nothing left to pack
    }

    /// A capture goes straight into a pack; while another process packs, captures are written
    /// loose, and a capture packs them once they have settled (ten minutes: until then a writer
    /// may be between writing them and moving its branch).
    @Test func capturesPackThemselves() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = try TrackRepository.create(at: dir.child("track"))
        for i in 1...30 { try record(repo, "version \(i)", at: Double(i * 60)) }
        var files = ObjectFiles(repository: repo.path)
        #expect(files.loose.isEmpty && files.packs.count == 1 && !files.packs[0].isKept, "\(files)")
        repo.writesCapturesLoose = true   // as a store from before redline packed itself holds them
        for i in 31...60 { try record(repo, "version \(i)", at: Double(i * 60)) }
        repo.writesCapturesLoose = false
        files = ObjectFiles(repository: repo.path)
        #expect(files.loose.count >= TrackRepository.packThreshold && files.packs.count == 1)
        try record(repo, "version 61", at: 61 * 60)
        let young = ObjectFiles(repository: repo.path)
        #expect(young.loose.map(\.id) == files.loose.map(\.id) && young.packs.count == 1, "loose objects just written stay loose")
        let earlier = Date().addingTimeInterval(-660)
        for object in young.loose {
            try FileManager.default.setAttributes([.modificationDate: earlier],
                                                  ofItemAtPath: "\(repo.path)/objects/\(object.id.prefix(2))/\(object.id.dropFirst(2))")
        }
        try record(repo, "version 62", at: 62 * 60)
        files = ObjectFiles(repository: repo.path)
        #expect(files.loose.isEmpty && files.packs.count == 1 && !files.packs[0].isKept, "\(files)")
        #expect(try repo.versions(of: slug).count == 62)
        #expect(try repo.article(at: repo.latest(of: slug)!)?.title == "version 62")
        _ = try git(repo.path, "fsck --full --strict")
    }

    @Test func aNewPackTakesInThePacksLessThanTwiceWhatGoesInBeforeThem() {
        let packs = [("a", 5_000), ("b", 1_200), ("c", 300)].map { ObjectFiles.Pack(name: $0.0, bytes: 0, objects: $0.1) }
        #expect(TrackRepository.rollUp(loose: 100, packs: packs).isEmpty)   // 300 ≥ 2 × 100: a pack of its own
        #expect(TrackRepository.rollUp(loose: 200, packs: packs).map(\.name) == ["c"])
        #expect(TrackRepository.rollUp(loose: 500, packs: packs).map(\.name) == ["c", "b"])
        #expect(TrackRepository.rollUp(loose: 3_000, packs: packs).map(\.name) == ["c", "b", "a"])
        #expect(TrackRepository.rollUp(loose: 100, packs: []).isEmpty)
    }

    /// A version stored before issue 17 holds `article.json` (and an `article.md` that does not
    /// read back): the JSON is what is read.
    @Test func aVersionWithArticleJSONIsReadFromIt() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = try TrackRepository.create(at: dir.child("track"))
        try record(repo, "new form", at: 60)
        let json = StoredVersion.json(Article(title: "from JSON", url: "https://example.com"))
        let blob = GitObject(blob: json)
        try repo.git.write(blob)
        let tip = try #require(try repo.latest(of: slug))
        var files = try repo.fileNames(of: tip).map { (name: $0, blob: try repo.git.blobID(named: $0, inCommit: tip.commit)!) }
        files.append((name: "article.json", blob: blob.id))
        let tree = GitObject(tree: files)
        let commit = GitObject(commit: tree.id, parent: nil, message: "Version 1: legacy\n\nRedline-Version: 1\n",
                               name: "redline", email: "redline@localhost", time: Date(timeIntervalSince1970: 60))
        for object in [tree, commit] { try repo.git.write(object) }
        try repo.git.updateReference("refs/heads/articles/\(slug.value)", to: commit.id, expecting: tip.commit, message: "test")
        let legacy = try #require(try repo.latest(of: slug))
        #expect(try repo.article(at: legacy) == Article(title: "from JSON", url: "https://example.com"))
        #expect(try repo.versionsByArticle(of: slug).isEmpty)
    }
}

extension PackingTests {
    /// The files of removed packs this process still holds open (a long `watch` packs its own store).
    static func deletedPacksHeldOpen() -> Int {
        let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return fds.filter { fd in
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(fd)")) ?? ""
            return target.contains("/objects/pack/") && target.hasSuffix("(deleted)")
        }.count
    }

    @Test func aLongRunningWriterLetsGoOfThePacksItReplaced() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = try TrackRepository.create(at: dir.child("track"))
        for i in 1...400 {
            try record(repo, "version \(i) " + String(repeating: "text of the version \(i) ", count: 200), at: Double(i * 60))
            if i % 10 == 0 { for version in try repo.versions(of: slug).prefix(40) { _ = try repo.article(at: version) } }
        }
        #expect(Self.deletedPacksHeldOpen() <= 8)   // 15 before libgit2 was limited to 8 mapped packs
    }
}

extension PackingTests {
    /// A store where someone ran `git multi-pack-index write --bitmap`: a capture rewrites the
    /// pack the multi-pack-index lists, and git must still read the store (`fsck`, `gc`).
    @Test func aCaptureRemovesTheMultiPackIndexOfAPackItReplaces() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = try TrackRepository.create(at: dir.child("track"))
        for i in 1...3 { try record(repo, "version \(i) " + String(repeating: "text ", count: 50), at: Double(i * 60)) }
        _ = try git(repo.path, "multi-pack-index write --bitmap")
        #expect(FileManager.default.fileExists(atPath: "\(repo.path)/objects/pack/multi-pack-index"))
        try record(repo, "version 4 " + String(repeating: "text ", count: 50), at: 240)
        #expect(!FileManager.default.fileExists(atPath: "\(repo.path)/objects/pack/multi-pack-index"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(repo.path)/objects/pack").allSatisfy { !$0.hasPrefix("multi-pack-index") })
        _ = try git(repo.path, "fsck --full --strict")
        _ = try git(repo.path, "gc -q")
        #expect(try repo.versions(of: slug).count == 4)
    }
}

extension PackingTests {
    /// A multi-pack-index left naming a pack that is gone (a capture of a redline before the one
    /// above replaced it) is removed by `redline gc`; one that lists the packs there stays.
    @Test func gcRemovesAStaleMultiPackIndex() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = try TrackRepository.create(at: dir.child("track"))
        let index = "\(repo.path)/objects/pack/multi-pack-index"
        for i in 1...3 { try record(repo, "version \(i) " + String(repeating: "text ", count: 50), at: Double(i * 60)) }
        _ = try repo.pack()
        _ = try git(repo.path, "multi-pack-index write")
        _ = try repo.pack()   // one pack, nothing to do: the index lists what is there
        #expect(FileManager.default.fileExists(atPath: index))
        let stale = try Data(contentsOf: URL(fileURLWithPath: index))
        try record(repo, "version 4 " + String(repeating: "text ", count: 50), at: 240)
        try stale.write(to: URL(fileURLWithPath: index))   // as a capture that did not remove it left it
        _ = try repo.pack()
        #expect(!FileManager.default.fileExists(atPath: index))
        _ = try git(repo.path, "fsck --full --strict")
    }
}

extension PackingTests {
    /// An entry of the pack a capture would rewrite that no longer matches its CRC-32 is not
    /// copied into a new pack (whose checksum would hide the damage from `git fsck`): the pack is
    /// left as it is, the capture goes into a pack of its own, and the writer is told.
    @Test func aDamagedEntryIsNotCopiedIntoANewPack() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = try TrackRepository.create(at: dir.child("track"))
        let text = { (i: Int) in "version \(i) " + String(repeating: "text of version \(i) ", count: 200) }
        for i in 1...6 { try record(repo, text(i), at: Double(i * 60)) }
        let damaged = try damage(repo) { $0.type == PackWriter.deltaType && $0.range.count > 8 }   // an older version's delta
        let warnings = try recordWarnings(repo, text(7), at: 420)
        #expect(warnings.contains { $0.contains("damaged") && $0.contains(damaged.id) }, "\(warnings)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: damaged.path)) == Data(damaged.bytes), "the damaged pack was rewritten")
        #expect(ObjectFiles(repository: repo.path).packs.count == 2)
        #expect(try repo.latest(of: slug)?.number == 7)
    }

    /// Flips a byte in the middle of the first entry `chosen` picks in the repository's only pack,
    /// as damage on disk would: the pack file's path, its bytes as damaged, the entry's object.
    func damage(_ repo: TrackRepository, _ chosen: (PackedObjects.Entry) -> Bool) throws -> (path: String, bytes: [UInt8], id: String) {
        let name = try #require(ObjectFiles(repository: repo.path).packs.first?.name)
        let folder = "\(repo.path)/objects/pack"
        let pack = try #require(PackedObjects(name: name, folder: folder))
        let found = pack.entries.first(where: chosen)
        let entry = try #require(found)
        var bytes = pack.bytes
        bytes[entry.range.lowerBound + entry.range.count / 2] ^= 0x5A
        chmod("\(folder)/\(name).pack", 0o644)
        try Data(bytes).write(to: URL(fileURLWithPath: "\(folder)/\(name).pack"))
        return ("\(folder)/\(name).pack", bytes, entry.id)
    }

    /// Records `text` as the article's next version at `seconds`; the store's warnings.
    func recordWarnings(_ repo: TrackRepository, _ text: String, at seconds: TimeInterval) throws -> [String] {
        var warnings: [String] = []
        let pending = StoredVersion(article: Article(title: text, blocks: [Block(.paragraph, text)]), source: Data(text.utf8),
                                    sourceFormat: .text, origins: [], subject: "capture", changes: nil, extractor: "test")
        _ = try repo.record(slug, capturedAt: Date(timeIntervalSince1970: seconds), url: nil, packWarning: { warnings.append($0) }) { _ in pending }
        return warnings
    }
}
