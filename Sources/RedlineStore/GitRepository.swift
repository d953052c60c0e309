import Foundation
internal import CLibGit2

/// A libgit2 repository handle, freed when the last reference goes. Every value it hands out
/// is a copied Swift value (hex object ids, `Data`, `String`); no libgit2 pointer leaves this file.
final class GitRepository {
    let handle: OpaquePointer

    private init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        git_repository_free(handle)
    }

    /// Creates a bare repository at `path`, or opens the one already there.
    static func initBare(at path: String) throws(GitError) -> GitRepository {
        try startLibgit2()
        var out: OpaquePointer?
        try git("git_repository_init", git_repository_init(&out, path, 1))
        return GitRepository(handle: out!)
    }

    /// Opens the bare repository at exactly `path` (no search upwards).
    static func openBare(at path: String) throws(GitError) -> GitRepository {
        try startLibgit2()
        var out: OpaquePointer?
        try git("git_repository_open_bare", git_repository_open_bare(&out, path))
        return GitRepository(handle: out!)
    }

    // MARK: References

    /// The commit id `name` points at, or nil when there is no such reference.
    func target(ofReference name: String) throws(GitError) -> String? {
        var oid = git_oid()
        do {
            try git("git_reference_name_to_id", git_reference_name_to_id(&oid, handle, name))
        } catch where error.isNotFound {
            return nil
        }
        return oid.hex
    }

    /// The names of the references matching `glob` (`refs/heads/articles/*`).
    func referenceNames(matching glob: String) throws(GitError) -> [String] {
        var iterator: OpaquePointer?
        try git("git_reference_iterator_glob_new", git_reference_iterator_glob_new(&iterator, handle, glob))
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
        var new = try GitRepository.oid(commit)
        var ref: OpaquePointer?
        if let expected {
            var old = try GitRepository.oid(expected)
            try git("git_reference_create_matching",
                    git_reference_create_matching(&ref, handle, name, &new, 1, &old, message))
        } else {
            try git("git_reference_create", git_reference_create(&ref, handle, name, &new, 0, message))
        }
        git_reference_free(ref)
    }

    // MARK: Writing objects

    /// Stores `data` as a blob and returns its id.
    func writeBlob(_ data: Data) throws(GitError) -> String {
        var oid = git_oid()
        let code = data.withUnsafeBytes { git_blob_create_from_buffer(&oid, handle, $0.baseAddress, $0.count) }
        try git("git_blob_create_from_buffer", code)
        return oid.hex
    }

    /// Stores a flat tree of regular files (`name` → blob id) and returns its id.
    func writeTree(_ files: [(name: String, blob: String)]) throws(GitError) -> String {
        var builder: OpaquePointer?
        try git("git_treebuilder_new", git_treebuilder_new(&builder, handle, nil))
        defer { git_treebuilder_free(builder) }
        for file in files {
            var blob = try GitRepository.oid(file.blob)
            try git("git_treebuilder_insert", git_treebuilder_insert(nil, builder, file.name, &blob, GIT_FILEMODE_BLOB))
        }
        var oid = git_oid()
        try git("git_treebuilder_write", git_treebuilder_write(&oid, builder))
        return oid.hex
    }

    /// The commit times redline stores: from 1970 (git reads no time before it) to the end of
    /// year 9999 (the last a capture time can name).
    static let commitTimes = Date(timeIntervalSince1970: 0)...Date(timeIntervalSince1970: 253_402_300_799.999)

    /// Stores a commit of `tree` on top of `parent` (nil for the first), authored and committed
    /// by `name <email>` at `time` (UTC, within ``commitTimes``), and returns its id. No
    /// reference is moved.
    ///
    /// The commit's text is written here, as `git_commit_create` writes it, and stored with
    /// `git_commit_create_with_signature` (no signature): libgit2 1.5.1 prints a signature's
    /// 64-bit `git_time_t` as `(unsigned)`, so through `git_commit_create` a time after
    /// 2106-02-07T06:28:15Z was stored wrapped round (2106-03-01 as 1970-01-22).
    func writeCommit(tree: String, parent: String?, message: String, name: String, email: String, time: Date) throws(GitError) -> String {
        guard Self.commitTimes.contains(time) else {
            throw GitError(function: "git_commit_create_with_signature", code: -1, message: "the time \(time) cannot be stored")
        }
        var treeID = try GitRepository.oid(tree)
        var treeObject: OpaquePointer?
        try git("git_tree_lookup", git_tree_lookup(&treeObject, handle, &treeID))   // both must exist
        git_tree_free(treeObject)
        if let parent {
            var parentID = try GitRepository.oid(parent)
            var parentObject: OpaquePointer?
            try git("git_commit_lookup", git_commit_lookup(&parentObject, handle, &parentID))
            git_commit_free(parentObject)
        }
        let person = "\(name) <\(email)> \(Int64(time.timeIntervalSince1970.rounded(.down))) +0000"
        var content = "tree \(tree)\n" + (parent.map { "parent \($0)\n" } ?? "")
        content += "author \(person)\ncommitter \(person)\nencoding UTF-8\n\n" + message
        var oid = git_oid()
        try git("git_commit_create_with_signature", git_commit_create_with_signature(&oid, handle, content, nil, nil))
        return oid.hex
    }

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
        var oid = try GitRepository.oid(id)
        var commit: OpaquePointer?
        try git("git_commit_lookup", git_commit_lookup(&commit, handle, &oid))
        defer { git_commit_free(commit) }
        let parent = git_commit_parentcount(commit) > 0 ? git_commit_parent_id(commit, 0)?.pointee.hex : nil
        let message = git_commit_message(commit).map { String(cString: $0) } ?? ""
        return CommitInfo(id: id, parent: parent, time: Date(timeIntervalSince1970: TimeInterval(git_commit_time(commit))),
                          message: message)
    }

    /// The bytes of the file `name` at the top of commit `id`'s tree, nil when it has none.
    func file(named name: String, inCommit id: String) throws(GitError) -> Data? {
        try withTree(ofCommit: id) { tree throws(GitError) -> Data? in
            guard let entry = git_tree_entry_byname(tree, name) else { return nil }
            var blob: OpaquePointer?
            try git("git_blob_lookup", git_blob_lookup(&blob, handle, git_tree_entry_id(entry)))
            defer { git_blob_free(blob) }
            let size = Int(git_blob_rawsize(blob))
            guard size > 0, let bytes = git_blob_rawcontent(blob) else { return Data() }
            return Data(bytes: bytes, count: size)
        }
    }

    /// The blob id of the file `name` at the top of commit `id`'s tree, nil when it has none.
    func blobID(named name: String, inCommit id: String) throws(GitError) -> String? {
        try withTree(ofCommit: id) { tree in
            git_tree_entry_byname(tree, name).flatMap { git_tree_entry_id($0)?.pointee.hex }
        }
    }

    /// The files at the top of commit `id`'s tree: name → blob id.
    func files(inCommit id: String) throws(GitError) -> [String: String] {
        try withTree(ofCommit: id) { tree in
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

    /// The id `data` has, or would have, as a blob.
    static func blobID(of data: Data) throws(GitError) -> String {
        try startLibgit2()
        var oid = git_oid()
        let code = data.withUnsafeBytes { git_odb_hash(&oid, $0.baseAddress, $0.count, GIT_OBJECT_BLOB) }
        try git("git_odb_hash", code)
        return oid.hex
    }

    /// Runs `body` with the tree of commit `id`, freed as soon as `body` returns.
    private func withTree<T>(ofCommit id: String, _ body: (OpaquePointer?) throws(GitError) -> T) throws(GitError) -> T {
        var oid = try GitRepository.oid(id)
        var commit: OpaquePointer?
        try git("git_commit_lookup", git_commit_lookup(&commit, handle, &oid))
        defer { git_commit_free(commit) }
        var tree: OpaquePointer?
        try git("git_commit_tree", git_commit_tree(&tree, commit))
        defer { git_tree_free(tree) }
        return try body(tree)
    }

    // MARK: Object ids

    static func oid(_ hex: String) throws(GitError) -> git_oid {
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
