import Foundation

/// What one packing of the store did.
public struct PackReport: Sendable, Equatable {
    /// The objects in the pack written (0 when there was nothing to pack).
    public var objectsPacked: Int
    /// The loose objects and the older packs removed once the new pack was on disk.
    public var looseRemoved: Int
    public var packsReplaced: Int
    /// The size of `objects/` before and after, in bytes.
    public var bytesBefore: Int
    public var bytesAfter: Int
}

/// The store packs itself. A capture goes straight into the pack holding the versions it follows
/// (``packCapture(_:keep:)``); when another process holds the packer's lock, into a kept pack of its
/// own. Loose objects (a store from before redline packed itself) go into the pack holding what
/// they follow with a later capture, or once they pass the threshold (``appendLoose(_:)``). Where
/// that cannot be done (a pack with deltas by offset), and on `redline gc`, libgit2's pack
/// builder packs, as `git gc --auto` and `git repack -d --geometric=2` do:
///
///     loose objects ≥ 100 or ≥ 256 KB?  pack them into a new pack, with every pack of fewer than
///                                       twice as many objects as go in already (smallest first)
///     10 packs or more?                 repack everything into one pack
///     redline gc                        repack everything into one pack
///
///     packs of 5,000, 1,200 and 300 objects, 200 loose:  200 + 300 → 500 (1,200 ≥ 2 × 500 stays)
///
/// so packs stay few (each holds its own delta bases) and an object is rewritten only a few
/// times over (libgit2 recomputes every delta of a pack it writes).
///
/// Safe beside writers and readers, because nothing is ever removed that is not in a pack
/// already on disk: a loose object is unlinked only once the pack that holds it has its `.idx`
/// and `.pack` in place (git's `prune-packed`), and a repack of everything holds every object
/// the repository has, reachable or not (one a writer just wrote and has not referenced yet
/// survives), before the packs it replaces are removed; a kept pack (a capture not yet on its
/// branch) is never replaced. One packer at a time: it holds `redline/locks/gc.lock` (a flock;
/// when another process packs, a packing skips, and a capture waits 2 s, then goes into a kept
/// pack of its own, which takes no lock).
/// A reader that meets a pack or loose object gone retries (``TrackRepository/readingAgain(_:)``).
extension TrackRepository {
    /// Loose objects that start a pack: `REDLINE_PACK_THRESHOLD` objects (100 by default) …
    static var packThreshold: Int {
        ProcessInfo.processInfo.environment["REDLINE_PACK_THRESHOLD"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil } ?? 100
    }

    /// … or this many bytes of them.
    static let packThresholdBytes = 1 << 18

    /// This many packs are repacked into one.
    static let maxPacks = 10

    /// Of `packs`, those a new pack of `loose` objects takes in: smallest first, each with fewer
    /// than twice as many objects as go in before it.
    static func rollUp(loose: Int, packs: [ObjectFiles.Pack]) -> [ObjectFiles.Pack] {
        var taken: [ObjectFiles.Pack] = []
        var objects = loose
        for pack in packs.sorted(by: { ($0.objects, $0.name) < ($1.objects, $1.name) }) {
            guard pack.objects < 2 * objects else { break }
            taken.append(pack)
            objects += pack.objects
        }
        return taken
    }

    /// `redline gc`: packs every object into one pack and removes the loose objects and packs it
    /// replaced, and what processes killed while writing left (``ObjectFiles/removeLeftovers(repository:)``). Nil when another process is packing the repository.
    public func pack() throws -> PackReport? {
        try ensureWritable()
        guard let lock = try packLock() else { return nil }
        defer { withExtendedLifetime(lock) {} }
        ObjectFiles.removeLeftovers(repository: path)
        ObjectFiles.removeStaleMultiPackIndex(repository: path)
        return try pack(ObjectFiles(repository: path), everything: true)
    }

    /// Asks the packing under way in this process, or the next one, to stop (Ctrl-C or SIGTERM
    /// during `redline gc`); safe to call from a signal handler. True when nothing of the new
    /// pack is on disk yet: the caller must then end the process at once, from the handler
    /// (libgit2 cannot be stopped while it searches for deltas; the packer waits to be ended).
    /// False when the pack is being written, which then stops at its next object and throws
    /// ``StoreError/packingStopped``, or is written already, which then finishes.
    public static func stopPacking() -> Bool {
        PackingStop.request()
    }

    /// Packs the loose objects when they pass the threshold (and everything when packs pile
    /// up), after a capture is stored; skips when another process is packing. A failure is
    /// returned as a warning, never thrown: the capture it follows is stored already.
    func packIfNeeded() -> String? {
        let before = ObjectFiles(repository: path)
        guard before.loose.count >= Self.packThreshold
                || before.loose.reduce(0, { $0 + $1.bytes }) >= Self.packThresholdBytes else { return nil }
        do {
            guard let lock = try packLock() else { return nil }
            defer { withExtendedLifetime(lock) {} }
            ObjectFiles.removeLeftovers(repository: path)
            var files = ObjectFiles(repository: path)
            files.loose = files.loose.filter(\.isSettled)   // see appendLoose(_:)
            guard !files.loose.isEmpty else { return nil }
            if try appendLoose(files) != nil {
                _ = try mergePacks(ObjectFiles(repository: path))
                return nil
            }
            _ = try pack(files, everything: files.packs.count + 1 >= Self.maxPacks)
            return nil
        } catch {
            return "the store could not be packed (the capture is stored): \(error)"
        }
    }

    /// Writes one pack of `files`' loose objects and the packs they roll up (``rollUp(loose:packs:)``),
    /// or of every object (`everything`), then removes what it replaced. A kept pack is never
    /// replaced (a capture in it may not be on its branch yet); its objects are copied all the same.
    private func pack(_ files: ObjectFiles, everything: Bool) throws -> PackReport {
        let loose = files.loose.map(\.id)
        let unkept = files.packs.filter { !$0.isKept }
        let rolled = everything ? unkept : Self.rollUp(loose: loose.count, packs: unkept)
        guard !loose.isEmpty || rolled.count > 1 else {
            return PackReport(objectsPacked: 0, looseRemoved: 0, packsReplaced: 0, bytesBefore: files.bytes, bytesAfter: files.bytes)
        }
        let name: String
        do {
            if everything {
                name = try git.writePack(commits: try git.reachableCommits(), objects: try git.allObjects() + loose)
            } else {
                let objects = loose + rolled.flatMap { ObjectFiles.objects(inPack: $0.name, repository: path) }
                name = try git.writePack(commits: try git.commits(among: objects), objects: objects)
            }
        } catch {
            throw error.isPackingStopped ? StoreError.packingStopped : StoreError(error, repository: path)
        }
        let written = ObjectFiles(repository: path)
        guard written.packs.contains(where: { $0.name == name }) else {
            throw StoreError.damaged(path: path, detail: "the pack \(name) just written is not on disk")
        }
        let replaced = rolled.filter { $0.name != name }
        for object in loose { ObjectFiles.removeLoose(object, repository: path) }
        for pack in replaced { ObjectFiles.removePack(pack.name, repository: path) }
        let after = ObjectFiles(repository: path)
        return PackReport(objectsPacked: written.packs.first { $0.name == name }?.objects ?? 0, looseRemoved: loose.count,
                          packsReplaced: replaced.count, bytesBefore: files.bytes, bytesAfter: after.bytes)
    }

    /// The packer's lock, or nil when another process holds it (still, after waiting `seconds`).
    func packLock(waiting seconds: Double = 0) throws -> FileLock? {
        let folder = "\(path)/redline/locks"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        do {
            return try FileLock.acquire("\(folder)/gc.lock", until: seconds > 0 ? Date().addingTimeInterval(seconds) : .distantPast)
        } catch {
            throw StoreError.system(path: path, detail: error.operation, errno: error.errno)
        }
    }

    /// Runs the read `body`, and again, up to twice more after a short pause, when it fails in a
    /// way that may pass: a loose object or a pack the packer just replaced, gone between
    /// libgit2 listing it and opening it.
    func readingAgain<T>(_ body: () throws(GitError) -> T) throws(GitError) -> T {
        var failures = 0
        while true {
            do {
                return try body()
            } catch where failures < 2 && (error.isNotFound || error.mayPass) {
                failures += 1
                usleep(Self.retryPause(failures))
            }
        }
    }
}
