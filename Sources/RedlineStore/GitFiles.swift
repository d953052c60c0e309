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
    /// The packs' indexes, read on first need, and their pack files, open until ``close()``.
    private var packs: [(file: Int32, index: PackIndex)]?

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

    /// The commit `id`, when it is loose or whole in a pack; nil when libgit2 must read it.
    /// Throws for a loose object that does not inflate: libgit2 1.5 spins for ever on one cut short.
    mutating func commit(_ id: String) throws(GitError) -> GitRepository.CommitInfo? {
        guard ObjectID.isHex(id.utf8), redline_zlib_load() == nil, let content = try commitContent(id) else { return nil }
        return Self.parseCommit(content, id: id)
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

    private mutating func commitContent(_ id: String) throws(GitError) -> [UInt8]? {
        let loose = ObjectFiles.loosePath(id, repository: path)
        switch try Self.contents(of: loose) {
        case .contents(let compressed):
            // "commit <size>\0" and the commit, one zlib stream; a commit is a few hundred bytes.
            switch Zlib.inflate(compressed[...], atMost: max(1 << 16, 64 * compressed.count)) {
            case .made(let object):
                guard let nul = object.firstIndex(of: 0), object[..<nul].elementsEqual("commit \(object.count - nul - 1)".utf8)
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
                guard let entry = index.entry(wanted) else { continue }
                return Self.wholeCommit(in: file, at: entry.offset)
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
    private func readIndexes() -> [(file: Int32, index: PackIndex)] {
        let folder = "\(path)/objects/pack"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".idx") }.sorted().compactMap { name in
            guard case .contents(let bytes) = try? Self.contents(of: "\(folder)/\(name)"), let index = PackIndex(bytes) else { return nil }
            let file = open("\(folder)/\(name.dropLast(4)).pack", O_RDONLY | O_CLOEXEC)
            return file >= 0 ? (file, index) : nil
        }
    }

    /// The commit whose entry starts at `offset` of the pack `file`, when it is stored whole: its
    /// header and zlib stream read 4 KB at first (a commit is some hundreds of bytes), 64 KB if
    /// that cut it short.
    private static func wholeCommit(in file: Int32, at offset: Int) -> [UInt8]? {
        for size in [4 << 10, 64 << 10] {
            let chunk = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
                count = max(pread(file, buffer.baseAddress, size, off_t(offset)), 0)
            }
            guard let header = PackWriter.entryHeader(chunk, at: 0), header.type == 1 else { return nil }
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
