import Foundation

/// A pack just written, read back as a reader finds it, through its index file on disk, before
/// anything it replaces is removed, as libgit2 read it back before:
///
///     every object         found through the index; its type and size from its entry's header
///                          (a delta's: its base's type, the size its delta makes)
///     under 256 KiB        the whole object rebuilt (inflated, its deltas applied) and hashed:
///                          it must have its id
///
/// A capture reads back what it wrote without loading libgit2 and its fifteen libraries (some
/// 3 ms of a capture). The reading is this file's own, not ``PackedObjects``'s (only an entry's
/// header is read by ``PackWriter/entryHeader(_:at:)``).
enum PackReadBack {
    /// Throws unless the pack `name` in `folder`, whose file holds `pack` (the bytes written,
    /// named by their SHA-1), holds each of `objects` as it was written.
    static func check(_ name: String, in folder: String, pack: [UInt8], holds objects: [(id: String, type: Int, size: Int)]) throws(GitError) {
        guard let index = GitFiles.bytes(of: "\(folder)/\(name).idx"), let checksum = PackIndex.packChecksum(ofIndex: index),
              pack.count >= 32, Array(pack[(pack.count - 20)...]) == checksum, "pack-" + ObjectID.hex(checksum) == name
        else { throw failure("the pack \(name) or its index cannot be read back") }
        let reader = Reader(index: index, pack: pack)
        for object in objects {
            let whole = object.size < 1 << 18
            guard let read = reader.object(ObjectID.bytes(object.id), whole: whole, depth: 0), read.type == object.type,
                  read.size == object.size,
                  !whole || GitObject.id(type: read.type, content: read.content!) == object.id
            else { throw failure("\(object.id) reads back as another object") }
        }
    }

    private static func failure(_ message: String) -> GitError {
        GitError(function: "checkPack", code: -1, message: message)
    }

    private struct Reader {
        /// The index file's bytes, and the pack's.
        let index: [UInt8]
        let pack: [UInt8]

        /// The object `id`'s type and size, and its content when `whole`; nil when it is not
        /// there or does not read.
        func object(_ id: [UInt8], whole: Bool, depth: Int) -> (type: Int, size: Int, content: [UInt8]?)? {
            guard depth <= 2 * TrackRepository.maxDepth, let entry = PackIndex.entry(id, inIndex: index), entry.offset < pack.count - 20,
                  let header = PackWriter.entryHeader(pack, at: entry.offset) else { return nil }
            guard let base = header.base else {
                guard (1...4).contains(header.type) else { return nil }
                if !whole { return (header.type, header.size, nil) }
                guard let content = Zlib.decompress(pack[header.data..<(pack.count - 20)], size: header.size) else { return nil }
                return (header.type, header.size, content)
            }
            guard header.type == PackWriter.deltaType,
                  let delta = Zlib.decompress(pack[header.data..<(pack.count - 20)], size: header.size),
                  let size = GitDelta.targetSize(delta),
                  let source = object(base, whole: whole, depth: depth + 1) else { return nil }
            guard whole else { return (source.type, size, nil) }
            guard let content = GitDelta.apply(delta, to: source.content!), content.count == size else { return nil }
            return (source.type, size, content)
        }
    }
}
