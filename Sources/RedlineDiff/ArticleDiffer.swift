import RedlineModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Compares two versions of an article block by block.
///
///     old: [T "Talks begin", a, b, c]
///     new: [T' "Talks end", x, T "Talks begin", a, c, b']
///     → T' added, x added, T unchanged, a unchanged, c unchanged, b' moved (edited, words …)
///
/// The stages, each in its own file: both versions read into flat arrays with an id per text
/// (``VersionBlocks``, ``BlockInterner``: UTF-8 bytes, plainly unchanged entries skipped),
/// alignment anchored on entry ids and unique blocks (``BlockAlignment``, ``Myers``), pairing of
/// what is left into moves and edits, white-space-only changes included (``MoveDetection``,
/// ``FoldedText``, ``WordDiff``, ``Tokenizer``), and key events (``KeyEventMatching``).
public enum ArticleDiffer {
    /// The change from `old` to `new`; `article`, `from` and `to` are left for the caller to fill in.
    public static func diff(_ old: Article, _ new: Article) -> ArticleDiff {
        var oldItems = VersionBlocks(old)
        var newItems = VersionBlocks(new)
        let anchors = EntryAnchors(old: old, new: new, oldItems: oldItems, newItems: newItems)
        var interner = BlockInterner(capacity: oldItems.count + 64)
        VersionBlocks.presetUnchanged(&oldItems, &newItems, anchors: anchors.pairs, interner: &interner)
        oldItems.assignIDs(&interner)
        newItems.assignIDs(&interner)

        // Align, region by region between anchored entries.
        // Anchors are chosen by the amount of text they keep in place, so a paragraph is kept before a
        // time line (and ties, which would make the result depend on the direction, are rare).
        let weights = oldItems.lengths.map { $0 &+ 1 }
        var alignment = BlockAlignment(old: oldItems.ids, new: newItems.ids, idCount: interner.count, weights: weights)
        for region in anchors.regions { alignment.align(region.old, region.new) }
        let steps = alignment.steps

        // Gaps: the stretches between aligned blocks.
        var oldGaps = [Int32](repeating: -1, count: oldItems.count)
        var newGaps = [Int32](repeating: -1, count: newItems.count)
        var deleted: [Int] = [], inserted: [Int] = []
        var gap: Int32 = 0
        for step in steps {
            switch step.operation {
            case .equal: gap += 1
            case .delete: oldGaps[Int(step.old)] = gap; deleted.append(Int(step.old))
            case .insert: newGaps[Int(step.new)] = gap; inserted.append(Int(step.new))
            }
        }

        // Pair what is left.
        var pairByNew: [Int: MoveDetection.Pair] = [:]
        var pairedOld = Set<Int>()
        if !deleted.isEmpty && !inserted.isEmpty {
            let detection = MoveDetection(
                old: MoveDetection.Side(oldItems, gaps: oldGaps, leftOver: deleted),
                new: MoveDetection.Side(newItems, gaps: newGaps, leftOver: inserted),
                entryAnchors: anchors.oldToNew, anchoredNewEntries: anchors.newIsAnchored)
            for pair in detection.pairs(deleted: deleted, inserted: inserted) {
                pairByNew[pair.new] = pair
                pairedOld.insert(pair.old)
            }
        }

        // Assemble in the new order, removed blocks where they stood.
        let oldEntries = old.entries.map(EntryReference.init)
        let newEntries = new.entries.map(EntryReference.init)
        var changes: [BlockChange] = []
        changes.reserveCapacity(newItems.count + deleted.count - pairedOld.count)
        func removed(_ i: Int) -> BlockChange {
            let e = Int(oldItems.entries[i])
            return BlockChange(change: .removed, oldIndex: i, oldText: oldItems.texts[i], kind: oldItems.kinds[i],
                               entry: e < 0 ? nil : oldEntries[e])
        }
        func present(_ j: Int) -> BlockChange {
            let e = Int(newItems.entries[j])
            let entry = e < 0 ? nil : newEntries[e]
            guard let pair = pairByNew[j] else {
                return BlockChange(change: .added, newIndex: j, newText: newItems.texts[j], kind: newItems.kinds[j], entry: entry)
            }
            return BlockChange(change: pair.change, edited: pair.edited, oldIndex: pair.old, newIndex: j,
                               oldText: oldItems.texts[pair.old], newText: newItems.texts[j], kind: newItems.kinds[j],
                               entry: entry, words: pair.words)
        }

        var index = 0
        var gapOld: [Int] = [], gapNew: [Int] = []
        while index < steps.count {
            let step = steps[index]
            if step.operation == .equal {
                let i = Int(step.old), j = Int(step.new)
                let e = Int(newItems.entries[j])
                changes.append(BlockChange(change: .unchanged, oldIndex: i, newIndex: j, oldText: oldItems.texts[i],
                                           newText: newItems.texts[j], kind: newItems.kinds[j],
                                           entry: e < 0 ? nil : newEntries[e]))
                index += 1
                continue
            }
            gapOld.removeAll(keepingCapacity: true)
            gapNew.removeAll(keepingCapacity: true)
            while index < steps.count && steps[index].operation != .equal {
                let s = steps[index]
                if s.operation == .delete { if !pairedOld.contains(Int(s.old)) { gapOld.append(Int(s.old)) } } else { gapNew.append(Int(s.new)) }
                index += 1
            }
            gapOld.sort()
            // A removed block goes before the first block kept in place that followed it in the old
            // version, and otherwise before the blocks added around it.
            var nextInPlace = [Int](repeating: Int.max, count: gapNew.count + 1)
            for k in gapNew.indices.reversed() {
                if let pair = pairByNew[gapNew[k]], pair.change != .moved { nextInPlace[k] = pair.old } else { nextInPlace[k] = nextInPlace[k + 1] }
            }
            var r = 0
            for (k, j) in gapNew.enumerated() {
                while r < gapOld.count && gapOld[r] < nextInPlace[k] { changes.append(removed(gapOld[r])); r += 1 }
                changes.append(present(j))
            }
            while r < gapOld.count { changes.append(removed(gapOld[r])); r += 1 }
        }

        return ArticleDiff(keyEvents: KeyEventMatching.changes(old.keyEvents, new.keyEvents), blocks: changes)
    }
}

/// Gives each distinct block text an integer id. Texts are told apart by their bytes (a key from
/// the length and three 16-byte samples, confirmed with `memcmp`), so no text is read in full
/// more than once; texts that differ only in white space get different ids here and are paired
/// again by ``MoveDetection``.
struct BlockInterner {
    private var slots: HashSlots
    private var representatives: [String] = []

    init(capacity: Int) {
        slots = HashSlots(capacity: capacity)
        representatives.reserveCapacity(capacity)
    }

    /// The number of distinct texts.
    var count: Int { representatives.count }

    /// A new id that no text has.
    mutating func freshID() -> Int32 {
        representatives.append("")
        return Int32(representatives.count - 1)
    }

    /// The id of `text`.
    mutating func intern(_ text: String) -> Int32 {
        text.withUTF8Bytes { bytes in
            let key = Self.key(bytes)
            let found = slots.first(key) { id in
                representatives[Int(id)].withUTF8Bytes { other in
                    other.count == bytes.count && (bytes.isEmpty || memcmp(other.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
                }
            }
            if let found { return found }
            let id = Int32(representatives.count)
            slots.insert(key, id)
            representatives.append(text)
            return id
        }
    }

    /// A hash of the length and the first, middle and last 16 bytes.
    private static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = bytes.count
        guard n > 48, let base = bytes.baseAddress else { return FoldedText.chunkHash(bytes) }
        let raw = UnsafeRawPointer(base)
        let m: UInt64 = 0x9E37_79B9_7F4A_7C15
        @inline(__always) func mix(_ h: UInt64, _ offset: Int) -> UInt64 {
            let x = (h ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* m
            return x ^ (x >> 29)
        }
        let half = n / 2
        return mix(mix(mix(mix(mix(mix(UInt64(n) &* m, 0), 8), half - 8), half), n - 16), n - 8)
    }
}

/// Entries matched by the page's ids, and the regions of blocks between them.
struct EntryAnchors {
    /// Block ranges (old, new) to align one after another.
    var regions: [(old: Range<Int>, new: Range<Int>)] = []
    /// For each old entry, the new entry anchored to it, -1 when none.
    var oldToNew: [Int32]
    /// For each new entry, whether an old entry is anchored to it.
    var newIsAnchored: [Bool]
    /// The anchored entries (old, new), in order.
    var pairs: [(Int32, Int32)] = []

    init(old: Article, new: Article, oldItems: VersionBlocks, newItems: VersionBlocks) {
        oldToNew = Array(repeating: -1, count: old.entries.count)
        newIsAnchored = Array(repeating: false, count: new.entries.count)
        // Entry ids by hash (String hashing is slow on thousands of entries).
        func idTable(_ entries: [Entry]) -> (HashSlots, [UInt64]) {
            var table = HashSlots(capacity: entries.count)
            var keys = [UInt64](repeating: 0, count: entries.count)
            for (index, entry) in entries.enumerated() {
                guard let id = entry.id, !id.isEmpty else { continue }
                keys[index] = id.withUTF8Bytes(FoldedText.chunkHash)
                table.insert(keys[index], Int32(index))
            }
            return (table, keys)
        }
        /// The one entry of `entries` with `id`, nil when none or several.
        func unique(_ id: String, _ key: UInt64, in table: HashSlots, _ entries: [Entry]) -> Int? {
            var found: Int?, twice = false
            _ = table.first(key) { index in
                guard entries[Int(index)].id == id else { return false }
                if found == nil { found = Int(index) } else { twice = true }
                return twice
            }
            return twice ? nil : found
        }
        var matches: [(Int32, Int32)] = []
        if old.entries.contains(where: { $0.id != nil }) {
            let (oldTable, _) = idTable(old.entries)
            let (newTable, newKeys) = idTable(new.entries)
            for (j, entry) in new.entries.enumerated() {
                guard let id = entry.id, !id.isEmpty,
                      let i = unique(id, newKeys[j], in: oldTable, old.entries),
                      unique(id, newKeys[j], in: newTable, new.entries) == j else { continue }
                matches.append((Int32(i), Int32(j)))
            }
        }
        let anchors = BlockAlignment.longestIncreasing(matches)
        pairs = anchors
        guard !anchors.isEmpty else {
            regions = [(0..<oldItems.count, 0..<newItems.count)]
            return
        }
        let oldRanges = oldItems.entryRanges
        let newRanges = newItems.entryRanges
        var a = 0, b = 0
        for (i, j) in anchors {
            let o = oldRanges[Int(i)], n = newRanges[Int(j)]
            regions.append((a..<o.lowerBound, b..<n.lowerBound))
            regions.append((o, n))
            a = o.upperBound
            b = n.upperBound
            oldToNew[Int(i)] = j
            newIsAnchored[Int(j)] = true
        }
        regions.append((a..<oldItems.count, b..<newItems.count))
    }
}
