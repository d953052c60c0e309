import RedlineModel

/// Compares two versions of an article block by block.
///
///     old: [T "Talks begin", a, b, c]
///     new: [T' "Talks end", x, T "Talks begin", a, c, b']
///     → T' added, x added, T unchanged, a unchanged, c unchanged, b' moved (edited, words …)
///
/// The stages, each in its own file: block identity on folded UTF-8 (``FoldedText``), alignment
/// anchored on entry ids and unique blocks (``BlockAlignment``, ``Myers``), pairing of what is
/// left into moves and edits (``MoveDetection``, ``WordDiff``, ``Tokenizer``), and key events
/// (``KeyEventMatching``).
public enum ArticleDiffer {
    /// The change from `old` to `new`; `article`, `from` and `to` are left for the caller to fill in.
    public static func diff(_ old: Article, _ new: Article) -> ArticleDiff {
        let oldItems = old.positionedBlocks
        let newItems = new.positionedBlocks
        var interner = BlockInterner()
        let oldKeys = interner.keys(oldItems)
        let newKeys = interner.keys(newItems)

        // Align, region by region between anchored entries.
        let anchors = EntryAnchors(old: old, new: new, oldItems: oldItems, newItems: newItems)
        // Anchors are chosen by the amount of text they keep in place, so a paragraph is kept before a
        // time line (and ties, which would make the result depend on the direction, are rare).
        let weights = oldKeys.letters.map { $0 + 1 }
        var alignment = BlockAlignment(old: oldKeys.ids, new: newKeys.ids, idCount: interner.count, weights: weights)
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
                old: MoveDetection.Side(texts: oldItems.map(\.block.text), ids: oldKeys.ids, letters: oldKeys.letters,
                                        gaps: oldGaps, entries: oldItems.map { Int32($0.entryIndex ?? -1) }),
                new: MoveDetection.Side(texts: newItems.map(\.block.text), ids: newKeys.ids, letters: newKeys.letters,
                                        gaps: newGaps, entries: newItems.map { Int32($0.entryIndex ?? -1) }),
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
            let item = oldItems[i]
            return BlockChange(change: .removed, oldIndex: i, oldText: item.block.text, kind: item.block.kind,
                               entry: item.entryIndex.map { oldEntries[$0] })
        }
        func present(_ j: Int) -> BlockChange {
            let item = newItems[j]
            let entry = item.entryIndex.map { newEntries[$0] }
            guard let pair = pairByNew[j] else {
                return BlockChange(change: .added, newIndex: j, newText: item.block.text, kind: item.block.kind, entry: entry)
            }
            return BlockChange(change: pair.change, edited: pair.edited, oldIndex: pair.old, newIndex: j,
                               oldText: oldItems[pair.old].block.text, newText: item.block.text, kind: item.block.kind,
                               entry: entry, words: pair.words)
        }

        var index = 0
        var gapOld: [Int] = [], gapNew: [Int] = []
        while index < steps.count {
            let step = steps[index]
            if step.operation == .equal {
                let i = Int(step.old), j = Int(step.new)
                let item = newItems[j]
                changes.append(BlockChange(change: .unchanged, oldIndex: i, newIndex: j, oldText: oldItems[i].block.text,
                                           newText: item.block.text, kind: item.block.kind,
                                           entry: item.entryIndex.map { newEntries[$0] }))
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

/// Gives each distinct block text (white space folded) an integer id.
struct BlockInterner {
    private var slots: [UInt64: Int32] = [:]
    private var representatives: [String] = []

    /// The number of distinct texts.
    var count: Int { representatives.count }

    /// The ids and letter counts of `items`' texts.
    mutating func keys(_ items: [PositionedBlock]) -> (ids: [Int32], letters: [Int32]) {
        var ids: [Int32] = [], letters: [Int32] = []
        ids.reserveCapacity(items.count)
        letters.reserveCapacity(items.count)
        for item in items {
            let (id, count) = intern(item.block.text)
            ids.append(id)
            letters.append(Int32(count))
        }
        return (ids, letters)
    }

    private mutating func intern(_ text: String) -> (Int32, Int) {
        text.withUTF8Bytes { bytes in
            let (hash, letters) = FoldedText.fingerprint(bytes)
            var key = hash
            while let id = slots[key] {
                let same = representatives[Int(id)].withUTF8Bytes { other in
                    (other.count == bytes.count && other.elementsEqual(bytes))
                        || FoldedText.equal(other, bytes)
                }
                if same { return (id, letters) }
                key &+= 1
            }
            let id = Int32(representatives.count)
            slots[key] = id
            representatives.append(text)
            return (id, letters)
        }
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

    init(old: Article, new: Article, oldItems: [PositionedBlock], newItems: [PositionedBlock]) {
        oldToNew = Array(repeating: -1, count: old.entries.count)
        newIsAnchored = Array(repeating: false, count: new.entries.count)
        func uniqueIDs(_ entries: [Entry]) -> [String: Int] {
            var seen: [String: Int] = [:]
            for (index, entry) in entries.enumerated() {
                guard let id = entry.id, !id.isEmpty else { continue }
                seen[id] = seen[id] == nil ? index : -1
            }
            return seen
        }
        let oldIDs = uniqueIDs(old.entries)
        var matches: [(Int32, Int32)] = []
        if !oldIDs.isEmpty {
            for (j, entry) in new.entries.enumerated() {
                guard let id = entry.id, let i = oldIDs[id], i >= 0 else { continue }
                matches.append((Int32(i), Int32(j)))
            }
            let newIDs = uniqueIDs(new.entries)
            matches.removeAll { newIDs[new.entries[Int($0.1)].id!] != Int($0.1) }
        }
        let anchors = BlockAlignment.longestIncreasing(matches)
        guard !anchors.isEmpty else {
            regions = [(0..<oldItems.count, 0..<newItems.count)]
            return
        }
        func ranges(_ items: [PositionedBlock], _ entryCount: Int) -> [Range<Int>] {
            var start = [Int](repeating: -1, count: entryCount), end = [Int](repeating: -1, count: entryCount)
            for item in items {
                guard let e = item.entryIndex else { continue }
                if start[e] < 0 { start[e] = item.position }
                end[e] = item.position + 1
            }
            // Entries without blocks: an empty range where they stand.
            var next = items.count
            for e in (0..<entryCount).reversed() {
                if start[e] < 0 { start[e] = next; end[e] = next } else { next = start[e] }
            }
            return (0..<entryCount).map { start[$0]..<end[$0] }
        }
        let oldRanges = ranges(oldItems, old.entries.count)
        let newRanges = ranges(newItems, new.entries.count)
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
