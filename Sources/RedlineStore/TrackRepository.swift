import Foundation
import RedlineModel

/// The track repository: a bare git repository holding one branch per article
/// (`refs/heads/articles/SLUG`), one commit per captured version.
public final class TrackRepository {
    /// Where the repository lives.
    public let path: String
    let git: GitRepository
    /// The files the capture being recorded wrote, by blob id, so that packing right after it
    /// does not read back through libgit2 what it has in memory (``appendLoose(_:)``).
    var recentFiles = RecentFiles()
    /// What this process keeps of its last capture for the next, when it watches one article
    /// (``keepLastCapture()``); nil otherwise, so that nothing is held between captures.
    var lastCapture: LastCapture?
    /// Why the last capture could not go into the pack it follows, when a pack was found damaged;
    /// ``record(_:capturedAt:url:packWarning:prepare:)`` hands it on as a warning.
    var packDamage: String?
    /// Captures are written as loose objects, as a store from before redline packed itself has
    /// them (tests of what packs loose objects; `REDLINE_LOOSE_CAPTURES=1` for a process).
    var writesCapturesLoose = ProcessInfo.processInfo.environment["REDLINE_LOOSE_CAPTURES"] == "1"

    /// The pack a capture wrote and the page it stored, kept for the next capture of the same
    /// article by the same process: that capture rewrites the same pack (whose name is the SHA-1
    /// of its bytes, so a file of that name and size holds these very bytes) and makes the page a
    /// delta against its own, so neither is read back from disk and decompressed again.
    struct LastCapture {
        var pack: PackedObjects?
        var page: (id: String, content: [UInt8])?
        /// The whole versions its large files were stored ahead of (``AppendPlan/storeAhead(contents:)``),
        /// by id: the next capture's deltas start from them too.
        var bases: [String: [UInt8]] = [:]
    }

    /// Keeps, from now on, the pack and page of each capture for the next (some megabytes: the
    /// pack up to 8 MB, one page and the versions its large files were stored ahead of), as a
    /// watcher of one article does.
    public func keepLastCapture() {
        if lastCapture == nil { lastCapture = LastCapture() }
    }

    private init(path: String, git: GitRepository) {
        self.path = path
        self.git = git
    }

    /// Creates the track repository at `path`, or opens it when it is already there. Safe to run
    /// many times at once: the creators take turns on an exclusive lock of the folder (``FileLock``)
    /// and each finds the repository the first one made.
    public static func create(at path: String) throws -> TrackRepository {
        try startLibgit2()   // without libgit2, say so, not that the directory is no repository
        if case .file = try entry(at: path) { throw StoreError.notADirectory(path: path) }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            let folder = existingFolder(above: path)
            if !isWritable(folder) { throw StoreError.cannotCreate(path: path, folder: folder) }
            if case .file = try entry(at: path) { throw StoreError.notADirectory(path: path) }
            throw StoreError.system(path: path, detail: "mkdir \(path)", errno: posixCode(of: error) ?? EIO)
        }
        let lock: FileLock?
        do {
            lock = try FileLock.acquire(path, until: Date().addingTimeInterval(lockTimeout))
        } catch {
            throw StoreError.system(path: path, detail: error.operation, errno: error.errno)
        }
        guard let lock else { throw StoreError.busy(slug: path, seconds: lockTimeout) }
        defer { withExtendedLifetime(lock) {} }
        if let existing = try? open(at: path) {
            try? existing.writeAttributes()   // a repository made before they were kept; read-only is no error here
            return existing
        }
        if let contents = try? FileManager.default.contentsOfDirectory(atPath: path), !contents.isEmpty {
            throw notATrackRepository(path)
        }
        let repository: TrackRepository
        do {
            repository = TrackRepository(path: path, git: try GitRepository.initBare(at: path))
        } catch {
            if !isWritable(path) { throw StoreError.readOnly(path: path) }
            throw StoreError(error, repository: path)
        }
        try repository.writeAttributes()
        return repository
    }

    /// Opens the track repository at `path`.
    public static func open(at path: String) throws -> TrackRepository {
        switch try entry(at: path) {
        case .none: throw StoreError.noRepository(path: path)
        case .file: throw StoreError.notADirectory(path: path)
        case .directory: break
        }
        // libgit2 judges a folder that does not look like a repository: without it, say so.
        if !GitFiles.looksLikeRepository(path) { try startLibgit2() }
        do {
            return TrackRepository(path: path, git: try GitRepository.openBare(at: path))
        } catch {
            let reported = StoreError(error, repository: path)
            if case .system = reported { throw reported }
            throw notATrackRepository(path)
        }
    }

    private enum Entry { case file, directory, none }

    /// What is at `path`: a folder, something else, or nothing (`noRepository` is not thrown
    /// here). A `stat` the system refuses (a folder above that may not be searched) is reported
    /// with its errno, not as a missing repository.
    private static func entry(at path: String) throws -> Entry {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT { return .none }
            if code == ENOTDIR { throw StoreError.noRepository(path: path) }
            throw StoreError.system(path: path, detail: "stat \(path)", errno: code)
        }
        return info.st_mode & S_IFMT == S_IFDIR ? .directory : .file
    }

    static func posixCode(of error: any Error) -> Int32? {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        return underlying?.domain == NSPOSIXErrorDomain ? Int32(underlying!.code) : nil
    }

    /// The branch that holds `slug`'s history.
    static func reference(for slug: Slug) -> String { "refs/heads/articles/\(slug.value)" }

    // MARK: Reading

    /// One tracked article as `redline articles` lists it.
    public struct ArticleInfo: Sendable, Hashable {
        public var slug: String
        public var versionCount: Int
        public var lastCapturedAt: Date
        public var url: String?
    }

    /// The tracked articles, and those that could not be read.
    public struct ArticleList: Sendable {
        /// The articles that could be read, by slug.
        public var articles: [ArticleInfo]
        /// The articles whose branch or newest version could not be read: slug and why.
        public var damaged: [(slug: String, problem: String)]
    }

    /// The tracked articles, by slug. One whose branch file is damaged (libgit2's listing skips
    /// it without a word) or whose newest commit cannot be read is listed as damaged, and the
    /// others are listed all the same.
    public func articles() throws -> ArticleList {
        let prefix = "refs/heads/articles/"
        var names: Set<String>
        do {
            names = Set(try git.referenceNames(matching: prefix + "*"))
        } catch {
            throw StoreError(error, repository: path)
        }
        let folder = "\(path)/\(prefix)"
        for file in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where !file.hasSuffix(".lock") {
            names.insert(prefix + file)
        }
        var list = ArticleList(articles: [], damaged: [])
        for name in names.sorted() {
            let slugText = String(name.dropFirst(prefix.count))
            guard let slug = try? Slug(slugText) else { continue }
            do {
                guard let newest = try latest(of: slug) else { continue }
                list.articles.append(ArticleInfo(slug: slugText, versionCount: newest.number, lastCapturedAt: newest.capturedAt,
                                                 url: newest.url))
            } catch let error as GitError {
                list.damaged.append((slugText, StoreError(error, repository: path).description))
            } catch let error as StoreError {
                if case .system = error { throw error }
                list.damaged.append((slugText, error.description))
            }
        }
        return list
    }

    /// The commit `slug`'s branch points at, nil when the article has none; a branch that
    /// cannot be read is damage in the store.
    func tip(of slug: Slug) throws -> String? {
        do {
            return try git.target(ofReference: Self.reference(for: slug))
        } catch {
            throw StoreError(error, repository: path)
        }
    }

    /// The newest version of `slug`, nil when the article has none yet. Reads one commit.
    public func latest(of slug: Slug) throws -> Version? {
        guard let tip = try tip(of: slug) else { return nil }
        return try version(atTip: tip, of: slug)
    }

    /// The version at `tip`, the commit `slug`'s branch points at: numbered from its trailer, or,
    /// for a commit without one, by counting the history.
    func version(atTip tip: String, of slug: Slug) throws -> Version {
        let newest = try version(at: tip, number: nil)
        if newest.number > 0 { return newest }
        return try versions(of: slug)[0]
    }

    /// The newest `last` versions of `slug` (all when nil), newest first. Only those commits are
    /// read when each carries its number; otherwise the whole history is counted.
    public func versions(of slug: Slug, last: Int?) throws -> [Version] {
        guard let last else { return try versions(of: slug) }
        guard let tip = try tip(of: slug) else {
            throw StoreError.unknownArticle(slug: slug.value)
        }
        var newestFirst: [Version] = []
        var next: String? = tip
        while let commit = next, newestFirst.count < last {
            let info = try readCommit(commit)
            let version = Self.version(from: info, number: nil)
            guard version.number > 0, newestFirst.last.map({ $0.number == version.number + 1 }) ?? true else {
                return Array(try versions(of: slug).prefix(last))
            }
            newestFirst.append(version)
            next = info.parent
        }
        if next == nil, newestFirst.last?.number != 1 { return Array(try versions(of: slug).prefix(last)) }
        return newestFirst
    }

    /// Every version of `slug`, newest first.
    public func versions(of slug: Slug) throws -> [Version] {
        guard var next = try tip(of: slug) else {
            throw StoreError.unknownArticle(slug: slug.value)
        }
        var newestFirst: [Version] = []
        var seen = Set<String>()
        while true {
            guard seen.insert(next).inserted else {
                throw StoreError.damaged(path: path, detail: "the history of \(slug) loops at \(next)")
            }
            let info = try readCommit(next)
            newestFirst.append(Self.version(from: info, number: 0))
            guard let parent = info.parent else { break }
            next = parent
        }
        let count = newestFirst.count
        for index in newestFirst.indices { newestFirst[index].number = count - index }
        return newestFirst
    }

    /// The version of `slug` that `revision` names; errors quote `text`, the revision as written.
    ///
    /// A number or an offset walks back from the newest version only as far as it needs to (each
    /// commit carries its number), so `show`, `diff` and `blame` of recent versions stay fast on
    /// long histories; a commit prefix or a time reads the whole history.
    public func resolve(_ revision: Revision, of slug: Slug, text: String? = nil) throws -> Version {
        let steps: Int?
        switch revision {
        case .offset(let n): steps = n
        case .number(let n):
            guard let newest = try latest(of: slug) else { throw StoreError.unknownArticle(slug: slug.value) }
            steps = newest.number > 0 && n >= 1 && n <= newest.number ? newest.number - n : nil
        case .commit, .time: steps = nil
        }
        if let steps, let found = try? revision.select(from: versions(of: slug, last: steps + 1), of: slug, text: text) {
            return found
        }
        return try revision.select(from: versions(of: slug), of: slug, text: text)
    }

    /// The bytes of `name` stored with `version`, nil when it has no such file.
    func file(_ name: String, of version: Version) throws -> Data? {
        do {
            if recentFiles.isRecording {
                guard let blob = try readingAgain({ () throws(GitError) in try git.blobID(named: name, inCommit: version.commit) })
                else { return nil }
                if let content = packedFile(blob) {
                    recentFiles.remember(blob, content)
                    return Data(content)
                }
            }
            guard let file = try readingAgain({ () throws(GitError) in try git.file(named: name, inCommit: version.commit) })
            else { return nil }
            recentFiles.remember(file.blob, file.content)
            return file.content
        } catch {
            throw StoreError(error, repository: path)
        }
    }

    /// While a capture is recorded, the file `blob` of the version it follows as the pack the
    /// capture will rewrite holds it (``PackedObjects/object(at:base:)``): that pack is read once for both (``RecentFiles/pack``),
    /// and inflated by libdeflate rather than libgit2's zlib (a live blog's 0.7 MB `article.md`:
    /// 3.4 → 0.8 ms). Nil when no pack this rewrites holds it (then libgit2 reads it). The whole
    /// versions its deltas are applied to are remembered too: the capture's own deltas are made
    /// against them (``AppendPlan/storeAhead(contents:)``), and are not inflated again.
    private func packedFile(_ blob: String) -> [UInt8]? {
        if !recentFiles.packSearched {
            recentFiles.packSearched = true   // once a capture: the pack holding the first file read
            let id = ObjectID.bytes(blob)
            recentFiles.pack = PackCodecs.load() != nil ? nil : ObjectFiles(repository: path).packs.first { pack in
                Self.isRewritable(pack) && ObjectFiles.pack(pack.name, repository: path, holds: id)
            }.flatMap { PackedObjects(name: $0.name, folder: "\(path)/objects/pack") }
        }
        guard let pack = recentFiles.pack, let position = pack.position(of: blob) else { return nil }
        return try? packedBlob(at: position, in: pack, depth: 0)
    }

    /// The blob at `position` in `pack`, rebuilt from the chain of deltas it ends, each whole
    /// version on the way remembered (``RecentFiles``); nil when an entry does not read.
    private func packedBlob(at position: Int, in pack: PackedObjects, depth: Int) throws -> [UInt8]? {
        let id = pack.entries[position].id
        if let known = recentFiles.file(id) { return known }
        guard depth <= 2 * Self.maxDepth,
              let object = try pack.object(at: position, base: { base in try packedBlob(at: base, in: pack, depth: depth + 1).map { (3, $0) } }),
              object.type == 3 else { return nil }
        recentFiles.remember(id, object.content)
        return object.content
    }

    /// The names of the files stored with `version`.
    public func fileNames(of version: Version) throws -> [String] {
        do {
            return try git.fileNames(inCommit: version.commit)
        } catch {
            throw StoreError(error, repository: path)
        }
    }

    /// The id `data` has, or would have, stored as a file.
    public static func blobID(of data: Data) -> String {
        GitObject(blob: data).id
    }

    /// For each distinct content of the file `name` among `slug`'s versions (none for a new
    /// article), the newest version that holds it, keyed by blob id; versions that hold a file
    /// named `other` are left out.
    func versionsByBlob(of slug: Slug, named name: String, unless other: String? = nil) throws -> [String: Int] {
        var result: [String: Int] = [:]
        try forEachBlob(of: slug, named: [name]) { version, blob in
            if let other, (try? git.blobID(named: other, inCommit: version.commit)) ?? nil != nil { return }
            result[blob] = max(result[blob] ?? 0, version.number)
        }
        return result
    }

    private func forEachBlob(of slug: Slug, named names: [String], _ body: (Version, String) -> Void) throws {
        guard try latest(of: slug) != nil else { return }
        for version in try versions(of: slug) {
            for name in names {
                guard let blob = try? git.blobID(named: name, inCommit: version.commit) else { continue }
                body(version, blob)
            }
        }
    }

    func version(at commit: String, number: Int?) throws -> Version {
        let info = try readCommit(commit)
        return Self.version(from: info, number: number)
    }

    private func readCommit(_ id: String) throws -> GitRepository.CommitInfo {
        do {
            return try readingAgain { () throws(GitError) in try git.commit(id) }
        } catch {
            throw StoreError(error, repository: path)
        }
    }

    private static func version(from info: GitRepository.CommitInfo, number: Int?) -> Version {
        let message = CommitMessage(parsing: info.message, fallbackTime: info.time)
        var version = Version(number: number ?? message.version, commit: info.id, capturedAt: message.capturedAt,
                              url: message.url, subject: message.subject, changes: message.changes, extractor: message.extractor)
        version.charset = message.charset
        version.finalURL = message.finalURL
        version.select = message.select
        version.ignore = message.ignore
        return version
    }

    /// Why the folder at `path` is no track repository: a git work tree (it holds `.git`), or no
    /// git repository at all, empty (`redline init` can make one there) or not.
    static func notATrackRepository(_ path: String) -> StoreError {
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return contents.contains(".git") ? .workTree(path: path) : .notARepository(path: path, isEmpty: contents.isEmpty)
    }

    /// The nearest folder above `path` that exists: where a new repository's folders would be made.
    static func existingFolder(above path: String) -> String {
        var folder = (path as NSString).deletingLastPathComponent
        while !folder.isEmpty, folder != "/", !FileManager.default.fileExists(atPath: folder) {
            folder = (folder as NSString).deletingLastPathComponent
        }
        return folder.isEmpty ? "." : folder
    }

    /// True when `path` may be written. Root passes `access(2)` everywhere, so a directory whose
    /// permission bits grant nobody write access counts as read-only too.
    static func isWritable(_ path: String) -> Bool {
        guard access(path, W_OK) == 0 else { return false }
        var info = stat()   // not FileManager's attributes, which look the owner's name up too
        guard stat(path, &info) == 0 else { return false }
        return info.st_mode & 0o222 != 0
    }
}
