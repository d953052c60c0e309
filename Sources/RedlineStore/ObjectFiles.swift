import Foundation

/// What a repository's `objects` folder holds on disk, read from the file system alone:
///
///     objects/3f/2a…        a loose object: id "3f2a…", its compressed size
///     objects/pack/pack-5e0d….idx + .pack
///                           a pack: name "pack-5e0d…", the size of both files
///
/// A pack counts only once its `.idx` and `.pack` are both there (libgit2 writes the pack under
/// a temporary name and renames it; a half-written one is neither).
struct ObjectFiles {
    struct Loose: Hashable {
        var id: String
        var bytes: Int
    }

    struct Pack: Hashable {
        var name: String
        var bytes: Int
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
        for folder in (try? manager.contentsOfDirectory(atPath: objects)) ?? [] where Self.isHex(folder, count: 2) {
            for file in (try? manager.contentsOfDirectory(atPath: "\(objects)/\(folder)")) ?? [] where Self.isHex(file, count: 38) {
                guard let bytes = Self.size("\(objects)/\(folder)/\(file)") else { continue }
                loose.append(Loose(id: folder + file, bytes: bytes))
            }
        }
        packs = []
        for file in (try? manager.contentsOfDirectory(atPath: "\(objects)/pack")) ?? [] where file.hasSuffix(".idx") {
            let name = String(file.dropLast(4))
            guard let index = Self.size("\(objects)/pack/\(name).idx"), let pack = Self.size("\(objects)/pack/\(name).pack") else {
                continue
            }
            packs.append(Pack(name: name, bytes: index + pack))
        }
    }

    /// Removes the loose object `id` (call it only once a pack that holds it is on disk), and
    /// its folder when that is left empty, as `git prune-packed` does (a writer that meets the
    /// folder gone under its write tries again).
    static func removeLoose(_ id: String, repository: String) {
        unlink("\(repository)/objects/\(id.prefix(2))/\(id.dropFirst(2))")
        rmdir("\(repository)/objects/\(id.prefix(2))")   // fails, as it should, unless empty
    }

    /// Removes the pack `name`: its index first, so that no reader finds it from then on.
    static func removePack(_ name: String, repository: String) {
        for suffix in [".idx", ".pack", ".rev", ".bitmap"] { unlink("\(repository)/objects/pack/\(name)\(suffix)") }
    }

    private static func size(_ path: String) -> Int? {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : nil
    }

    private static func isHex(_ name: String, count: Int) -> Bool {
        name.utf8.count == count && name.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}
