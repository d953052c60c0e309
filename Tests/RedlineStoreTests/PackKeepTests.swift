import Foundation
import RedlineModel
import Testing
@testable import RedlineStore

/// A capture in a pack is safe from `git repack -a -d` only while git has never seen that pack
/// without its `.keep`: git lists the packs it will replace when it starts, reads the branches
/// after, and at its end removes every pack it listed, kept by then or not (`unlink_pack_path`
/// with `force_delete`). So a capture must never go into a pack of a name that was on disk
/// unkept while the capture was not yet on its branch.
@Suite struct PackKeepTests {
    let slug = try! Slug("live-blog")
    let packing = PackAppendingTests()

    /// The branch's lock held by a git command for a moment (`git pack-refs`) makes the first try
    /// fail after the capture is packed; the capture is tried again in the same second, the
    /// same commit. The pack of the first try stays kept until the branch holds it: had it been
    /// let go, the second try would rewrite it to the same bytes, the same name, and a `git
    /// repack -a -d` that listed it in between would remove it with the new version in it.
    @Test func aCaptureTriedAgainNeverGoesIntoAPackGitListedUnkept() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = try TrackRepository.create(at: dir.child("track"))
        for i in 1...3 { try packing.record(repo, packing.page(i), at: Double(i * 60)) }
        let branchLock = "\(repo.path)/\(TrackRepository.reference(for: slug)).lock"
        let text = packing.page(4)
        let pending = StoredVersion(article: Article(title: text, blocks: [Block(.paragraph, text)]), source: Data(text.utf8),
                                    sourceFormat: .text, origins: [], subject: "capture 4", changes: nil, extractor: "test")
        var tries = 0
        var listed: [String] = []
        let repacked = dir.child("repacked")
        _ = try repo.record(slug, capturedAt: Date(timeIntervalSince1970: 240), url: nil) { previous in
            tries += 1
            if tries == 1 {
                #expect(FileManager.default.createFile(atPath: branchLock, contents: nil))
            } else if tries == 2 {
                unlink(branchLock)
                // `git repack -a -d` starts: it lists the packs without a `.keep`, reads the
                // branch (version 3) and packs what it reaches …
                listed = ObjectFiles(repository: repo.path).packs.filter { !$0.isKept }.map(\.name)
                _ = try packing.packing.git(repo.path, "rev-parse \(previous!.commit) | git --git-dir='\(repo.path)' " +
                                            "pack-objects --revs -q '\(repacked)'")
            }
            return pending
        }
        #expect(tries == 2)
        // … then puts its pack in place and removes every pack it listed.
        let folder = "\(repo.path)/objects/pack"
        for file in try FileManager.default.contentsOfDirectory(atPath: dir.path) where file.hasPrefix("repacked-") {
            try FileManager.default.moveItem(atPath: dir.child(file), toPath: "\(folder)/pack-\(file.dropFirst("repacked-".count))")
        }
        for name in listed { ObjectFiles.removePack(name, repository: repo.path) }

        let latest = try #require(try repo.latest(of: slug))
        #expect(latest.number == 4)
        #expect(try repo.article(at: latest)?.title == text)
        _ = try packing.packing.git(repo.path, "fsck --full --strict")
        // The second try took the packer's lock the first held: the capture was packed, not written loose.
        #expect(ObjectFiles(repository: repo.path).loose.isEmpty)
    }

    /// `git prune` removes `tmp_…` files in `objects/pack`, however new (`git gc --prune=now`):
    /// a pack being written is named so that it does not, or the capture would go loose.
    @Test func gitPruneLeavesAPackBeingWritten() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = try TrackRepository.create(at: dir.child("track"))
        try packing.record(repo, packing.page(1), at: 60)
        let writing = "\(repo.path)/objects/pack/\(PackWriter.temporaryPrefix)1_2"
        #expect(FileManager.default.createFile(atPath: writing, contents: Data("PACK".utf8)))
        _ = try packing.packing.git(repo.path, "prune --expire=now")
        #expect(FileManager.default.fileExists(atPath: writing))
    }

    /// A capture that meets another process packing goes into a kept pack of its own, without
    /// the packer's lock, never loose: loose, `git gc --prune=now` could delete it before its
    /// branch moved. The pack is not rewritten by the packer meanwhile, and its `.keep` goes
    /// once the branch holds it.
    @Test func aCaptureBesideAnotherPackerGoesIntoAKeptPackOfItsOwn() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = try TrackRepository.create(at: dir.child("track"))
        for i in 1...2 { try packing.record(repo, packing.page(i), at: Double(i * 60)) }
        let before = Set(ObjectFiles(repository: repo.path).packs.map(\.name))
        let held = try #require(try repo.packLock())   // another packer (another descriptor: flock refuses this one too)
        _ = try repo.record(slug, capturedAt: Date(timeIntervalSince1970: 180), url: nil) { _ in
            StoredVersion(article: Article(title: packing.page(3), blocks: [Block(.paragraph, packing.page(3))]),
                          source: Data(packing.page(3).utf8), sourceFormat: .text, origins: [], subject: "capture 3",
                          changes: nil, extractor: "test")
        }
        let files = ObjectFiles(repository: repo.path)
        withExtendedLifetime(held) {}
        #expect(files.loose.isEmpty, "written loose: \(files.loose.count) objects")
        #expect(Set(files.packs.map(\.name)).isSuperset(of: before), "a pack was rewritten without the packer's lock")
        #expect(files.packs.count == before.count + 1)
        #expect(files.packs.allSatisfy { !$0.isKept }, "a .keep was left after the branch moved")
        #expect(try repo.latest(of: slug)?.number == 3)
        _ = try packing.packing.git(repo.path, "fsck --full --strict")
    }
}

extension PackKeepTests {
    /// A capture that failed after writing its pack (its `.keep` let go, its branch not moved) is
    /// stored again later with the same time (`snap --at`, `replay`): the same objects, and the
    /// pack they would go into is the one the failed try left, the same bytes. Written under that
    /// name, a `git repack -a -d` that listed it unkept in between would remove it at its end,
    /// with the capture in it; so a capture never takes the name of a pack lying there unkept.
    @Test func aCaptureStoredAgainNeverTakesTheNameOfAnUnkeptPack() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = try TrackRepository.create(at: dir.child("track"))
        for i in 1...3 { try packing.record(repo, packing.page(i), at: Double(i * 60)) }
        // The failed try: capture 4 packed, as in a copy of the store, its branch left at 3.
        let copy = dir.child("copy")
        try FileManager.default.copyItem(atPath: repo.path, toPath: copy)
        try packing.record(try TrackRepository.open(at: copy), packing.page(4), at: 240)
        let folder = "\(repo.path)/objects/pack"
        let before = ObjectFiles(repository: repo.path).packs.map(\.name)
        let failed = try #require(ObjectFiles(repository: copy).packs.first?.name)
        for suffix in [".pack", ".idx"] { try FileManager.default.copyItem(atPath: "\(copy)/objects/pack/\(failed)\(suffix)", toPath: "\(folder)/\(failed)\(suffix)") }
        for name in before { ObjectFiles.removePack(name, repository: repo.path) }
        #expect(try repo.latest(of: slug)?.number == 3)
        // `git repack -a -d` starts and lists the unkept pack; capture 4 is stored again …
        let listed = ObjectFiles(repository: repo.path).packs.filter { !$0.isKept }.map(\.name)
        #expect(listed == [failed])
        try packing.record(repo, packing.page(4), at: 240)
        // … and git removes every pack it listed.
        for name in listed { ObjectFiles.removePack(name, repository: repo.path) }
        let latest = try #require(try repo.latest(of: slug))
        #expect(latest.number == 4)
        #expect(try repo.article(at: latest)?.title == packing.page(4))
        _ = try packing.packing.git(repo.path, "fsck --full --strict")
    }
}
