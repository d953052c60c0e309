import Foundation

/// A pack's version-2 index (`objects/pack/pack-….idx`), read and written:
///
///     ff 74 4f 63, 00 00 00 02        magic, version
///     256 × 4 bytes                   fan-out: how many ids start with a byte ≤ i
///     N × 20 bytes                    the objects' ids, in order
///     N × 4 bytes                     each object's entry's CRC-32 in the pack
///     N × 4 bytes                     each entry's offset in the pack (below 2 GiB here)
///     20 + 20 bytes                   the pack's SHA-1, this file's SHA-1
struct PackIndex {
    struct Entry {
        var id: [UInt8]   // 20 bytes
        var offset: Int
        var crc: UInt32
    }

    /// In the order of the ids.
    var entries: [Entry]
    var packChecksum: [UInt8]

    private static let magic: [UInt8] = [0xFF, 0x74, 0x4F, 0x63, 0, 0, 0, 2]
    private static let fanOut = 256 * 4
    /// Where the ids start: the bytes to read for ``count(_:)``.
    static let idsStart = 8 + fanOut

    /// The number of objects, from an index's first ``idsStart`` bytes (the fan-out's last count).
    static func count(_ header: [UInt8]) -> Int {
        uint32(header, idsStart - 4)
    }

    /// The ids of the first `count` objects, from an index's first ``idsStart`` + 20 × `count` bytes.
    static func ids(_ data: [UInt8], count: Int) -> [ArraySlice<UInt8>] {
        (0..<count).map { data[(idsStart + 20 * $0)..<(idsStart + 20 * $0 + 20)] }
    }

    /// Reads an index; nil unless it is a version-2 index whose offsets are all below 2 GiB.
    init?(_ data: [UInt8]) {
        guard let layout = Self.layout(data) else { return nil }
        entries = []
        entries.reserveCapacity(layout.count)
        for i in 0..<layout.count {
            guard let entry = Self.entry(i, in: data, layout) else { return nil }
            entries.append(entry)
        }
        packChecksum = Array(data[(data.count - 40)..<(data.count - 20)])
    }

    /// The entry of the object `id` (20 bytes) in the index file `data`, found by bisection
    /// without reading the rest; nil when it does not list it, or is not an index ``init(_:)`` reads.
    static func entry(_ id: [UInt8], inIndex data: [UInt8]) -> Entry? {
        guard let layout = layout(data),
              let at = find(id, count: layout.count, idAt: { data[(idsStart + 20 * $0)..<(idsStart + 20 * $0 + 20)] }) else { return nil }
        return entry(at, in: data, layout)
    }

    /// Where an index file's tables start (its ids at ``idsStart``): nil unless `data` is a
    /// version-2 index of its size.
    private static func layout(_ data: [UInt8]) -> (count: Int, crcs: Int, offsets: Int)? {
        guard data.count >= idsStart + 40, Array(data[0..<magic.count]) == magic else { return nil }
        let count = count(data)
        let crcs = idsStart + 20 * count, offsets = crcs + 4 * count
        return data.count == offsets + 4 * count + 40 ? (count, crcs, offsets) : nil
    }

    /// The `i`-th entry of the index file `data`; nil when its offset is 2 GiB or more (a
    /// large-offset table this does not read).
    private static func entry(_ i: Int, in data: [UInt8], _ layout: (count: Int, crcs: Int, offsets: Int)) -> Entry? {
        let offset = uint32(data, layout.offsets + 4 * i)
        guard offset < 0x8000_0000 else { return nil }
        return Entry(id: Array(data[(idsStart + 20 * i)..<(idsStart + 20 * i + 20)]), offset: offset,
                     crc: UInt32(uint32(data, layout.crcs + 4 * i)))
    }

    /// The pack's SHA-1 an index file `data` holds.
    static func packChecksum(ofIndex data: [UInt8]) -> [UInt8]? {
        data.count >= idsStart + 40 ? Array(data[(data.count - 40)..<(data.count - 20)]) : nil
    }

    /// The entry of the object `id` (20 bytes), found by bisection; nil when the pack lacks it.
    func entry(_ id: [UInt8]) -> Entry? {
        Self.find(id, count: entries.count) { entries[$0].id }.map { entries[$0] }
    }

    /// Where `id` is among `count` ids in order, `idAt(i)` the i-th, found by bisection; nil when
    /// it is not among them.
    static func find<ID: Collection<UInt8>>(_ id: [UInt8], count: Int, idAt: (Int) -> ID) -> Int? {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if idAt(middle).lexicographicallyPrecedes(id) { low = middle + 1 } else { high = middle }
        }
        return low < count && idAt(low).elementsEqual(id) ? low : nil
    }

    init(entries: [Entry], packChecksum: [UInt8]) {
        // Sorted by each id's first eight bytes as one number, then (rarely: thousands of ids
        // share no prefix that long) by the rest: a comparison of two arrays a step was a
        // fifth of writing a day's pack.
        func prefix(_ id: [UInt8]) -> UInt64 {
            id.withUnsafeBytes { UInt64(bigEndian: $0.loadUnaligned(as: UInt64.self)) }
        }
        let prefixes = entries.map { prefix($0.id) }
        let order = entries.indices.sorted { first, second in
            if prefixes[first] != prefixes[second] { return prefixes[first] < prefixes[second] }
            return entries[first].id.lexicographicallyPrecedes(entries[second].id)
        }
        self.entries = order.map { entries[$0] }
        self.packChecksum = packChecksum
    }

    /// The index's bytes, its own SHA-1 last.
    func encoded() -> [UInt8] {
        var data = Self.magic
        data.reserveCapacity(Self.magic.count + Self.fanOut + 28 * entries.count + 40)
        var counts = [Int](repeating: 0, count: 256)
        for entry in entries { counts[Int(entry.id[0])] += 1 }
        var total = 0
        for count in counts {
            total += count
            Self.append(UInt32(total), to: &data)
        }
        for entry in entries { data.append(contentsOf: entry.id) }
        for entry in entries { Self.append(entry.crc, to: &data) }
        for entry in entries { Self.append(UInt32(entry.offset), to: &data) }
        data.append(contentsOf: packChecksum)
        data.append(contentsOf: SHA1.digest(data))
        return data
    }

    static func uint32(_ data: [UInt8], _ at: Int) -> Int {
        Int(data[at]) << 24 | Int(data[at + 1]) << 16 | Int(data[at + 2]) << 8 | Int(data[at + 3])
    }

    static func append(_ value: UInt32, to data: inout [UInt8]) {
        data.append(contentsOf: [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)])
    }
}
