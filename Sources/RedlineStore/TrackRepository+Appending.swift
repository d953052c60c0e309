import Foundation

/// How a capture's objects go into a pack without repacking what is packed already.
///
/// libgit2's pack builder recomputes every delta of every pack it writes, so a store that rolls
/// its packs together spends most of a day's CPU deltifying the same pages again. Instead, a
/// capture's objects (made in memory, ``GitObject``, or loose when another process was packing)
/// go into the pack that holds the versions they follow, copied entry for entry
/// (``PackWriter``), with each file's newest version whole and the version before it rewritten as
/// a delta against it, as `git gc` stores a history (newest whole, older ones as deltas):
///
///     pack before:   … source.html v7 (delta → v8)   source.html v8 (whole)
///     capture:       commit 9, its tree, source.html v9, article.md v9 …
///     pack after:    … source.html v7 (delta → v8)   source.html v8 (delta → v9)   source.html v9 (whole) …
///
/// A large file's newest version is instead a delta against the whole one its chain ends at,
/// until it drifts from it (``AppendPlan/storeAhead(contents:)``): a live blog's page is not
/// compressed whole again every capture.
///
/// Every entry is a delta by id (the base may come later in the file). A chain grows by one a
/// version; past ``maxDepth`` its oldest part is cut short by a delta straight against the newest
/// version. The pack rewritten must be below ``largestRewritten``; past it, a new pack starts.
/// Each delta is applied back before it is used, and the pack written is read back by libgit2
/// (its headers, and the whole of each object below 256 KiB) before anything is removed. When
/// packs pile up (a new one starts past ``largestRewritten``, and for each article whose versions
/// are in none), those this reads are put into one the same way, entry for entry
/// (``mergePacks(_:)``).
extension TrackRepository {
    static let maxDepth = 100
    /// How long a capture waits for another process's packing before it goes into a pack of its own.
    static let packLockWait = 2.0
    static let largestRewritten = 8 << 20

    /// True for a pack a capture may rewrite: below ``largestRewritten``, and not kept.
    static func isRewritable(_ pack: ObjectFiles.Pack) -> Bool {
        pack.bytes < largestRewritten && !pack.isKept
    }
    /// Packs are merged, smallest first, up to this much in all (each is read whole into memory),
    /// and only five or more at once, so that a merge is rare.
    static let largestMerged = 64 << 20
    /// More loose objects than this (a store from before it packed itself) are left to libgit2,
    /// which does not hold every object in memory at once.
    static let largestAppended = 64 << 20

    /// A capture's objects, made in memory (``GitObject``): its files (name → blob id among
    /// `objects`), their tree and the commit on top of `parent`.
    struct NewCapture {
        var objects: [GitObject]
        var files: [String: String]
        var parent: String?
    }

    /// Packs `files`' settled loose objects into the pack holding the versions they follow, or a
    /// new one; nil when the store holds something this does not write (a pack with deltas by
    /// offset, or above 2 GiB), too much loose, or the libraries are missing: then libgit2 packs.
    ///
    /// Only loose objects last changed ten minutes ago or more are packed (``ObjectFiles/Loose/isSettled``):
    /// a writer may be between writing its objects and moving its branch, and objects no
    /// reference reaches are safe from `git repack -a -d` loose, not packed.
    func appendLoose(_ files: ObjectFiles) throws -> PackReport? {
        guard let appended = try append(files, capture: nil) else { return nil }
        let after = appended.objects == 0 ? files.bytes : ObjectFiles(repository: path).bytes
        return PackReport(objectsPacked: appended.objects, looseRemoved: appended.looseRemoved, packsReplaced: appended.replaced ? 1 : 0,
                          bytesBefore: files.bytes, bytesAfter: after)
    }

    /// Puts `capture` straight into the pack holding the versions it follows (with whatever
    /// loose objects are settled), as ``appendLoose(_:)`` would once it was loose: no loose copy
    /// is written, compressed and read back. `keep` then holds what keeps it safe until its branch
    /// moves (the pack's `.keep`, and the packer's lock), with an earlier try's of the same
    /// capture when there was one. False only when no pack could be written (then the caller
    /// writes it loose).
    ///
    /// When another process is still packing after ``packLockWait`` (another capture holds the
    /// packer's lock for tens of milliseconds, `redline gc` for seconds), or the pack holding the
    /// versions before is one this cannot rewrite (`git gc` wrote it, with deltas by offset), the
    /// capture goes into a pack of its own, kept the same way. Loose, its objects would be what
    /// `git gc --prune=now` deletes while no branch reaches them yet.
    func packCapture(_ capture: NewCapture, keep: inout PackKeep?) -> Bool {
        let held = keep
        if held == nil {
            let lock = try? packLock(waiting: Self.packLockWait)
            if lock != nil { ObjectFiles.removeLeftovers(repository: path) }
            keep = PackKeep(lock: lock)
        }
        let folder = "\(path)/objects/pack"
        if keep?.lock != nil {
            do {
                if let pack = try append(ObjectFiles(repository: path), capture: capture)?.pack {
                    keep?.hold("\(folder)/\(pack).keep")
                    return true
                }
            } catch PackWriter.Failure.damagedEntry(let object) {
                // Left as it is, for git fsck to show; the capture goes into a pack of its own.
                packDamage = "a pack in \(path) is damaged (the entry of object \(object) does not match its index's CRC-32); "
                    + "it was left as it is and this capture went into a pack of its own: run 'git --git-dir \(path) fsck --full'"
            } catch {}
        }
        var contents = ObjectContents(git: git, known: Dictionary(capture.objects.map { ($0.id, (type: $0.type, content: $0.content)) },
                                                                   uniquingKeysWith: { first, _ in first }))
        if PackCodecs.load() == nil,
           let alone = try? append(capture.objects.map(\.id), successors: [:], contents: &contents, packs: [], keep: true) {
            keep?.hold("\(folder)/\(alone.pack).keep")
            return true
        }
        keep = held   // what was taken here goes: the capture is written loose
        return false
    }

    /// ``appendLoose(_:)``, with `capture`'s objects too (then the pack written has a `.keep`):
    /// the objects the pack written holds (0 when nothing was written), the loose objects it
    /// removed, whether it replaced a pack, and its name.
    private func append(_ files: ObjectFiles, capture: NewCapture?) throws
        -> (objects: Int, looseRemoved: Int, replaced: Bool, pack: String?)? {
        let settled = files.loose.filter(\.isSettled)
        guard PackCodecs.load() == nil, settled.reduce(0, { $0 + $1.bytes }) < Self.largestAppended else { return nil }
        let loose = settled.map(\.id)
        guard !loose.isEmpty || capture != nil else { return (0, 0, false, nil) }
        var successors = try successors(ofLoose: loose)
        let read = recentFiles.pack
        var known = recentFiles.take().mapValues { (type: 3, content: $0) }
        if let page = lastCapture?.page, known[page.id] == nil { known[page.id] = (3, page.content) }
        for (id, content) in lastCapture?.bases ?? [:] where known[id] == nil { known[id] = (3, content) }
        if let capture {
            if let parent = capture.parent { Self.follow(from: try git.files(inCommit: parent), to: capture.files, into: &successors) }
            for object in capture.objects { known[object.id] = (object.type, object.content) }
        }
        var contents = ObjectContents(git: git, known: known)
        let adding = loose + (capture?.objects.map(\.id) ?? [])
        guard let appended = try append(adding, successors: successors, contents: &contents, packs: files.packs, keep: capture != nil,
                                        read: read)
        else { return nil }
        if lastCapture != nil, let page = capture?.objects.filter({ $0.type == 3 }).max(by: { $0.content.count < $1.content.count }) {
            lastCapture?.page = (page.id, page.content)
        }
        for object in loose { ObjectFiles.removeLoose(object, repository: path) }
        return (appended.objects, loose.count, appended.replaced, appended.pack)
    }

    /// Writes `objects` into the pack among `packs` holding most of the versions they follow
    /// (`successors`: a file's version → its next one), rewritten, or into a new pack (with a
    /// `.keep` when `keep`); reads the pack back and removes the one it replaced. Nil when that
    /// pack is one this cannot rewrite. A pack in memory (`read`, or the last capture's) is not
    /// read again: a file of its name and size holds these very bytes (its name is their SHA-1).
    private func append(_ objects: [String], successors: [String: String], contents: inout ObjectContents,
                        packs: [ObjectFiles.Pack], keep: Bool, read: PackedObjects? = nil)
        throws -> (objects: Int, replaced: Bool, pack: String)? {
        let folder = "\(path)/objects/pack"
        let candidate = packToRewrite(holding: Set(successors.keys), among: packs)
        let target = candidate.flatMap { candidate in
            [lastCapture?.pack, read].lazy.compactMap { $0 }.first { $0.name == candidate.name && $0.bytes.count == candidate.packBytes }
                ?? PackedObjects(name: candidate.name, folder: folder)
        }
        guard candidate == nil || target != nil else { return nil }
        contents.packed = target
        var plan = AppendPlan(packed: target, adding: objects, successors: successors)
        try plan.storeAhead(contents: &contents)
        try plan.shortenChains(contents: &contents)
        var writer = try plan.write(contents: &contents)
        let name = try writer.write(into: folder, keep: keep)
        do {
            try PackReadBack.check(name, in: folder, pack: writer.written?.bytes ?? [], holds: plan.written)
        } catch {
            if name != target?.name {
                ObjectFiles.removePack(name, repository: path)
            } else if keep {
                unlink("\(folder)/\(name).keep")   // the same bytes: the pack it was
            }
            throw error
        }
        if let target, target.name != name { ObjectFiles.removePack(target.name, repository: path) }
        if lastCapture != nil {
            lastCapture?.pack = writer.written.flatMap { PackedObjects(name: $0.name, bytes: $0.bytes, index: $0.index) }
            lastCapture?.bases = try Dictionary(uniqueKeysWithValues: plan.aheadBases.map { ($0, try contents.object($0).content) })
        }
        removePacks(heldBy: writer, among: packs.filter { $0.name != name && $0.name != target?.name })
        return (writer.entries.count, target != nil, name)
    }

    /// Removes those of `packs` every object of which `written` holds (git's `repack -d` does
    /// the same): the pack a writer killed after writing a new one and before removing the old
    /// left, which would otherwise hold the same history twice until packs are merged. Kept
    /// packs stay.
    private func removePacks(heldBy written: PackWriter, among packs: [ObjectFiles.Pack]) {
        guard !packs.isEmpty else { return }
        let held = Set(written.entries.map { ObjectID.hex($0.id) })
        for pack in packs where !pack.isKept && pack.objects > 0 && pack.objects <= held.count {
            let ids = ObjectFiles.objects(inPack: pack.name, repository: path)   // empty when unreadable: kept
            if ids.count == pack.objects, ids.allSatisfy(held.contains) { ObjectFiles.removePack(pack.name, repository: path) }
        }
    }

    /// Once there are ``maxPacks`` packs, copies the entries of those it can read (smallest
    /// first, up to ``largestMerged`` in all, at least half of ``maxPacks`` of them) into one
    /// pack, each object once, and removes them; nil when there is nothing to merge.
    func mergePacks(_ files: ObjectFiles) throws -> PackReport? {
        guard files.packs.count >= Self.maxPacks else { return nil }
        let folder = "\(path)/objects/pack"
        var merged: [PackedObjects] = []
        var total = 0
        for pack in files.packs.sorted(by: { $0.bytes < $1.bytes }) where !pack.isKept && total + pack.bytes < Self.largestMerged {
            guard let read = PackedObjects(name: pack.name, folder: folder) else { continue }
            merged.append(read)
            total += pack.bytes
        }
        guard merged.count >= Self.maxPacks / 2 else { return nil }
        var writer = PackWriter()
        var seen: Set<String> = []
        for pack in merged {
            for entry in pack.entries where seen.insert(entry.id).inserted {
                try writer.copy(pack.bytes[entry.range], id: entry.idBytes, crc: entry.crc)
            }
        }
        let name = try writer.write(into: folder)
        do {
            try GitRepository.checkPack("\(folder)/\(name).idx", finds: Array(seen))
        } catch {
            if !merged.contains(where: { $0.name == name }) { ObjectFiles.removePack(name, repository: path) }
            throw error
        }
        for pack in merged where pack.name != name { ObjectFiles.removePack(pack.name, repository: path) }
        return PackReport(objectsPacked: seen.count, looseRemoved: 0, packsReplaced: merged.count,
                          bytesBefore: files.bytes, bytesAfter: ObjectFiles(repository: path).bytes)
    }

    /// For each file a loose commit changed, its version before → its version in that commit.
    private func successors(ofLoose loose: [String]) throws -> [String: String] {
        var successors: [String: String] = [:]
        for commit in try git.commits(among: loose) {
            guard let parent = try git.commit(commit).parent else { continue }
            Self.follow(from: try git.files(inCommit: parent), to: try git.files(inCommit: commit), into: &successors)
        }
        return successors
    }

    /// Adds to `successors` each file's version in `before` → its version in `after` (name →
    /// blob id), where it changed and was not followed already, and never round in a cycle (a
    /// file put back as it was).
    private static func follow(from before: [String: String], to after: [String: String], into successors: inout [String: String]) {
        for (name, blob) in after {
            guard let old = before[name], old != blob, successors[old] == nil else { continue }
            var next: String? = blob
            while let step = next, step != old { next = successors[step] }
            if next == nil { successors[old] = blob }
        }
    }

    /// The pack holding most of `versions`, unless it is too large to rewrite or kept; when none
    /// holds any (they are loose, not settled yet), the smallest that can be rewritten, so that
    /// packs do not pile up.
    private func packToRewrite(holding versions: Set<String>, among packs: [ObjectFiles.Pack]) -> ObjectFiles.Pack? {
        guard !versions.isEmpty else { return nil }
        let rewritable = packs.filter(Self.isRewritable)
        var best: (pack: ObjectFiles.Pack, count: Int)?
        let ids = versions.map(ObjectID.bytes)
        for pack in rewritable {
            // Each version looked up in the index, rather than the index's thousands of ids made hex.
            guard let index = GitFiles.bytes(of: "\(path)/objects/pack/\(pack.name).idx") else { continue }
            let count = ids.filter { PackIndex.entry($0, inIndex: index) != nil }.count
            if count > 0, count > best?.count ?? 0 { best = (pack, count) }
        }
        return best?.pack ?? rewritable.min { $0.bytes < $1.bytes }
    }
}

/// The objects' bytes: those this process made or read back (a capture's, ``RecentFiles``),
/// those the pack being rewritten holds (decompressed here, each entry checked by its
/// index's CRC-32: ``PackedObjects/object(at:base:)``), the rest read once through libgit2, which
/// checks each against its id.
struct ObjectContents {
    let git: GitRepository
    var packed: PackedObjects?
    private var read: [String: (type: Int, content: [UInt8])]

    init(git: GitRepository, known: [String: (type: Int, content: [UInt8])]) {
        self.git = git
        read = known
    }

    mutating func object(_ id: String) throws -> (type: Int, content: [UInt8]) {
        if let known = read[id] { return known }
        let object = try packedObject(id) ?? git.object(id)
        read[id] = object
        return object
    }

    /// The object `id` as the pack being rewritten holds it: whole, or a delta applied to its
    /// base (read once, and kept, as every object here is); nil when it is not there. A damaged
    /// entry throws (``PackWriter/Failure/damagedEntry(_:)``): the capture leaves that pack as it
    /// is, for `git fsck` to show, and says so.
    private mutating func packedObject(_ id: String) throws -> (type: Int, content: [UInt8])? {
        guard let packed, let position = packed.position(of: id) else { return nil }
        return try packed.object(at: position) { try object(packed.entries[$0].id) }
    }
}

/// Files by blob id, as the capture being recorded wrote them or read them back (their id is
/// what libgit2 made of, or checked against, these very bytes), kept only while a capture is
/// recorded (``TrackRepository/record(_:capturedAt:url:packWarning:prepare:)`` starts and
/// forgets them), so that packing does not read again what is in memory, a watcher of many
/// articles holds no page it is not working on, and `report` holds none of what it reads.
struct RecentFiles {
    private var files: [String: [UInt8]] = [:]
    private(set) var isRecording = false
    /// The pack a file of the version before was read from (``TrackRepository/packedFile(_:)``):
    /// the one the capture rewrites, read from disk once for both.
    var pack: PackedObjects?
    var packSearched = false

    mutating func start() {
        isRecording = true
    }

    mutating func remember(_ id: String, _ content: [UInt8]) {
        if isRecording { files[id] = content }
    }

    func file(_ id: String) -> [UInt8]? {
        files[id]
    }

    mutating func remember(_ id: String, _ content: Data) {
        if isRecording { files[id] = content.withUnsafeBytes { [UInt8]($0) } }
    }

    /// All of them, forgotten here.
    mutating func take() -> [String: [UInt8]] {
        defer { forget() }
        return files
    }

    mutating func forget() {
        files = [:]
        pack = nil
        packSearched = false
        isRecording = false
    }
}
