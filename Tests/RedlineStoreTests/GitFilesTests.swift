import Foundation
import Testing
import RedlineModel
internal import CLibGit2
@testable import RedlineStore

/// ``GitFiles`` reads a branch and its commits from the repository's files as git does, wherever
/// git keeps them, and leaves to libgit2 what it does not read.
@Suite struct GitFilesTests {
    let store = TrackRepositoryTests()
    let branch = "refs/heads/articles/live-blog"

    @Test func readsWhatGitHolds() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = try TrackRepository.create(at: dir.child("track"))
        for n in 1...6 { _ = try store.record(repo, "version \(n)", at: 1_745_395_800 + 60 * Double(n)) }
        let git = PackingTests()

        /// Every commit of the branch as git prints it, and as GitFiles reads it (nil: not read).
        func compare(_ stage: String, mustRead: Bool) throws {
            var files = GitFiles(path: repo.path)
            defer { files.close() }
            let tip = try git.git(repo.path, "rev-parse \(branch)").trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(try files.reference(branch) == .target(tip), "\(stage)")
            for id in try git.git(repo.path, "rev-list \(branch)").split(separator: "\n").map(String.init) {
                let fields = try git.git(repo.path, "log -1 --format='%P|%ct' \(id)").trimmingCharacters(in: .newlines).split(separator: "|", omittingEmptySubsequences: false)
                let raw = try git.git(repo.path, "cat-file commit \(id)")
                let message = String(raw[raw.range(of: "\n\n")!.upperBound...])
                guard let commit = try files.commit(id) else {
                    #expect(!mustRead, "\(stage): \(id) was left to libgit2")
                    continue
                }
                #expect(commit.parent == fields[0].split(separator: " ").first.map(String.init), "\(stage)")
                #expect(commit.time == Date(timeIntervalSince1970: TimeInterval(fields[1])!), "\(stage)")
                #expect(commit.message == message, "\(stage)")
                // The files of its tree, as git lists them.
                let listed = try git.git(repo.path, "ls-tree \(id)").split(separator: "\n").map { line in
                    let parts = line.split(separator: "\t")
                    return (String(parts[1]), String(parts[0].split(separator: " ")[2]))
                }
                let read = try files.files(inCommit: id)
                #expect(read == Dictionary(uniqueKeysWithValues: listed) || read == nil && !mustRead, "\(stage): \(String(describing: read))")
            }
        }

        try compare("in redline's pack", mustRead: true)
        _ = try git.git(repo.path, "gc --quiet --aggressive")   // git's pack, deltas by offset, the branch in packed-refs
        #expect(!FileManager.default.fileExists(atPath: "\(repo.path)/\(branch)"))
        try compare("after git gc", mustRead: false)
        let packs = "\(repo.path)/objects/pack"
        for file in try FileManager.default.contentsOfDirectory(atPath: packs) where file.hasSuffix(".pack") {
            let moved = dir.child(file)
            try FileManager.default.moveItem(atPath: "\(packs)/\(file)", toPath: moved)
            try FileManager.default.removeItem(atPath: "\(packs)/\(file.dropLast(5)).idx")
            _ = try git.git(repo.path, "unpack-objects -q < '\(moved)'")
        }
        try compare("loose", mustRead: true)
    }

    @Test func leavesToLibgit2WhatItDoesNotRead() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = try TrackRepository.create(at: dir.child("track"))
        _ = try store.record(repo, "version 1", at: 1_745_395_800)
        var files = GitFiles(path: repo.path)
        defer { files.close() }
        #expect(try files.reference("refs/heads/articles/none") == .absent)
        try "ref: \(branch)\n".write(toFile: "\(repo.path)/refs/heads/alias", atomically: true, encoding: .utf8)
        #expect(try files.reference("refs/heads/alias") == nil)   // symbolic: libgit2's
        #expect(try repo.git.target(ofReference: "refs/heads/alias") == repo.git.target(ofReference: branch))
        #expect(try files.commit("0123456789012345678901234567890123456789") == nil)
        #expect(try files.commit("not an id") == nil)
        #expect(GitFiles.looksLikeRepository(repo.path) && !GitFiles.looksLikeRepository(dir.path))
    }

    /// A branch moves as git moves one: under its lock file, compared first, flushed; a branch
    /// another moved, or whose lock another holds, is a conflict (retried by the capture); a
    /// branch with a reflog, or packed into `packed-refs` only, is moved as libgit2 moves it.
    @Test func movesABranchAsGitDoes() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = try TrackRepository.create(at: dir.child("track"))
        _ = try store.record(repo, "version 1", at: 1_745_395_800)
        let first = try #require(try repo.git.target(ofReference: branch))
        _ = try store.record(repo, "version 2", at: 1_745_395_860)
        let second = try #require(try repo.git.target(ofReference: branch))
        let files = GitFiles(path: repo.path)
        #expect(try files.moveReference(branch, to: first, from: second))
        #expect(try files.reference(branch) == .target(first))
        #expect(!FileManager.default.fileExists(atPath: "\(repo.path)/\(branch).lock"))
        _ = try PackingTests().git(repo.path, "fsck --strict")
        // Moved meanwhile: a conflict, and the branch left as it is.
        do {
            _ = try files.moveReference(branch, to: second, from: second)
            Issue.record("a branch that moved was moved again")
        } catch {
            #expect(error.isConflict && error.code == GIT_EMODIFIED.rawValue)
        }
        #expect(try files.reference(branch) == .target(first))
        // Locked by another: a conflict; the lock is left to its owner.
        _ = FileManager.default.createFile(atPath: "\(repo.path)/\(branch).lock", contents: Data())
        do {
            _ = try files.moveReference(branch, to: second, from: first)
            Issue.record("a locked branch was moved")
        } catch {
            #expect(error.isConflict && error.code == GIT_ELOCKED.rawValue)
        }
        #expect(FileManager.default.fileExists(atPath: "\(repo.path)/\(branch).lock"))
        try FileManager.default.removeItem(atPath: "\(repo.path)/\(branch).lock")
        // Logged: libgit2's to move (it knows when to write the log).
        try FileManager.default.createDirectory(atPath: "\(repo.path)/logs/refs/heads/articles", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: "\(repo.path)/logs/\(branch)", contents: Data())
        #expect(try !files.moveReference(branch, to: second, from: first))
        try repo.git.updateReference(branch, to: second, expecting: first, message: "test")
        #expect(try files.reference(branch) == .target(second))
        try FileManager.default.removeItem(atPath: "\(repo.path)/logs")
        // Packed by git: the branch read from packed-refs, and a loose file written over it.
        _ = try PackingTests().git(repo.path, "pack-refs --all")
        #expect(!FileManager.default.fileExists(atPath: "\(repo.path)/\(branch)"))
        #expect(try files.moveReference(branch, to: first, from: second))
        #expect(try PackingTests().git(repo.path, "rev-parse \(branch)").hasPrefix(first))
    }

    /// An article's branch made a symbolic reference to another by hand: a capture says so at
    /// once and stores nothing (libgit2 refused the move as a conflict, tried for a minute and
    /// then said the branch was locked; found by a trial).
    @Test func aSymbolicBranchIsRefusedAtOnce() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = try TrackRepository.create(at: dir.child("track"))
        _ = try store.record(repo, "version 1", at: 1_745_395_800)
        let other = "refs/heads/articles/other"
        _ = try PackingTests().git(repo.path, "symbolic-ref \(other) \(branch)")
        let started = Date()
        do {
            _ = try repo.record(try Slug("other"), capturedAt: Date(timeIntervalSince1970: 1_745_395_860), url: nil) { _ in
                store.pending("version 2")
            }
            Issue.record("a capture was stored through a symbolic branch")
        } catch let error as StoreError {
            #expect("\(error)".contains("is a symbolic reference to \(branch)"), "\(error)")
        }
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(try repo.git.target(ofReference: branch) != nil && (try repo.versions(of: store.slug)).count == 1)
    }

    /// A capture after the packs were listed writes a new pack and removes the old: the packs are
    /// listed again, and the removed one is let go.
    @Test func seesPacksWrittenSince() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = try TrackRepository.create(at: dir.child("track"))
        _ = try store.record(repo, "version 1", at: 1_745_395_800)
        var files = GitFiles(path: repo.path)
        defer { files.close() }
        guard case .target(let first) = try files.reference(branch) else { Issue.record("no branch"); return }
        #expect(try files.commit(first) != nil)
        _ = try store.record(repo, "version 2", at: 1_745_395_860)
        guard case .target(let second) = try files.reference(branch) else { Issue.record("no branch"); return }
        #expect(second != first)
        #expect(try files.commit(second)?.parent == first)
        /// The files open under the repository that are no longer there (libgit2 may hold some).
        func removedButOpen() -> [String] {
            let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
            return open.compactMap { try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\($0)") }
                .filter { $0.hasPrefix(repo.path) && $0.hasSuffix("(deleted)") }
        }
        let held = removedButOpen()
        files.close()
        #expect(removedButOpen() == held, "GitFiles held a removed pack open")
    }
}
