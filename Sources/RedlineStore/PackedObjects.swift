import Foundation

/// A pack on disk, read for rewriting: its bytes and, in file order, each entry's id, extent,
/// CRC-32, type and (for a delta) base.
struct PackedObjects {
    struct Entry {
        var id: String
        /// `id` as the 20 bytes the index holds.
        var idBytes: [UInt8]
        var range: Range<Int>
        var crc: UInt32
        var type: Int
        var base: String?
    }

    let name: String
    let bytes: [UInt8]
    let entries: [Entry]
    /// Each entry's place in `entries`, by id.
    let positions: [String: Int]
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
        let ordered = index.entries.sorted { $0.offset < $1.offset }
        var entries: [Entry] = []
        entries.reserveCapacity(ordered.count)
        for (position, entry) in ordered.enumerated() {
            let end = position + 1 < ordered.count ? ordered[position + 1].offset : bytes.count - 20
            guard entry.offset >= 12, entry.offset < end, let header = PackWriter.entryHeader(bytes, at: entry.offset),
                  (1...4).contains(header.type) || header.type == PackWriter.deltaType else { return nil }
            entries.append(Entry(id: ObjectID.hex(entry.id), idBytes: entry.id, range: entry.offset..<end, crc: entry.crc, type: header.type,
                                 base: header.base.map(ObjectID.hex)))
        }
        let positions = Dictionary(entries.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        var basePositions: [Int?] = []
        basePositions.reserveCapacity(entries.count)
        for entry in entries {
            guard let base = entry.base else { basePositions.append(nil); continue }
            guard let position = positions[base] else { return nil }   // a base outside: not a whole pack
            basePositions.append(position)
        }
        self.name = name
        self.bytes = bytes
        self.entries = entries
        self.positions = positions
        self.basePositions = basePositions
    }

    /// The object `id` when this pack holds it whole (not as a delta), decompressed; nil
    /// otherwise. Its entry's bytes are checked against the CRC-32 the index keeps for them (as
    /// `git repack` checks an entry it copies), and zlib checks what they make: the content is
    /// what was stored under `id`, and is not hashed again.
    func whole(_ id: String) -> (type: Int, content: [UInt8])? {
        guard let position = positions[id], let header = PackWriter.entryHeader(bytes, at: entries[position].range.lowerBound),
              header.base == nil, Zlib.crc32(bytes[entries[position].range]) == entries[position].crc,
              let content = Zlib.decompress(bytes[header.data..<entries[position].range.upperBound], size: header.size)
        else { return nil }
        return (header.type, content)
    }
}
