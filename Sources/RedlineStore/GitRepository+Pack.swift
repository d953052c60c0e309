import Foundation
internal import CLibGit2

/// libgit2's pack builder and object listing, for ``TrackRepository/pack(everything:)``.
///
///     git.writePack(commits: ["3f2a…"], objects: ["3f2a…", "91bc…", …])
///         → "pack-5e0d…"   objects/pack/pack-5e0d….pack and .idx, both on disk
///
/// Commits go in with their trees and files, each file under its name (`source.html`,
/// `article.md`), so the builder sorts like with like and deltas each against its neighbours;
/// other objects go in as they are. libgit2 writes the pack under a temporary name
/// (`objects/pack/pack_git2_XXXXXX`) and renames it, and the index through a lock file, so a
/// reader never sees half a pack. Ctrl-C stops it without a trace (``PackingStop``).
extension GitRepository {
    /// Writes one pack holding `commits` (with their trees and files) and `objects` into
    /// `objects/pack`, and returns its name (`pack-<hash>`), whose `.pack` and `.idx` are then
    /// both in place. Throws an error that ``GitError/isPackingStopped`` when a stop was asked
    /// for while the pack was written (libgit2 has removed what it wrote).
    func writePack(commits: [String], objects: [String]) throws(GitError) -> String {
        PackingStop.begin()
        var builder: OpaquePointer?
        try git("git_packbuilder_new", git_packbuilder_new(&builder, try handle()))
        defer { git_packbuilder_free(builder) }
        git_packbuilder_set_threads(builder, 0)   // as many as there are cores
        // The delta search ends with a report of every object searched; the pack's file is
        // made right after it.
        try git("git_packbuilder_set_callbacks", git_packbuilder_set_callbacks(builder, { stage, current, total, _ in
            if stage == Int32(GIT_PACKBUILDER_DELTAFICATION.rawValue), current == total { PackingStop.beginWriting() }
            return 0
        }, nil))
        for commit in commits {
            var id = try GitRepository.oid(commit)
            try git("git_packbuilder_insert_recur", git_packbuilder_insert_recur(builder, &id, nil))
        }
        for object in objects {   // the builder skips what it holds already
            var id = try GitRepository.oid(object)
            try git("git_packbuilder_insert", git_packbuilder_insert(builder, &id, nil))
        }
        if git_packbuilder_object_count(builder) == 0 { PackingStop.beginWriting() }   // no search, so no report of its end
        do {
            // libgit2 calls this after each object it writes, and stops the write when it returns non-zero.
            try git("git_packbuilder_write", git_packbuilder_write(builder, nil, 0, { _, _ in
                PackingStop.isRequested ? GIT_EUSER.rawValue : 0
            }, nil))
        } catch {
            throw PackingStop.finish() ? GitError(function: "git_packbuilder_write", code: GIT_EUSER.rawValue, message: "stopped") : error
        }
        _ = PackingStop.finish()   // a stop asked for after the last object: the pack is whole, and kept
        guard let name = git_packbuilder_name(builder) else {
            throw GitError(function: "git_packbuilder_name", code: -1, message: "the pack written has no name")
        }
        return "pack-" + String(cString: name)
    }

    /// The commits reachable from any reference, newest first.
    func reachableCommits() throws(GitError) -> [String] {
        var walk: OpaquePointer?
        try git("git_revwalk_new", git_revwalk_new(&walk, try handle()))
        defer { git_revwalk_free(walk) }
        try git("git_revwalk_push_glob", git_revwalk_push_glob(walk, "refs/*"))
        var commits: [String] = []
        var oid = git_oid()
        while true {
            let code = git_revwalk_next(&oid, walk)
            if code == GIT_ITEROVER.rawValue { break }
            try git("git_revwalk_next", code)
            commits.append(oid.hex)
        }
        return commits
    }

    /// Of `ids`, the commits, in the order given (an object that cannot be read is left out).
    func commits(among ids: [String]) throws(GitError) -> [String] {
        guard !ids.isEmpty else { return [] }   // without opening the repository through libgit2
        return try withObjectDatabase { database in
            ids.filter { (try? Self.header($0, in: database))?.type == Int(GIT_OBJECT_COMMIT.rawValue) }
        }
    }

    /// Every object the repository holds, loose or packed, reachable or not.
    func allObjects() throws(GitError) -> [String] {
        final class Found { var ids: [String] = [] }
        let found = Found()
        try withObjectDatabase { database throws(GitError) in
            let code = git_odb_foreach(database, { id, payload in
                guard let id, let payload else { return 0 }
                Unmanaged<Found>.fromOpaque(payload).takeUnretainedValue().ids.append(id.pointee.hex)
                return 0
            }, Unmanaged.passUnretained(found).toOpaque())
            try git("git_odb_foreach", code)
        }
        return found.ids
    }

    /// The object `id`'s type (1 commit, 2 tree, 3 blob, 4 tag) and bytes, checked against its id.
    func object(_ id: String) throws(GitError) -> (type: Int, content: [UInt8]) {
        try files.checkLoose(id)
        return try withObjectDatabase { database throws(GitError) in
            try Self.read(id, from: database)
        }
    }

    /// Reads the type and size of each of `ids` from the pack whose index is `index` alone:
    /// throws unless every one is there.
    static func checkPack(_ index: String, finds ids: [String]) throws(GitError) {
        try withPackAlone(index) { database throws(GitError) in
            for id in ids { _ = try header(id, in: database) }
        }
    }

    /// Runs `body` with an object database that is the pack whose index is `index`, nothing else.
    private static func withPackAlone(_ index: String, _ body: (OpaquePointer?) throws(GitError) -> Void) throws(GitError) {
        try startLibgit2()
        var database: OpaquePointer?
        try git("git_odb_new", git_odb_new(&database))
        defer { git_odb_free(database) }
        var backend: OpaquePointer?
        try git("git_odb_backend_one_pack", git_odb_backend_one_pack(&backend, index))
        try git("git_odb_add_backend", git_odb_add_backend(database, backend, 1))
        try body(database)
    }

    /// The object `id`'s type and size, read from its header only.
    private static func header(_ id: String, in database: OpaquePointer?) throws(GitError) -> (type: Int, size: Int) {
        var oid = try GitRepository.oid(id)
        var size = 0
        var type = GIT_OBJECT_INVALID
        try git("git_odb_read_header", git_odb_read_header(&size, &type, database, &oid))
        return (Int(type.rawValue), size)
    }

    private static func read(_ id: String, from database: OpaquePointer?) throws(GitError) -> (type: Int, content: [UInt8]) {
        var oid = try GitRepository.oid(id)
        var object: OpaquePointer?
        try git("git_odb_read", git_odb_read(&object, database, &oid))
        defer { git_odb_object_free(object) }
        let size = git_odb_object_size(object)
        let bytes = git_odb_object_data(object)
        let content = size > 0 && bytes != nil ? [UInt8](UnsafeRawBufferPointer(start: bytes, count: size)) : []
        return (Int(git_odb_object_type(object).rawValue), content)
    }

    func withObjectDatabase<T>(_ body: (OpaquePointer?) throws(GitError) -> T) throws(GitError) -> T {
        var database: OpaquePointer?
        try git("git_repository_odb", git_repository_odb(&database, try handle()))
        defer { git_odb_free(database) }
        return try body(database)
    }
}
