import Foundation
import Testing
@testable import RedlineStore

/// A capture's objects are made in memory (``GitObject``) with the ids git gives them.
@Suite struct GitObjectTests {
    @Test func idsAreGits() throws {
        #expect(GitObject(blob: Data("hello\n".utf8)).id == "ce013625030ba8dba906f756967f9e9ca394464a")   // git hash-object
        #expect(GitObject(blob: Data()).id == "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391")
        #expect(GitObject(tree: []).id == "4b825dc642cb6eb9a060e54bf8d69288fbee4904")
    }

    @Test func libgit2StoresThemUnderTheSameIds() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = try TrackRepository.create(at: dir.child("track"))
        let blob = GitObject(blob: Data("text\n".utf8))
        let tree = GitObject(tree: [(name: "b", blob: blob.id), (name: "a.md", blob: blob.id), (name: "a", blob: blob.id)])
        let commit = GitObject(commit: tree.id, parent: nil, message: "Version 1\n", name: "redline", email: "redline@localhost",
                               time: Date(timeIntervalSince1970: 7_258_118_400))   // 2200: past 32 bits
        for object in [blob, tree, commit] { try repo.git.write(object) }
        let listing = try PackingTests().git(repo.path, "ls-tree \(tree.id)")
        #expect(listing.split(separator: "\n").map { $0.split(separator: "\t").last! } == ["a", "a.md", "b"])
        #expect(try PackingTests().git(repo.path, "log -1 --format=%at \(commit.id)") == "7258118400\n")
        _ = try PackingTests().git(repo.path, "fsck --strict --no-dangling")
    }
}
