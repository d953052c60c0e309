import RedlineText
import RedlineModel

/// Entries matched by the page's ids, and the regions of blocks the alignment takes one by one.
///
///     old entries: [e1, e2, e3]      new entries: [e0, e1, e3]   (by id)
///     → anchors (e1, e1), (e3, e3); regions: before e1 (e0's blocks), e1 with e1, between e1 and e3
///       (e2's blocks, removed), e3 with e3, after e3
///
/// An id counts only when it appears once on each side; matched entries that would cross each
/// other are left out (longest increasing subsequence), so anchors keep their order.
struct EntryAnchors {
    /// Block ranges (old, new) to align one after another.
    var regions: [(old: Range<Int>, new: Range<Int>)] = []
    /// For each old entry, the new entry anchored to it, -1 when none.
    var oldToNew: [Int32]
    /// For each new entry, whether an old entry is anchored to it.
    var newIsAnchored: [Bool]
    /// The anchored entries (old, new), in order.
    var pairs: [(Int32, Int32)] = []
    /// For each old entry, the new entry with its id, anchored or not (an entry that moved,
    /// pinned to the top, crosses the others and is no anchor); -1 when none.
    var oldToNewByID: [Int32]

    init(old: Article, new: Article, oldItems: VersionBlocks, newItems: VersionBlocks) {
        oldToNew = Array(repeating: -1, count: old.entries.count)
        oldToNewByID = oldToNew
        newIsAnchored = Array(repeating: false, count: new.entries.count)
        // Entry ids by hash (String hashing is slow on thousands of entries).
        func idTable(_ entries: [Entry]) -> (HashSlots, [UInt64]) {
            var table = HashSlots(capacity: entries.count)
            var keys = [UInt64](repeating: 0, count: entries.count)
            for index in entries.indices {   // by index: copying each Entry would retain all its parts
                guard let id = entries[index].id, !id.isEmpty else { continue }
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
            for j in new.entries.indices {
                guard let id = new.entries[j].id, !id.isEmpty,
                      let i = unique(id, newKeys[j], in: oldTable, old.entries),
                      unique(id, newKeys[j], in: newTable, new.entries) == j else { continue }
                matches.append((Int32(i), Int32(j)))
                oldToNewByID[i] = Int32(j)
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
        regions.reserveCapacity(2 * anchors.count + 1)
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
