import Foundation

/// What a repository's `objects` folder holds on disk, read from the file system alone:
///
///     objects/3f/2a…        a loose object: id "3f2a…", its compressed size
///     objects/pack/pack-5e0d….idx + .pack
///                           a pack: name "pack-5e0d…", the size of both files, the number of
///                           objects (from the index's fan-out table)
///
/// A pack counts only once its `.idx` and `.pack` are both there (libgit2 writes the pack under
/// a temporary name and renames it; a half-written one is neither).
struct ObjectFiles {
    struct Loose: Hashable {
        var id: String
        var bytes: Int
        /// Last changed ten minutes ago or more (``isStale(_:)``): no writer is still between
        /// writing it and moving its branch (see ``TrackRepository/appendLoose(_:)``).
        var isSettled = true
    }

    struct Pack: Hashable {
        var name: String
        /// The pack and its index together.
        var bytes: Int
        var objects: Int
        /// The pack file alone.
        var packBytes = 0
        /// It has a `.keep` file: a capture in it has not moved its branch yet, or git was told to
        /// keep it; it is not rewritten.
        var isKept = false
    }

    var loose: [Loose]
    var packs: [Pack]

    /// All of them together, in bytes.
    var bytes: Int { loose.reduce(0) { $0 + $1.bytes } + packs.reduce(0) { $0 + $1.bytes } }

    /// Reads the `objects` folder of the repository at `repository`.
    init(repository: String) {
        let objects = "\(repository)/objects"
        let manager = FileManager.default
        loose = []
        for folder in (try? manager.contentsOfDirectory(atPath: objects)) ?? [] where ObjectID.isHex(folder.utf8, count: 2) {
            for file in (try? manager.contentsOfDirectory(atPath: "\(objects)/\(folder)")) ?? [] where ObjectID.isHex(file.utf8, count: 38) {
                var info = stat()
                guard stat("\(objects)/\(folder)/\(file)", &info) == 0 else { continue }
                loose.append(Loose(id: folder + file, bytes: Int(info.st_size), isSettled: Self.isStale(info)))
            }
        }
        packs = []
        for file in (try? manager.contentsOfDirectory(atPath: "\(objects)/pack")) ?? [] where file.hasSuffix(".idx") {
            let name = String(file.dropLast(4))
            guard let index = Self.size("\(objects)/pack/\(name).idx"), let pack = Self.size("\(objects)/pack/\(name).pack"),
                  let header = Self.read("\(objects)/pack/\(name).idx", bytes: PackIndex.idsStart) else { continue }
            packs.append(Pack(name: name, bytes: index + pack, objects: PackIndex.count(header), packBytes: pack,
                              isKept: manager.fileExists(atPath: "\(objects)/pack/\(name).keep")))
        }
    }

    /// Removes the loose object `id` (call it only once a pack that holds it is on disk), and
    /// its folder when that is left empty, as `git prune-packed` does (a writer that meets the
    /// folder gone under its write tries again).
    static func removeLoose(_ id: String, repository: String) {
        unlink(loosePath(id, repository: repository))
        rmdir("\(repository)/objects/\(id.prefix(2))")   // fails, as it should, unless empty
    }

    /// Where the loose object `id` is, or would be: `objects/3f/2a…`.
    static func loosePath(_ id: String, repository: String) -> String {
        "\(repository)/objects/\(id.prefix(2))/\(id.dropFirst(2))"
    }

    /// Removes the pack `name`: its index first, so that no reader finds it from then on, and
    /// before it git's multi-pack-index, when there is one (``removeMultiPackIndex(repository:)``).
    static func removePack(_ name: String, repository: String) {
        removeMultiPackIndex(repository: repository)
        for suffix in [".idx", ".pack", ".rev", ".bitmap", ".keep"] { unlink("\(repository)/objects/pack/\(name)\(suffix)") }
    }

    /// Removes git's multi-pack-index (`git multi-pack-index write`, `git repack --write-midx`)
    /// and its bitmap and reverse index: it lists packs by name, and one that lists a pack
    /// removed makes `git fsck` and `git gc` fail ("failed to load pack"). `git repack -d`
    /// removes it the same way; git and libgit2 read the packs without it.
    private static func removeMultiPackIndex(repository: String, onlyStale: Bool = false) {
        let folder = "\(repository)/objects/pack"
        guard access("\(folder)/multi-pack-index", F_OK) == 0 else { return }
        if onlyStale, let names = multiPackIndexPacks(repository: repository),
           names.allSatisfy({ access("\(folder)/\($0)", F_OK) == 0 }) { return }
        unlink("\(folder)/multi-pack-index")
        for file in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where file.hasPrefix("multi-pack-index-") {
            unlink("\(folder)/\(file)")
        }
    }

    /// Removes git's multi-pack-index when a pack it lists is gone (a capture of a redline before
    /// ``removePack(_:repository:)`` removed it replaced one), or it cannot be read.
    static func removeStaleMultiPackIndex(repository: String) {
        removeMultiPackIndex(repository: repository, onlyStale: true)
    }

    /// The packs' index files (`pack-….idx`) git's multi-pack-index lists, from its `PNAM` chunk:
    ///
    ///     "MIDX", version, hash version, chunk count, base count, pack count    12 bytes
    ///     each chunk: id (4 bytes) and offset (8, big-endian); then one ending the last
    ///     PNAM: the names, each ended by a NUL
    ///
    /// Nil when it cannot be read.
    private static func multiPackIndexPacks(repository: String) -> [String]? {
        guard let bytes = GitFiles.bytes(of: "\(repository)/objects/pack/multi-pack-index"), bytes.count >= 12,
              bytes.starts(with: Array("MIDX".utf8)) else { return nil }
        let chunks = Int(bytes[6])
        func offset(_ entry: Int) -> Int? {
            let at = 12 + 12 * entry + 4
            guard at + 8 <= bytes.count else { return nil }
            let value = bytes[at..<at + 8].reduce(0) { $0 << 8 | Int($1) }
            return value <= bytes.count ? value : nil
        }
        for entry in 0..<chunks where 12 + 12 * entry + 4 <= bytes.count && bytes[(12 + 12 * entry)..<(12 + 12 * entry + 4)].elementsEqual("PNAM".utf8) {
            guard let start = offset(entry), let end = offset(entry + 1), start <= end else { return nil }
            return bytes[start..<end].split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        }
        return nil
    }

    /// Removes what a process killed while writing left, once ten minutes old (a writer alive
    /// finishes within seconds; a capture writes a pack of its own without the packer's lock, so
    /// the lock says nothing of who is writing): ``PackWriter``'s temporary files, redline's
    /// `.keep` files (``PackKeep``), a `.pack` without its `.idx` (a pack is renamed into place
    /// before its index), libgit2's half-written pack (`pack_git2_…`, a `redline gc` killed while
    /// it wrote) and its half-written loose objects (`objects/tmp_object_git2_…`), as `git gc`
    /// would.
    static func removeLeftovers(repository: String) {
        let objects = "\(repository)/objects"
        let packs = "\(objects)/pack"
        let files = (try? FileManager.default.contentsOfDirectory(atPath: packs)) ?? []
        let indexed = Set(files.filter { $0.hasSuffix(".idx") }.map { $0.dropLast(4) })
        for file in files {
            if (file.hasPrefix(PackWriter.temporaryPrefix)
                || file.hasSuffix(".keep") && PackKeep.isRedlines("\(packs)/\(file)")
                || file.hasSuffix(".pack") && !indexed.contains(file.dropLast(5)) || file.hasPrefix("pack_git2_"))
                && isStale("\(packs)/\(file)") {
                unlink("\(packs)/\(file)")
            }
        }
        for file in (try? FileManager.default.contentsOfDirectory(atPath: objects)) ?? []
        where file.hasPrefix("tmp_object_git2_") && isStale("\(objects)/\(file)") {
            unlink("\(objects)/\(file)")
        }
    }

    /// Last changed ten minutes ago or more.
    private static func isStale(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && isStale(info)
    }

    private static func isStale(_ info: stat) -> Bool {
        time(nil) - info.st_mtim.tv_sec >= 600
    }

    /// The ids of the objects in the pack `name`, read from the start of its index.
    static func objects(inPack name: String, repository: String) -> [String] {
        ids(inPack: name, repository: repository)?.map(ObjectID.hex) ?? []
    }

    /// True when the pack `name`'s index lists the object `id` (20 bytes).
    static func pack(_ name: String, repository: String, holds id: [UInt8]) -> Bool {
        GitFiles.bytes(of: "\(repository)/objects/pack/\(name).idx").flatMap { PackIndex.entry(id, inIndex: $0) } != nil
    }

    /// The ids (20 bytes each, in order) the pack `name`'s index lists, read from its start;
    /// nil when it cannot be read.
    private static func ids(inPack name: String, repository: String) -> [ArraySlice<UInt8>]? {
        let path = "\(repository)/objects/pack/\(name).idx"
        guard let header = read(path, bytes: PackIndex.idsStart) else { return nil }
        let count = PackIndex.count(header)
        guard let index = read(path, bytes: PackIndex.idsStart + 20 * count) else { return nil }
        return PackIndex.ids(index, count: count)
    }

    private static func read(_ path: String, bytes count: Int) -> [UInt8]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: count), data.count == count else { return nil }
        return [UInt8](data)
    }

    private static func size(_ path: String) -> Int? {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : nil
    }

}
