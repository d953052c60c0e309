import Foundation
internal import CLibGit2

/// A branch and its commits read straight from the repository's files, as git itself reads them:
/// the branch's file (or its line in `packed-refs`) and each commit object, loose
/// (`objects/ab/cdef…`, one zlib stream) or whole in a pack (found through the pack's index).
///
///     refs/heads/articles/day   "9fceb02d0ae598e95dc970b74767f19372d61af8\n"
///     objects/9f/ceb02d…        zlib("commit 233\0tree …\nparent …\ncommitter redline <…> 1601971200 +0000\n\n…")
///
/// That is all `redline log` reads, and reading it so spares loading libgit2 and its fifteen
/// libraries, half of `log` on a small repository. Whatever else it meets — a symbolic
/// reference, a commit stored as a delta, an object it does not find, a file it cannot read — it
/// leaves to libgit2 (nil), which reads it as it always did.
struct GitFiles {
    let path: String
    /// The packs' index files, read on first need and looked up as they are (``PackIndex/entry(_:inIndex:)``),
    /// and their pack files, open until ``close()``.
    private var packs: [(file: Int32, index: [UInt8])]?

    init(path: String) {
        self.path = path
    }

    /// True when `path` is a folder as libgit2 opens one as a bare repository: a `HEAD` file, the
    /// `objects` and `refs` folders, owned by this user. Anything else is left to libgit2 to judge.
    static func looksLikeRepository(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, info.st_uid == geteuid() else { return false }
        return kind(of: "\(path)/HEAD") == S_IFREG && kind(of: "\(path)/objects") == S_IFDIR && kind(of: "\(path)/refs") == S_IFDIR
    }

    private static func kind(of path: String) -> mode_t? {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
    }

    enum Reference: Equatable {
        case target(String)
        case absent
    }

    /// Where the reference `name` (`refs/heads/articles/day`) points; nil when libgit2 must say.
    /// Throws for a reference that is neither a file nor a folder (a FIFO would hang libgit2).
    func reference(_ name: String) throws(GitError) -> Reference? {
        switch try Self.contents(of: "\(path)/\(name)") {
        case .contents(let bytes):
            guard bytes.count == 41, bytes[40] == 0x0A, let id = Self.hexID(bytes[0..<40]) else { return nil }
            return .target(id)
        case .missing:
            break
        case .unreadable:
            return nil
        }
        switch try Self.contents(of: "\(path)/packed-refs") {
        case .contents(let bytes):
            let wanted = Array(name.utf8)
            for line in bytes.split(separator: 0x0A) where line.count == 41 + wanted.count && line[line.startIndex + 40] == 0x20 {
                if line.suffix(wanted.count).elementsEqual(wanted) { return Self.hexID(line.prefix(40)).map(Reference.target) }
            }
            return .absent
        case .missing:
            return .absent
        case .unreadable:
            return nil
        }
    }

    /// What the reference `name` names when it is a symbolic reference (`ref: refs/heads/…`),
    /// nil otherwise.
    func symbolicTarget(_ name: String) -> String? {
        guard case .contents(let bytes)? = try? Self.contents(of: "\(path)/\(name)"), bytes.starts(with: "ref: ".utf8) else { return nil }
        return String(decoding: bytes.dropFirst(5), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Moves the branch `name` from `expected` to `commit` as git and libgit2 do: its lock file
    /// (`name.lock`) made, failing if another holds it; the branch read again under the lock and
    /// compared; the new id written and flushed; the lock renamed over the branch and the folder
    /// flushed. False, with nothing done, when this is libgit2's to do: the branch is read another
    /// way (symbolic, unreadable), or its updates are logged (a reflog kept for it, or
    /// `logAllRefUpdates` in a configuration libgit2 reads). A conflict throws as libgit2's does
    /// (``GitError/isConflict``): the lock held (`GIT_ELOCKED`), the branch moved (`GIT_EMODIFIED`).
    func moveReference(_ name: String, to commit: String, from expected: String) throws(GitError) -> Bool {
        guard ObjectID.isHex(commit.utf8), ObjectID.isHex(expected.utf8), !Self.logsUpdates(of: name, in: path) else { return false }
        let file = "\(path)/\(name)", lock = file + ".lock"
        var descriptor = open(lock, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        if descriptor < 0, errno == ENOENT {
            // Its folder removed by `git pack-refs` (the branch only in packed-refs): made again, as git does.
            try? FileManager.default.createDirectory(atPath: (lock as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            descriptor = open(lock, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        }
        guard descriptor >= 0 else {
            guard errno == EEXIST else { return false }   // a folder missing, a permission: libgit2 says what
            throw GitError(function: "git_reference_create_matching", code: GIT_ELOCKED.rawValue,
                           message: "failed to lock file '\(lock)' for writing: the reference is locked")
        }
        var placed = false
        defer {
            if !placed { unlink(lock) }
        }
        func failure(_ what: String) -> GitError {
            let code = errno
            return GitError(function: "git_reference_create_matching", code: -1,
                            message: "\(what): \(String(cString: strerror(code)))", systemError: code)
        }
        let current: Reference?
        do {
            current = try reference(name)
        } catch {
            Glibc.close(descriptor)
            throw error
        }
        guard case .target(let found)? = current else {
            Glibc.close(descriptor)
            if current == nil { return false }
            throw GitError(function: "git_reference_create_matching", code: GIT_EMODIFIED.rawValue, message: "the reference \(name) is gone")
        }
        guard found == expected else {
            Glibc.close(descriptor)
            throw GitError(function: "git_reference_create_matching", code: GIT_EMODIFIED.rawValue,
                           message: "old reference value does not match: \(name) is at \(found)")
        }
        let line = Array((commit + "\n").utf8)
        let written = line.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        guard written == line.count, fsync(descriptor) == 0 else {
            let error = failure("failed to write '\(lock)'")
            Glibc.close(descriptor)
            throw error
        }
        Glibc.close(descriptor)
        guard rename(lock, file) == 0 else { throw failure("failed to rename '\(lock)' to '\(file)'") }
        placed = true
        let folder = open((file as NSString).deletingLastPathComponent, O_RDONLY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            Glibc.close(folder)
        }
        return true
    }

    /// True when git or libgit2 may log an update of the branch `name`: a reflog is kept for it,
    /// or a configuration libgit2 reads names `logAllRefUpdates` or includes another file (any
    /// value, any file: the rare case is left to libgit2, which reads them properly).
    private static func logsUpdates(of name: String, in path: String) -> Bool {
        if access("\(path)/logs/\(name)", F_OK) == 0 { return true }
        let home = ProcessInfo.processInfo.environment["HOME"] ?? ""
        let xdg = ProcessInfo.processInfo.environment["XDG_CONFIG_HOME"].map { "\($0)/git/config" } ?? "\(home)/.config/git/config"
        return ["\(path)/config", "\(home)/.gitconfig", xdg, "/etc/gitconfig"].contains { file in
            bytes(of: file).map { bytes in
                let text = String(decoding: bytes, as: UTF8.self).lowercased()
                return text.contains("logallrefupdates") || text.contains("[include")
            } ?? false
        }
    }

    /// The commit `id`, when it is loose or whole in a pack; nil when libgit2 must read it.
    /// Throws for a loose object that does not inflate: libgit2 1.5 spins for ever on one cut short.
    mutating func commit(_ id: String) throws(GitError) -> GitRepository.CommitInfo? {
        guard ObjectID.isHex(id.utf8), redline_zlib_load() == nil, let content = try content(of: id, type: .commit) else { return nil }
        return Self.parseCommit(content, id: id)
    }

    /// The files at the top of commit `id`'s tree, name → id, when the commit and its tree are
    /// loose or whole in a pack (as redline writes them); nil when libgit2 must read them.
    mutating func files(inCommit id: String) throws(GitError) -> [String: String]? {
        guard ObjectID.isHex(id.utf8), redline_zlib_load() == nil, let commit = try content(of: id, type: .commit),
              commit.count > 46, commit.starts(with: "tree ".utf8), commit[45] == 0x0A, let tree = Self.hexID(commit[5..<45]),
              let entries = try content(of: tree, type: .tree) else { return nil }
        return Self.parseTree(entries)
    }

    /// A tree's entries, name → id: each `MODE NAME\0` and the id's 20 bytes; nil when malformed.
    static func parseTree(_ content: [UInt8]) -> [String: String]? {
        var files: [String: String] = [:]
        var at = 0
        while at < content.count {
            guard let space = content[at...].firstIndex(of: 0x20), let nul = content[space...].firstIndex(of: 0), nul + 21 <= content.count
            else { return nil }
            files[String(decoding: content[(space + 1)..<nul], as: UTF8.self)] = ObjectID.hex(content[(nul + 1)..<(nul + 21)])
            at = nul + 21
        }
        return files
    }

    /// Throws when the object `id` is loose and its file does not inflate, before libgit2 reads
    /// it: libgit2 1.5 spins for ever on a loose object cut short (`show`, `diff` and `report` hung
    /// on one). An object that is not loose, or too large to check here, is libgit2's to read.
    func checkLoose(_ id: String) throws(GitError) {
        guard ObjectID.isHex(id.utf8) else { return }
        let loose = ObjectFiles.loosePath(id, repository: path)
        guard case .contents(let compressed) = try Self.contents(of: loose), redline_zlib_load() == nil,
              case .damaged = Zlib.inflate(compressed[...], atMost: max(1 << 20, 64 * compressed.count)) else { return }
        throw Self.damaged(id, loose)
    }

    private static func damaged(_ id: String, _ loose: String) -> GitError {
        GitError(function: "inflate", code: -1, message: "the loose object \(id) is damaged (\(loose) does not inflate)")
    }

    /// The kinds of object read here, by their number in a pack.
    enum ObjectType: Int {
        case commit = 1, tree = 2

        var name: String { self == .commit ? "commit" : "tree" }
    }

    /// The object `id` of `type`, loose or whole in a pack; nil when it is neither, or another type.
    private mutating func content(of id: String, type: ObjectType) throws(GitError) -> [UInt8]? {
        let loose = ObjectFiles.loosePath(id, repository: path)
        switch try Self.contents(of: loose) {
        case .contents(let compressed):
            // "commit <size>\0" and the commit, one zlib stream; a commit or a tree of redline's
            // is a few hundred bytes.
            switch Zlib.inflate(compressed[...], atMost: max(1 << 16, 64 * compressed.count)) {
            case .made(let object):
                guard let nul = object.firstIndex(of: 0), object[..<nul].elementsEqual("\(type.name) \(object.count - nul - 1)".utf8)
                else { return nil }
                return Array(object[(nul + 1)...])
            case .tooLarge:
                return nil
            case .damaged:
                throw Self.damaged(id, loose)
            }
        case .unreadable:
            return nil
        case .missing:
            break
        }
        let wanted = ObjectID.bytes(id)
        // The packs as they were when last listed; listed again when none holds the commit (a
        // capture since may have written a new pack and removed the one held open).
        for attempt in 0..<2 {
            if packs == nil { packs = readIndexes() }
            for (file, index) in packs ?? [] {
                guard let entry = PackIndex.entry(wanted, inIndex: index) else { continue }
                return Self.wholeObject(in: file, at: entry.offset, type: type)
            }
            if attempt == 0 { close() }
        }
        return nil
    }

    /// Closes the pack files read.
    mutating func close() {
        for pack in packs ?? [] { Glibc.close(pack.file) }
        packs = nil
    }

    /// Every readable pack in `objects/pack`: its file, open, and its index.
    private func readIndexes() -> [(file: Int32, index: [UInt8])] {
        let folder = "\(path)/objects/pack"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".idx") }.sorted().compactMap { name in
            guard case .contents(let index) = try? Self.contents(of: "\(folder)/\(name)") else { return nil }
            let file = open("\(folder)/\(name.dropLast(4)).pack", O_RDONLY | O_CLOEXEC)
            return file >= 0 ? (file, index) : nil
        }
    }

    /// The object of `type` whose entry starts at `offset` of the pack `file`, when it is stored
    /// whole: its header and zlib stream read 4 KB at first (a commit is some hundreds of bytes),
    /// 64 KB if that cut it short.
    private static func wholeObject(in file: Int32, at offset: Int, type: ObjectType) -> [UInt8]? {
        for size in [4 << 10, 64 << 10] {
            let chunk = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
                count = max(pread(file, buffer.baseAddress, size, off_t(offset)), 0)
            }
            guard let header = PackWriter.entryHeader(chunk, at: 0), header.type == type.rawValue else { return nil }
            if let commit = Zlib.decompress(chunk[header.data...], size: header.size) { return commit }
            if chunk.count < size { return nil }   // the whole entry was read: damaged
        }
        return nil
    }

    /// What libgit2's `git_commit_lookup` gives redline: the first parent, the committer's time
    /// and the message (leading newlines taken off, as libgit2 does); nil when malformed.
    static func parseCommit(_ content: [UInt8], id: String) -> GitRepository.CommitInfo? {
        guard let end = content.indices.dropLast().first(where: { content[$0] == 0x0A && content[$0 + 1] == 0x0A }) else { return nil }
        var parent: String?
        var time: Int64?
        for line in content[..<end].split(separator: 0x0A) {
            if parent == nil, line.starts(with: "parent ".utf8) {
                guard line.count == 47, let hex = hexID(line.suffix(40)) else { return nil }
                parent = hex
            } else if line.starts(with: "committer ".utf8) {
                // "committer NAME <EMAIL> SECONDS ZONE"
                guard let close = line.lastIndex(of: UInt8(ascii: ">")) else { return nil }
                let fields = line[(close + 1)...].split(separator: 0x20)
                guard fields.count == 2 else { return nil }
                time = Int64(String(decoding: fields[0], as: UTF8.self))
            }
        }
        guard let time else { return nil }
        let message = content[(end + 2)...].drop { $0 == 0x0A }
        return GitRepository.CommitInfo(id: id, parent: parent, time: Date(timeIntervalSince1970: TimeInterval(time)),
                                        message: String(decoding: message, as: UTF8.self))
    }

    /// 40 hex digits as a lower-case id; nil for anything else.
    private static func hexID(_ bytes: some Collection<UInt8>) -> String? {
        ObjectID.isHex(bytes) ? String(decoding: bytes, as: UTF8.self) : nil
    }

    private enum FileRead {
        case contents([UInt8])
        case missing
        case unreadable
    }

    /// A whole file; `missing` only when it is not there. Throws for something that is neither
    /// a file nor a folder (a FIFO, a device), opened without waiting for it.
    private static func contents(of path: String) throws(GitError) -> FileRead {
        let file = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard file >= 0 else { return errno == ENOENT ? .missing : .unreadable }
        defer { Glibc.close(file) }
        var info = stat()
        guard fstat(file, &info) == 0 else { return .unreadable }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .unreadable
        default: throw GitError(function: "open", code: -1, message: "\(path) is neither a file nor a folder")
        }
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: Int(info.st_size)) { buffer, initialized in
            while initialized < buffer.count {
                let count = read(file, buffer.baseAddress! + initialized, buffer.count - initialized)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { complete = false; return }
                initialized += count
            }
        }
        return complete ? .contents(bytes) : .unreadable
    }

    /// The whole file at `path` read straight into an array; nil when it cannot be read, or
    /// is not a file.
    static func bytes(of path: String) -> [UInt8]? {
        guard case .contents(let bytes)? = try? contents(of: path) else { return nil }
        return bytes
    }
}
