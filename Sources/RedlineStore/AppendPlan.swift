/// What goes into the pack ``TrackRepository/appendLoose(_:)`` writes: every entry of the pack
/// it rewrites (copied, or rewritten as a delta against the version that follows it) and every
/// object added (loose ones, or a capture's made in memory: whole, or a delta against its next
/// version), in that order.
struct AppendPlan {
    let packed: PackedObjects?
    let adding: [String]
    /// Each object that becomes a delta → its base: a file's version → its next version, and
    /// the oldest part of a chain too long → the newest version.
    private(set) var bases: [String: String] = [:]
    /// The objects not copied, with their type and size: read back once the pack is written.
    private(set) var written: [(id: String, type: Int, size: Int)] = []

    private let packedIDs: Set<String>
    private let copiedBases: [String: String]

    init(packed: PackedObjects?, adding: [String], successors: [String: String]) {
        self.packed = packed
        self.adding = adding
        let packedEntries = packed?.entries ?? []
        packedIDs = Set(packedEntries.map(\.id))
        copiedBases = Dictionary(packedEntries.compactMap { entry in entry.base.map { (entry.id, $0) } }, uniquingKeysWith: { first, _ in first })
        let present = packedIDs.union(adding)
        let wholeInPack = Set(packedEntries.filter { $0.type == 3 }.map(\.id))
        let addingSet = Set(adding)
        for (old, new) in successors.sorted(by: { $0.key < $1.key })
        where present.contains(new) && (wholeInPack.contains(old) || (addingSet.contains(old) && !packedIDs.contains(old))) {
            bases[old] = new
            if chain(from: new).contains(old) { bases[old] = nil }   // never a delta against itself, however far round
        }
    }

    /// The base an object has in the pack to be written, nil when it is whole.
    private func base(of id: String) -> String? {
        bases[id] ?? copiedBases[id]
    }

    /// The objects from `id` to the whole one its deltas end at, `id` first.
    private func chain(from id: String) -> [String] {
        var chain = [id]
        var seen: Set<String> = [id]
        while let next = base(of: chain[chain.count - 1]), seen.insert(next).inserted { chain.append(next) }
        return chain
    }

    /// Cuts every chain longer than ``TrackRepository/maxDepth``: the object halfway along it
    /// becomes a delta straight against the whole object at its end.
    mutating func shortenChains(contents: inout ObjectContents) throws {
        var depths: [String: Int] = [:]
        func depth(_ id: String) -> Int {
            if let known = depths[id] { return known }
            let walked = chain(from: id)
            for (position, step) in walked.enumerated() { depths[step] = walked.count - 1 - position }
            return depths[id]!
        }
        let all = (packed?.entries.map(\.id) ?? []) + adding
        for _ in 0..<8 {
            guard let deepest = all.max(by: { depth($0) < depth($1) }), depth(deepest) > TrackRepository.maxDepth else { return }
            let walked = chain(from: deepest)
            let whole = walked[walked.count - 1]
            let cut = walked[walked.count - 1 - TrackRepository.maxDepth / 2]
            guard try contents.object(cut).type == 3, try contents.object(whole).type == 3 else { return }
            bases[cut] = whole
            depths = [:]
        }
    }

    /// The pack: the rewritten pack's entries in their order, then the objects added.
    mutating func write(contents: inout ObjectContents) throws -> PackWriter {
        // Room for the pack rewritten and the objects added, compressed about fourfold (a
        // page's whole; the rest are small).
        let incoming = try adding.filter { !packedIDs.contains($0) }.reduce(0) { $0 + (try contents.object($1).content.count) }
        var writer = PackWriter(capacity: (packed?.bytes.count ?? 0) + incoming / 4 + 4096)
        written = []
        for entry in packed?.entries ?? [] {
            if bases[entry.id] != nil {
                try add(entry.id, to: &writer, contents: &contents)
            } else {
                writer.copy(packed!.bytes[entry.range], id: ObjectID.bytes(entry.id), crc: entry.crc)
            }
        }
        for id in adding where !packedIDs.contains(id) {
            try add(id, to: &writer, contents: &contents)
        }
        return writer
    }

    /// Adds `id` as a delta against its base when that is checked and pays (under half the
    /// object), else whole: large blobs at zlib's fastest level (they are whole only until the
    /// next version), the rest at its default.
    private mutating func add(_ id: String, to writer: inout PackWriter, contents: inout ObjectContents) throws {
        let object = try contents.object(id)
        written.append((id, object.type, object.content.count))
        if let base = bases[id] {
            let source = try contents.object(base)
            if source.type == object.type {
                let delta = GitDelta.encode(source: source.content, target: object.content)
                if delta.count < object.content.count / 2, GitDelta.makes(object.content, from: source.content, with: delta) {
                    try writer.add(delta: delta, base: ObjectID.bytes(base), id: ObjectID.bytes(id))
                    return
                }
            }
        }
        try writer.add(type: object.type, content: object.content, id: ObjectID.bytes(id),
                       level: object.content.count >= 1 << 18 ? 1 : 6)
    }
}
