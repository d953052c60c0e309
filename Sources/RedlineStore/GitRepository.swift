import Foundation
internal import CLibGit2

/// A git repository, read and written through libgit2, whose handle is opened (and libgit2
/// loaded) on first need and freed when the last reference goes; a branch and its commits are
/// read from the files first (``GitFiles``), which is all `log` needs. Every value it hands out
/// is a copied Swift value (hex object ids, `Data`, `String`); no libgit2 pointer leaves this file.
final class GitRepository {
    let path: String
    private var opened: OpaquePointer?
    private(set) var files: GitFiles

    private init(path: String, handle: OpaquePointer?) {
        self.path = path
        opened = handle
        files = GitFiles(path: path)
    }

    deinit {
        files.close()
        if let opened { git_repository_free(opened) }
    }

    /// libgit2's handle on the repository, opened on first call.
    func handle() throws(GitError) -> OpaquePointer {
        if let opened { return opened }
        try startLibgit2()
        var out: OpaquePointer?
        try git("git_repository_open_bare", git_repository_open_bare(&out, path))
        opened = out
        return out!
    }

    /// Creates a bare repository at `path`, or opens the one already there.
    static func initBare(at path: String) throws(GitError) -> GitRepository {
        try startLibgit2()
        var out: OpaquePointer?
        try git("git_repository_init", git_repository_init(&out, path, 1))
        return GitRepository(path: path, handle: out!)
    }

    /// Opens the bare repository at exactly `path` (no search upwards). A folder that does not
    /// look like one is opened by libgit2 at once, so that its error says what is wrong.
    static func openBare(at path: String) throws(GitError) -> GitRepository {
        let repository = GitRepository(path: path, handle: nil)
        if !GitFiles.looksLikeRepository(path) { _ = try repository.handle() }
        return repository
    }

    // MARK: References

    /// The commit id `name` points at, or nil when there is no such reference.
    func target(ofReference name: String) throws(GitError) -> String? {
        switch try files.reference(name) {
        case .target(let id): return id
        case .absent: return nil
        case nil: break
        }
        var oid = git_oid()
        do {
            try git("git_reference_name_to_id", git_reference_name_to_id(&oid, try handle(), name))
        } catch where error.isNotFound {
            return nil
        }
        return oid.hex
    }

    /// The names of the references matching `glob` (`refs/heads/articles/*`).
    func referenceNames(matching glob: String) throws(GitError) -> [String] {
        var iterator: OpaquePointer?
        try git("git_reference_iterator_glob_new", git_reference_iterator_glob_new(&iterator, try handle(), glob))
        defer { git_reference_iterator_free(iterator) }
        var names: [String] = []
        while true {
            var name: UnsafePointer<CChar>?
            let code = git_reference_next_name(&name, iterator)
            if code == GIT_ITEROVER.rawValue { break }
            try git("git_reference_next_name", code)
            names.append(String(cString: name!))
        }
        return names
    }

    /// Points `name` at `commit` if it still points at `expected` (nil: if it does not exist yet).
    /// Throws a ``GitError`` whose `isConflict` is true when another writer got there first.
    func updateReference(_ name: String, to commit: String, expecting expected: String?, message: String) throws(GitError) {
        if let expected, try files.moveReference(name, to: commit, from: expected) { return }
        var new = try GitRepository.oid(commit)
        var ref: OpaquePointer?
        if let expected {
            var old = try GitRepository.oid(expected)
            try git("git_reference_create_matching",
                    git_reference_create_matching(&ref, try handle(), name, &new, 1, &old, message))
        } else {
            try git("git_reference_create", git_reference_create(&ref, try handle(), name, &new, 0, message))
        }
        git_reference_free(ref)
    }

    // MARK: Writing objects

    /// Stores `object` loose, as libgit2 writes loose objects. Throws unless libgit2 gives it the
    /// id it was made with.
    func write(_ object: GitObject) throws(GitError) {
        var oid = git_oid()
        try withObjectDatabase { database throws(GitError) in
            let code = object.content.withUnsafeBytes {
                git_odb_write(&oid, database, $0.baseAddress, $0.count, git_object_t(rawValue: Int32(object.type)))
            }
            try git("git_odb_write", code)
        }
        guard oid.hex == object.id else {
            throw GitError(function: "git_odb_write", code: -1, message: "\(object.id) was stored as \(oid.hex)")
        }
    }

    /// The commit times redline stores: from 1970 (git reads no time before it) to the end of
    /// year 9999 (the last a capture time can name).
    static let commitTimes = Date(timeIntervalSince1970: 0)...Date(timeIntervalSince1970: 253_402_300_799.999)

    // MARK: Reading objects

    /// What redline reads of a commit.
    struct CommitInfo {
        var id: String
        var parent: String?
        var time: Date
        var message: String
    }

    /// The commit `id`.
    func commit(_ id: String) throws(GitError) -> CommitInfo {
        if let read = try files.commit(id) { return read }
        try files.checkLoose(id)
        var oid = try GitRepository.oid(id)
        var commit: OpaquePointer?
        try git("git_commit_lookup", git_commit_lookup(&commit, try handle(), &oid))
        defer { git_commit_free(commit) }
        let parent = git_commit_parentcount(commit) > 0 ? git_commit_parent_id(commit, 0)?.pointee.hex : nil
        let message = git_commit_message(commit).map { String(cString: $0) } ?? ""
        return CommitInfo(id: id, parent: parent, time: Date(timeIntervalSince1970: TimeInterval(git_commit_time(commit))),
                          message: message)
    }

    /// The blob id and bytes (checked against that id by libgit2) of the file `name` at the top
    /// of commit `id`'s tree, nil when it has none.
    func file(named name: String, inCommit id: String) throws(GitError) -> (blob: String, content: Data)? {
        try withTree(ofCommit: id) { tree throws(GitError) -> (blob: String, content: Data)? in
            guard let entry = git_tree_entry_byname(tree, name), let blobID = git_tree_entry_id(entry) else { return nil }
            try files.checkLoose(blobID.pointee.hex)
            var blob: OpaquePointer?
            try git("git_blob_lookup", git_blob_lookup(&blob, try handle(), blobID))
            defer { git_blob_free(blob) }
            let size = Int(git_blob_rawsize(blob))
            guard size > 0, let bytes = git_blob_rawcontent(blob) else { return (blobID.pointee.hex, Data()) }
            return (blobID.pointee.hex, Data(bytes: bytes, count: size))
        }
    }

    /// The blob id of the file `name` at the top of commit `id`'s tree, nil when it has none.
    func blobID(named name: String, inCommit id: String) throws(GitError) -> String? {
        if let read = try files.files(inCommit: id) { return read[name] }
        return try withTree(ofCommit: id) { tree in
            git_tree_entry_byname(tree, name).flatMap { git_tree_entry_id($0)?.pointee.hex }
        }
    }

    /// The files at the top of commit `id`'s tree: name → blob id.
    func files(inCommit id: String) throws(GitError) -> [String: String] {
        if let read = try files.files(inCommit: id) { return read }
        return try withTree(ofCommit: id) { tree in
            var files: [String: String] = [:]
            for index in 0..<git_tree_entrycount(tree) {
                guard let entry = git_tree_entry_byindex(tree, index), let name = git_tree_entry_name(entry),
                      let blob = git_tree_entry_id(entry) else { continue }
                files[String(cString: name)] = blob.pointee.hex
            }
            return files
        }
    }

    /// The names of the files at the top of commit `id`'s tree.
    func fileNames(inCommit id: String) throws(GitError) -> [String] {
        try withTree(ofCommit: id) { tree in
            (0..<git_tree_entrycount(tree)).compactMap { index in
                git_tree_entry_byindex(tree, index).flatMap { git_tree_entry_name($0) }.map { String(cString: $0) }
            }
        }
    }

    /// The id `content` has as an object of `type`, by libgit2's SHA-1.
    static func hash(type: Int, content: [UInt8]) -> String {
        _ = try? startLibgit2()
        var oid = git_oid()
        _ = content.withUnsafeBytes { git_odb_hash(&oid, $0.baseAddress, $0.count, git_object_t(rawValue: Int32(type))) }
        return oid.hex
    }

    /// Runs `body` with the tree of commit `id`, freed as soon as `body` returns.
    private func withTree<T>(ofCommit id: String, _ body: (OpaquePointer?) throws(GitError) -> T) throws(GitError) -> T {
        try files.checkLoose(id)
        var oid = try GitRepository.oid(id)
        var commit: OpaquePointer?
        try git("git_commit_lookup", git_commit_lookup(&commit, try handle(), &oid))
        defer { git_commit_free(commit) }
        if let tree = git_commit_tree_id(commit) { try files.checkLoose(tree.pointee.hex) }
        var tree: OpaquePointer?
        try git("git_commit_tree", git_commit_tree(&tree, commit))
        defer { git_tree_free(tree) }
        return try body(tree)
    }

    // MARK: Object ids

    static func oid(_ hex: String) throws(GitError) -> git_oid {
        try startLibgit2()   // libgit2 may not be loaded yet (``handle()``)
        var oid = git_oid()
        try git("git_oid_fromstr", git_oid_fromstr(&oid, hex))
        return oid
    }
}

extension git_oid {
    /// The id as 40 lower-case hex digits.
    var hex: String {
        var copy = self
        var buffer = [CChar](repeating: 0, count: 41)
        git_oid_tostr(&buffer, 41, &copy)
        return String(decoding: buffer.prefix(40).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
