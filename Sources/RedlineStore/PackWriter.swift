import Foundation

/// One pack file, built in memory and then put in `objects/pack` with its index:
///
///     "PACK", version 2, number of entries          12 bytes
///     each entry: type and size (base-128), for a delta the id of its base, then the zlib
///                 stream of the object or of the delta
///     SHA-1 of all of the above                     20 bytes
///
/// Entries are whole objects (commit 1, tree 2, blob 3, tag 4), deltas against another object
/// of the same pack named by id (7, "REF_DELTA", as libgit2 writes them), or entries of another
/// pack copied byte for byte (their CRC-32 with them).
struct PackWriter {
    static let deltaType = 7
    /// Files being written are named so, until they are renamed into place: not `tmp_…`, which
    /// `git prune` (`git gc --prune=now`) deletes in `objects/pack` however new, under a writer.
    static let temporaryPrefix = ".tmp-redline-"

    private var bytes: [UInt8] = Array("PACK".utf8) + [0, 0, 0, 2, 0, 0, 0, 0]
    private(set) var entries: [PackIndex.Entry] = []
    /// The pack as ``write(into:keep:)`` put it in place: its name, bytes and index.
    private(set) var written: (name: String, bytes: [UInt8], index: PackIndex)?

    /// A pack expected to take about `capacity` bytes: room for them is taken once, rather than
    /// doubled and copied as entries are added.
    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// An entry of another pack, as it is, once its bytes match the CRC-32 that pack's index
    /// keeps for them (as `git repack` checks an entry it reuses): a damaged entry is not copied
    /// into a pack whose checksum would then hide the damage.
    mutating func copy(_ entry: ArraySlice<UInt8>, id: [UInt8], crc: UInt32) throws {
        guard Zlib.crc32(entry) == crc else { throw Failure.damagedEntry(ObjectID.hex(id)) }
        entries.append(PackIndex.Entry(id: id, offset: bytes.count, crc: crc))
        bytes.append(contentsOf: entry)
    }

    /// A whole object of `type` (1…4), compressed at `level`.
    mutating func add(type: Int, content: [UInt8], id: [UInt8], level: Int32) throws {
        guard let compressed = Zlib.compress(content, level: level) else { throw Failure.compression }
        append(header: Self.header(type: type, size: content.count), compressed, id: id)
    }

    /// The object `id` as `delta` against the object `base`, which this pack also holds,
    /// compressed at `level`.
    mutating func add(delta: [UInt8], base: [UInt8], id: [UInt8], level: Int32 = 6) throws {
        guard let compressed = Zlib.compress(delta, level: level) else { throw Failure.compression }
        append(header: Self.header(type: Self.deltaType, size: delta.count) + base, compressed, id: id)
    }

    private mutating func append(header: [UInt8], _ compressed: [UInt8], id: [UInt8]) {
        let start = bytes.count
        bytes.append(contentsOf: header)
        bytes.append(contentsOf: compressed)
        entries.append(PackIndex.Entry(id: id, offset: start, crc: Zlib.crc32(bytes[start...])))
    }

    /// Writes the pack and its index into `folder` (`objects/pack`), each under a temporary name,
    /// flushed to disk and renamed, the index last, so that a reader finds the pack whole or not
    /// at all. Returns the pack's name (`pack-<SHA-1>`).
    ///
    /// With `keep`, a `.keep` file is put beside it first, as `git receive-pack` does for a pack
    /// whose objects no reference reaches yet: `git repack -a -d` neither repacks nor removes a
    /// kept pack, so it cannot drop them before the branch moves (``PackKeep``).
    mutating func write(into folder: String, keep: Bool = false) throws -> String {
        var checksum = try sealed()
        var name = "pack-" + ObjectID.hex(checksum)
        if keep, access("\(folder)/\(name).pack", F_OK) == 0, access("\(folder)/\(name).keep", F_OK) != 0 {
            // The same bytes lie there without a `.keep`: a try of this capture that failed after
            // writing its pack let it go, and a `git repack -a -d` that listed it since removes
            // it at its end, kept by then or not. A blob no reference reaches makes this another
            // pack (git drops the blob when it next repacks).
            let filler = GitObject(blob: Data("redline: a capture written again beside \(name), \(UUID().uuidString)\n".utf8))
            try add(type: filler.type, content: filler.content, id: ObjectID.bytes(filler.id), level: 6)
            checksum = try sealed()
            name = "pack-" + ObjectID.hex(checksum)
        }
        let packIndex = PackIndex(entries: entries, packChecksum: checksum)
        let index = packIndex.encoded()
        bytes.append(contentsOf: checksum)
        let keepPath = "\(folder)/\(name).keep", packPath = "\(folder)/\(name).pack"
        let placesKeep = keep && access(keepPath, F_OK) != 0   // one kept already (an earlier try's) stays kept
        let placesPack = access(packPath, F_OK) != 0           // the same bytes already in place stay
        // Not flushed: it only has to be seen by a `git repack` running now (the system's
        // cache shows it at once); after a crash the branch either holds the pack or never will.
        if placesKeep { try Self.place([Array(PackKeep.content.utf8)], at: keepPath, folder: folder, flushed: false) }
        do {
            try Self.place([bytes], at: packPath, folder: folder)
            try Self.place([index], at: "\(folder)/\(name).idx", folder: folder)
            written = (name, bytes, packIndex)
        } catch {
            if placesPack { unlink(packPath) }   // without its .idx (a full disk): not left for ten minutes
            if placesKeep { unlink(keepPath) }
            throw error
        }
        let directory = open(folder, O_RDONLY)
        if directory >= 0 {
            fsync(directory)
            close(directory)
        }
        return name
    }

    /// The header's number of entries set to those added so far, and the SHA-1 of the pack so far:
    /// its checksum, which names it.
    private mutating func sealed() throws -> [UInt8] {
        guard bytes.count < 0x8000_0000 else { throw Failure.tooLarge }
        var count: [UInt8] = []
        PackIndex.append(UInt32(entries.count), to: &count)
        bytes.replaceSubrange(8..<12, with: count)
        return SHA1.digest(bytes)
    }

    /// Writes `parts`, one after the other, into a new file at `path`, flushed to disk unless
    /// `flushed` is false.
    private static func place(_ parts: [[UInt8]], at path: String, folder: String, flushed: Bool = true) throws {
        let temporary = "\(folder)/\(temporaryPrefix)\(getpid())_\(UInt32.random(in: 0...UInt32.max))"
        let file = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o444)
        guard file >= 0 else { throw Failure.system("open", errno) }
        var failure: Int32?
        for part in parts where failure == nil {
            var written = 0
            failure = part.withUnsafeBytes { data in
                while written < data.count {
                    let count = Foundation.write(file, data.baseAddress! + written, data.count - written)
                    if count < 0 {
                        if errno == EINTR { continue }
                        return errno
                    }
                    written += count
                }
                return nil
            }
        }
        if failure == nil, flushed, fsync(file) != 0 { failure = errno }
        close(file)
        if let failure {
            unlink(temporary)
            throw Failure.system("write", failure)
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw Failure.system("rename", code)
        }
    }

    /// The type-and-size header: 1tttssss then 7 bits of size a byte, least first.
    private static func header(type: Int, size: Int) -> [UInt8] {
        var header = [UInt8(type << 4 | (size & 0x0F))]
        var rest = size >> 4
        while rest > 0 {
            header[header.count - 1] |= 0x80
            header.append(UInt8(rest & 0x7F))
            rest >>= 7
        }
        return header
    }

    /// An entry's header, read from `pack` at `offset`: its type, the size of the object (of the
    /// delta, for a delta), for a delta against an id its base's id, and where its zlib stream starts.
    static func entryHeader(_ pack: [UInt8], at offset: Int) -> (type: Int, size: Int, base: [UInt8]?, data: Int)? {
        var at = offset
        guard at < pack.count else { return nil }
        var byte = pack[at]
        let type = Int(byte >> 4) & 7
        var size = Int(byte & 0x0F)
        var shift = 4
        while byte & 0x80 != 0 {
            at += 1
            guard at < pack.count, shift < 57 else { return nil }
            byte = pack[at]
            size |= Int(byte & 0x7F) << shift
            shift += 7
        }
        guard type == deltaType else { return (type, size, nil, at + 1) }
        guard at + 21 <= pack.count else { return nil }
        return (type, size, Array(pack[(at + 1)..<(at + 21)]), at + 21)
    }

    enum Failure: Error {
        /// An entry to copy does not match its CRC-32: the object whose entry it is.
        case damagedEntry(String)
        case compression
        case tooLarge
        case system(String, Int32)
    }
}
