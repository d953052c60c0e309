import Foundation

/// A pack on disk, read for rewriting: its bytes and, in file order, each entry's id, extent,
/// CRC-32, type and (for a delta) base.
struct PackedObjects {
    struct Entry {
        var id: String
        var range: Range<Int>
        var crc: UInt32
        var type: Int
        var base: String?
    }

    let name: String
    let bytes: [UInt8]
    let entries: [Entry]

    /// Nil unless the pack and its index are whole and every delta names its base by id (what
    /// libgit2 and ``PackWriter`` write; `git gc` writes deltas by offset).
    init?(name: String, folder: String) {
        guard let index = FileManager.default.contents(atPath: "\(folder)/\(name).idx").flatMap({ PackIndex([UInt8]($0)) }),
              let data = FileManager.default.contents(atPath: "\(folder)/\(name).pack"), data.count >= 32 else { return nil }
        let bytes = [UInt8](data)
        guard Array(bytes[(bytes.count - 20)...]) == index.packChecksum else { return nil }
        let ordered = index.entries.sorted { $0.offset < $1.offset }
        var entries: [Entry] = []
        entries.reserveCapacity(ordered.count)
        for (position, entry) in ordered.enumerated() {
            let end = position + 1 < ordered.count ? ordered[position + 1].offset : bytes.count - 20
            guard entry.offset >= 12, entry.offset < end, let header = PackWriter.entryHeader(bytes, at: entry.offset),
                  (1...4).contains(header.type) || header.type == PackWriter.deltaType else { return nil }
            entries.append(Entry(id: Self.hex(entry.id), range: entry.offset..<end, crc: entry.crc, type: header.type,
                                 base: header.base.map(Self.hex)))
        }
        let ids = Set(entries.map(\.id))
        guard entries.allSatisfy({ $0.base.map(ids.contains) ?? true }) else { return nil }   // a base outside: not a whole pack
        self.name = name
        self.bytes = bytes
        self.entries = entries
    }

    static func hex(_ id: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: id.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] }, as: UTF8.self)
    }

    static func id(_ hex: String) -> [UInt8] {
        let digits = Array(hex.utf8)
        func value(_ digit: UInt8) -> UInt8 { digit <= 57 ? digit - 48 : digit - 87 }
        return stride(from: 0, to: digits.count, by: 2).map { value(digits[$0]) << 4 | value(digits[$0 + 1]) }
    }
}
