import Foundation

/// A pack on disk, read for rewriting: its bytes and, in file order, each entry's id, extent,
/// CRC-32, type and (for a delta) base.
struct PackedObjects {
    struct Entry {
        /// The id as the 20 bytes the index holds.
        var idBytes: [UInt8]
        var range: Range<Int>
        var crc: UInt32
        var type: Int

        /// The id as hex, made when asked: most of a pack's entries are only copied.
        var id: String { ObjectID.hex(idBytes) }
    }

    let name: String
    let bytes: [UInt8]
    let entries: [Entry]
    /// Each entry's place in `entries`, by id.
    private let positions: [ObjectKey: Int]
    /// For each entry, its base's place in `entries`; nil when it is whole.
    let basePositions: [Int?]

    /// Nil unless the pack and its index are whole and every delta names its base by id (what
    /// libgit2 and ``PackWriter`` write; `git gc` writes deltas by offset).
    init?(name: String, folder: String) {
        guard let index = GitFiles.bytes(of: "\(folder)/\(name).idx").flatMap(PackIndex.init),
              let bytes = GitFiles.bytes(of: "\(folder)/\(name).pack") else { return nil }
        self.init(name: name, bytes: bytes, index: index)
    }

    /// The pack `name` whose file holds `bytes`, described by `index`; nil as above.
    init?(name: String, bytes: [UInt8], index: PackIndex) {
        guard bytes.count >= 32 else { return nil }
        guard Array(bytes[(bytes.count - 20)...]) == index.packChecksum else { return nil }
        // In file order: the index's entries sorted by offset, as one integer each (offset, then place).
        let ordered = index.entries.indices.map { UInt64(index.entries[$0].offset) << 32 | UInt64($0) }.sorted()
            .map { index.entries[Int($0 & 0xFFFF_FFFF)] }
        var entries: [Entry] = []
        entries.reserveCapacity(ordered.count)
        var bases: [ObjectKey?] = []
        bases.reserveCapacity(ordered.count)
        for (position, entry) in ordered.enumerated() {
            let end = position + 1 < ordered.count ? ordered[position + 1].offset : bytes.count - 20
            guard entry.offset >= 12, entry.offset < end, let header = PackWriter.entryHeader(bytes, at: entry.offset),
                  (1...4).contains(header.type) || header.type == PackWriter.deltaType else { return nil }
            entries.append(Entry(idBytes: entry.id, range: entry.offset..<end, crc: entry.crc, type: header.type))
            bases.append(header.base.map { ObjectKey($0) })
        }
        var positions: [ObjectKey: Int] = [:]
        positions.reserveCapacity(entries.count)
        for (position, entry) in entries.enumerated() where positions[ObjectKey(entry.idBytes)] == nil {
            positions[ObjectKey(entry.idBytes)] = position
        }
        var basePositions: [Int?] = []
        basePositions.reserveCapacity(entries.count)
        for base in bases {
            guard let base else { basePositions.append(nil); continue }
            guard let position = positions[base] else { return nil }   // a base outside: not a whole pack
            basePositions.append(position)
        }
        self.name = name
        self.bytes = bytes
        self.entries = entries
        self.positions = positions
        self.basePositions = basePositions
    }

    /// The place of the object `id` (hex) in `entries`; nil when the pack lacks it.
    func position(of id: String) -> Int? {
        ObjectKey(hex: id).flatMap { positions[$0] }
    }

    /// The object at `position`: whole, or its delta applied to its base, which `base` gives for
    /// the base's place (``ObjectContents`` and ``TrackRepository``'s reading of a file read each
    /// once); nil when the delta does not apply or `base` gives nothing. Throws
    /// ``PackWriter/Failure/damagedEntry(_:)`` for an entry whose bytes are not what its index
    /// says, or do not inflate. Each entry's bytes are checked against the CRC-32 the index keeps
    /// for them (as `git repack` checks an entry it copies), zlib checks what they make, and each
    /// delta the size it makes: the content is what was stored under its id, and is not hashed again.
    func object(at position: Int, base: (Int) throws -> (type: Int, content: [UInt8])?) throws -> (type: Int, content: [UInt8])? {
        let entry = try inflated(at: position)
        guard let basePosition = entry.base else { return (entry.type, entry.data) }
        guard let source = try base(basePosition) else { return nil }
        return GitDelta.apply(entry.data, to: source.content).map { (source.type, $0) }
    }

    /// The entry at `position` decompressed, once its bytes match their CRC-32: a whole object's
    /// type and content, or a delta's bytes and its base's place.
    private func inflated(at position: Int) throws -> (type: Int, data: [UInt8], base: Int?) {
        let range = entries[position].range
        guard let header = PackWriter.entryHeader(bytes, at: range.lowerBound), Zlib.crc32(bytes[range]) == entries[position].crc,
              let data = Zlib.decompress(bytes[header.data..<range.upperBound], size: header.size)
        else { throw PackWriter.Failure.damagedEntry(entries[position].id) }
        return (header.type, data, basePositions[position])
    }

    /// The type of the object at `position` (a delta's is its chain's whole object's), and the
    /// place of that whole object.
    func wholeEnd(of position: Int) -> (type: Int, position: Int)? {
        var at = position
        for _ in 0...(2 * TrackRepository.maxDepth) {
            guard let base = basePositions[at] else { return (entries[at].type, at) }
            at = base
        }
        return nil   // a loop, which no writer makes
    }
}
