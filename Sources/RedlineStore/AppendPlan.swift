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

    /// Each object added, by id: its place after the packed entries (``position(_:)``).
    private let addingPositions: [String: Int]
    /// A file's version → its next one, of those this pack holds or adds.
    private let successors: [String: String]
    /// The deltas ``storeAhead(contents:)`` made: an object added → the base it was made
    /// against, and the delta.
    private var aheadDeltas: [String: (base: String, delta: [UInt8])] = [:]
    /// The whole versions objects were stored ahead of.
    var aheadBases: Set<String> { Set(aheadDeltas.compactMap { bases[$0.key] == $0.value.base ? $0.value.base : nil }) }

    init(packed: PackedObjects?, adding: [String], successors: [String: String]) {
        self.packed = packed
        // Each object once: a capture's objects can be loose already (a settled capture of the
        // same page, the same `.gitattributes` in every version), and a pack holding an object
        // twice is one git refuses (`verify-pack`) and whose two copies' bases can disagree.
        var seen: Set<String> = []
        let adding = adding.filter { seen.insert($0).inserted }
        self.adding = adding
        let packedCount = packed?.entries.count ?? 0
        addingPositions = Dictionary(adding.enumerated().map { ($0.element, packedCount + $0.offset) }, uniquingKeysWith: { first, _ in first })
        self.successors = successors
        for (old, new) in successors.sorted(by: { $0.key < $1.key }) where position(new) != nil {
            if let packedOld = packed?.position(of: old) {
                guard packed?.wholeEnd(of: packedOld)?.type == 3 else { continue }   // a blob, whole or rebuilt in the pack
            } else if addingPositions[old] == nil {
                continue
            }
            bases[old] = new
            if chain(from: new).contains(old) { bases[old] = nil }   // never a delta against itself, however far round
        }
    }

    /// Where `id` is among the packed entries and then the objects added (an object both packed
    /// and added is where it is packed); nil when it is in neither.
    private func position(_ id: String) -> Int? {
        packed?.position(of: id) ?? addingPositions[id]
    }

    /// The base an object has in the pack to be written, nil when it is whole.
    private func base(of id: String) -> String? {
        if let base = bases[id] { return base }
        guard let packed, let position = packed.position(of: id), let base = packed.basePositions[position] else { return nil }
        return packed.entries[base].id
    }

    /// The objects from `id` to the whole one its deltas end at, `id` first.
    private func chain(from id: String) -> [String] {
        var chain = [id]
        var seen: Set<String> = [id]
        while let next = base(of: chain[chain.count - 1]), seen.insert(next).inserted { chain.append(next) }
        return chain
    }

    /// A large file's new version (a page, its article) stored as a delta against the whole
    /// version its previous version's chain ends at, rather than whole and compressed again
    /// (7 ms a capture for a 1.9 MB page): the version before it then becomes a delta against
    /// it, as ever. Once the new version has drifted from that base by more than a sixteenth of
    /// its size, it is stored whole, and the old base becomes a delta against it too:
    ///
    ///     pack before:   v7 (delta → v8)   v8 (delta → v5)   v5 (whole)
    ///     ahead:         v7 (delta → v8)   v8 (delta → v9)   v5 (whole)   v9 (delta → v5)
    ///     whole again:   v7 (delta → v8)   v8 (delta → v9)   v5 (delta → v9)   v9 (whole)
    ///
    /// Only for versions whose previous version this pack holds, at least ``aheadSize`` bytes.
    mutating func storeAhead(contents: inout ObjectContents) throws {
        guard let packed else { return }
        for (old, new) in successors.sorted(by: { $0.key < $1.key }) where addingPositions[new] != nil && packed.position(of: new) == nil {
            guard let oldAt = packed.position(of: old), let end = packed.wholeEnd(of: oldAt), end.type == 3 else { continue }
            let target = try contents.object(new)
            guard target.type == 3, target.content.count >= Self.aheadSize else { continue }
            let base = packed.entries[end.position].id
            let source = try contents.object(base)
            if let delta = GitDelta.checked(source: source.content, target: target.content, under: target.content.count / 16 + 1) {
                let before = bases
                if base == old { bases[old] = nil }   // the version before is the base, and stays whole
                bases[new] = base
                if chain(from: base).contains(new) {   // never a delta against itself, however far round
                    bases = before
                    continue
                }
                aheadDeltas[new] = (base, delta)
            } else if base != old {
                bases[base] = new   // whole again: the old base, no longer the end of any chain, a delta against it
                if chain(from: new).contains(base) { bases[base] = nil }   // a version come back as it was: no cycle
            }
        }
    }

    /// Files this large are stored ahead (``storeAhead(contents:)``); smaller ones are cheap to
    /// compress whole.
    static let aheadSize = 1 << 18

    /// Cuts every chain longer than ``TrackRepository/maxDepth``: the object halfway along it
    /// becomes a delta straight against the whole object at its end.
    mutating func shortenChains(contents: inout ObjectContents) throws {
        for _ in 0..<8 {
            guard let deepest = deepestChainStart(), chain(from: deepest).count - 1 > TrackRepository.maxDepth else { return }
            let walked = chain(from: deepest)
            let whole = walked[walked.count - 1]
            let cut = walked[walked.count - 1 - TrackRepository.maxDepth / 2]
            guard try contents.object(cut).type == 3, try contents.object(whole).type == 3 else { return }
            bases[cut] = whole
        }
    }

    /// The object whose chain of deltas is the longest (the first such, packed entries first),
    /// found by place (``position(_:)``) rather than by id: a pack holds thousands of entries,
    /// and only the few in ``bases`` have a base other than the one they are packed with.
    private func deepestChainStart() -> String? {
        let packedCount = packed?.entries.count ?? 0
        var baseAt = (packed?.basePositions ?? []).map { $0 ?? -1 } + [Int](repeating: -1, count: adding.count)
        for (index, id) in adding.enumerated() where packed?.position(of: id) == nil {
            baseAt[packedCount + index] = base(of: id).flatMap(position) ?? -1
        }
        for (id, base) in bases {
            if let at = position(id) { baseAt[at] = position(base) ?? -1 }
        }
        // Depths, each chain walked once: -1 not known yet, -2 on the walk under way.
        var depth = [Int](repeating: -1, count: baseAt.count)
        var walk: [Int] = []
        for start in baseAt.indices where depth[start] == -1 {
            walk.removeAll(keepingCapacity: true)
            var at = start
            while at >= 0, depth[at] == -1 {
                depth[at] = -2
                walk.append(at)
                at = baseAt[at]
            }
            var next = at >= 0 && depth[at] >= 0 ? depth[at] + 1 : 0   // a loop (-2) ends the chain, as chain(from:) does
            for step in walk.reversed() {
                depth[step] = next
                next += 1
            }
        }
        guard let deepest = depth.indices.max(by: { depth[$0] < depth[$1] }) else { return nil }
        return deepest < packedCount ? packed?.entries[deepest].id : adding[deepest - packedCount]
    }

    /// Never a pack whose deltas go round in a cycle (git and libgit2 loop on one for ever):
    /// whatever made one, the first object on it whose base this plan chose loses that base (it
    /// is written whole, or copied as the pack held it), until no cycle is left.
    mutating func breakCycles() {
        var changed = true
        while changed {
            changed = false
            for id in bases.keys.sorted() where bases[id] != nil {
                var path = [id]
                var seen: Set<String> = [id]
                while let next = base(of: path[path.count - 1]) {
                    guard seen.insert(next).inserted else {
                        let cycle = path[path.firstIndex(of: next)!...]
                        if let chosen = cycle.first(where: { bases[$0] != nil }) {
                            bases[chosen] = nil
                            changed = true
                        }
                        break
                    }
                    path.append(next)
                }
            }
        }
    }

    /// The pack: the rewritten pack's entries in their order, then the objects added.
    mutating func write(contents: inout ObjectContents) throws -> PackWriter {
        breakCycles()
        // Room for the pack rewritten and the objects added, compressed about fourfold (a
        // page's whole; the rest are small).
        let incoming = try adding.filter { packed?.position(of: $0) == nil }.reduce(0) { $0 + (try contents.object($1).content.count) }
        var writer = PackWriter(capacity: (packed?.bytes.count ?? 0) + incoming / 4 + 4096)
        written = []
        let rewritten = Set(bases.keys.compactMap { packed?.position(of: $0) })
        for (position, entry) in (packed?.entries ?? []).enumerated() {
            if rewritten.contains(position) {
                try add(entry.id, to: &writer, contents: &contents)
            } else {
                try writer.copy(packed!.bytes[entry.range], id: entry.idBytes, crc: entry.crc)
            }
        }
        for id in adding where packed?.position(of: id) == nil {
            try add(id, to: &writer, contents: &contents)
        }
        return writer
    }

    /// Adds `id` as a delta against its base when that is checked and pays (under half the
    /// object), else whole: large blobs and deltas stored ahead at zlib's fastest level (they
    /// stay so only until the next version), the rest at its default.
    private mutating func add(_ id: String, to writer: inout PackWriter, contents: inout ObjectContents) throws {
        let object = try contents.object(id)
        written.append((id, object.type, object.content.count))
        if let base = bases[id], let ahead = aheadDeltas[id], ahead.base == base {   // made and checked already
            // At zlib's fastest: the next capture rewrites it as a delta against its next version.
            try writer.add(delta: ahead.delta, base: ObjectID.bytes(base), id: ObjectID.bytes(id), level: 1)
            return
        }
        if let base = bases[id] {
            let source = try contents.object(base)
            if source.type == object.type,
               let delta = GitDelta.checked(source: source.content, target: object.content, under: object.content.count / 2) {
                try writer.add(delta: delta, base: ObjectID.bytes(base), id: ObjectID.bytes(id))
                return
            }
        }
        try writer.add(type: object.type, content: object.content, id: ObjectID.bytes(id),
                       level: object.content.count >= 1 << 18 ? 1 : 6)
    }
}
