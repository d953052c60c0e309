import RedlineText
import RedlineModel

/// Pairs the blocks the alignment left over (deleted on one side, inserted on the other) and says
/// what each pair is: moved, edited, or moved and edited.
///
///     alignment: equal A · delete "Police said two men were held." · equal B
///                · insert "Police said three men were held on Sunday." · equal C
///     → one pair, in different gaps of the alignment: moved, edited,
///       words: equal "Police said " · delete "two" · insert "three" · equal " men were held"
///              · delete "." · insert " on Sunday."
///
/// 1. Exact: identical text, with at least 20 letters or digits, so short lines such as times are
///    never called moves (unless their entry, known by its id, moved with them); inside small
///    gaps also text that differs only in white space (a short line may pair inside its own gap,
///    and is kept only if it kept its place).
/// 2. Fuzzy: candidates from an index of each block's rare words (a MinHash sketch favouring long
///    words; words in too many blocks are skipped), plus every pair inside a small gap, scored by word overlap (Dice of the word bags, which bounds the similarity from above,
///    so pairs below 0.4 are dropped unseen), taken best first and confirmed when the longest
///    common run of words gives a similarity of at least 0.4.
/// 3. A pair inside one gap, within the same entry, and not crossing another such pair keeps its
///    place: unchanged when the text is the same, edited otherwise. Every other pair moved.
struct MoveDetection {
    /// What the pairing needs to know about one side's blocks.
    struct Side {
        /// The side's blocks, their texts read in place.
        var blocks: VersionBlocks
        var ids: [Int32]
        /// Whether each left-over block has enough letters to be called moved.
        var movable: [Bool]
        /// The gap of the alignment each left-over block stands in; -1 for aligned blocks.
        var gaps: [Int32]
        /// The entry each block belongs to, -1 outside any entry.
        var entries: [Int32]

        /// The side of `blocks`, with letters counted for the `leftOver` blocks only.
        init(_ blocks: VersionBlocks, gaps: [Int32], leftOver: [Int]) {
            self.blocks = blocks
            ids = blocks.ids
            self.gaps = gaps
            entries = blocks.entries
            movable = Array(repeating: false, count: blocks.count)
            for i in leftOver where blocks.lengths[i] >= MoveDetection.minimumMoveLetters {
                movable[i] = blocks.withText(i) { FoldedText.hasLetters($0, atLeast: Int(MoveDetection.minimumMoveLetters)) }
            }
        }
    }

    /// A paired block and what it is.
    struct Pair: Sendable {
        var old: Int
        var new: Int
        var change: BlockChange.Change
        var edited: Bool
        var words: [WordChange]?
        /// A short line paired because it kept its text in its gap: kept only if it kept its place.
        var mustStay = false
    }

    /// Shortest text (letters and digits) a block needs to be paired across gaps.
    static let minimumMoveLetters: Int32 = 20
    /// Word diff similarity a fuzzy pair needs.
    static let minimumSimilarity = 0.4
    /// How many of a block's words (its sketch) go into the index.
    static let sketchSize = 8
    /// Words found in more blocks than this are not looked up.
    static let maximumPostings = 64
    /// How many index candidates each inserted block tries.
    static let candidatesPerBlock = 6

    let old: Side
    let new: Side
    /// For each old entry, the new entry it is anchored to (-1 when none).
    let entryAnchors: [Int32]
    /// For each old entry, the new entry with its id, anchored or moved (-1 when none).
    let entriesByID: [Int32]
    /// For each new entry, whether an old entry is anchored to it.
    let anchoredNewEntries: [Bool]

    /// The pairs among `deleted` (old positions) and `inserted` (new positions).
    func pairs(deleted: [Int], inserted: [Int]) -> [Pair] {
        var pairs: [Pair] = []
        // Which blocks are paired, by position (flat arrays: no hashing, one allocation each).
        var oldTaken = [Bool](repeating: false, count: old.ids.count)
        var newTaken = [Bool](repeating: false, count: new.ids.count)

        // 1. Exact: the same bytes anywhere, then, inside small gaps, the same text once white
        //    space is folded (a white-space-only change).
        func take(_ i: Int, _ j: Int) {
            pairs.append(Pair(old: i, new: j, change: .moved, edited: false, words: nil,
                              mustStay: !(old.movable[i] && new.movable[j]) && !inSameEntryByID(i, j)))
            oldTaken[i] = true
            newTaken[j] = true
        }
        var byID: [Int32: [Int]] = [:]
        for i in deleted { byID[old.ids[i], default: []].append(i) }
        for j in inserted {
            guard let list = byID[new.ids[j]] else { continue }
            let match = list.first { i in
                !oldTaken[i] && ((old.movable[i] && new.movable[j]) || old.gaps[i] == new.gaps[j] || inSameEntryByID(i, j))
            }
            if let i = match { take(i, j) }
        }
        var gapsOld: [Int32: [Int]] = [:], gapsNew: [Int32: [Int]] = [:]
        for i in deleted where !oldTaken[i] { gapsOld[old.gaps[i], default: []].append(i) }
        for j in inserted where !newTaken[j] { gapsNew[new.gaps[j], default: []].append(j) }
        for (gap, olds) in gapsOld where olds.count <= 32 {
            guard let news = gapsNew[gap], news.count <= 32 else { continue }
            let hashes = olds.map { old.blocks.withText($0, FoldedText.hash) }
            for j in news {
                let h = new.blocks.withText(j, FoldedText.hash)
                let match = olds.indices.first { k in
                    hashes[k] == h && !oldTaken[olds[k]]
                        && old.blocks.withText(olds[k]) { a in new.blocks.withText(j) { b in FoldedText.equal(a, b) } }
                }
                if let k = match { take(olds[k], j) }
            }
        }

        // 2. Fuzzy.
        let restOld = deleted.filter { !oldTaken[$0] }
        let restNew = inserted.filter { !newTaken[$0] }
        if !restOld.isEmpty && !restNew.isEmpty {
            pairs.append(contentsOf: fuzzyPairs(restOld, restNew))
        }

        // 3. In place or moved.
        return classify(pairs)
    }

    private func fuzzyPairs(_ restOld: [Int], _ restNew: [Int]) -> [Pair] {
        var oldWords = WordBags(texts: restOld.map { old.blocks.text($0) }, sketchSize: Self.sketchSize)
        var newWords = WordBags(texts: restNew.map { new.blocks.text($0) }, sketchSize: Self.sketchSize)

        // Candidates (old slot, new slot): each side's blocks looked up in an index of the other
        // side's sketches (so that swapping the versions finds the same pairs), and every pair
        // inside a small gap.
        var found = Self.indexCandidates(indexed: oldWords, restOld.count, queries: newWords, restNew.count)
        found += Self.indexCandidates(indexed: newWords, restNew.count, queries: oldWords, restOld.count).map { ($0.1, $0.0) }
        var oldByGap: [Int32: [Int32]] = [:], newByGap: [Int32: [Int32]] = [:]
        for (slot, i) in restOld.enumerated() { oldByGap[old.gaps[i], default: []].append(Int32(slot)) }
        for (slot, j) in restNew.enumerated() { newByGap[new.gaps[j], default: []].append(Int32(slot)) }
        for (gap, olds) in oldByGap where olds.count <= 8 {
            guard let news = newByGap[gap], news.count <= 8 else { continue }
            for o in olds { for n in news { found.append((o, n)) } }
        }
        found.sort { $0 < $1 }

        struct Candidate { var oldSlot: Int32; var newSlot: Int32; var score: Double }
        var candidates: [Candidate] = []
        for (k, (o, n)) in found.enumerated() where k == 0 || found[k - 1] != (o, n) {
            let i = restOld[Int(o)], j = restNew[Int(n)]
            let sameGap = old.gaps[i] == new.gaps[j]
            if !sameGap && (!old.movable[i] || !new.movable[j]) { continue }
            // The bags' overlap bounds the similarity from above: below the bar, no pair.
            let dice = oldWords.dice(Int(o), &newWords, Int(n))
            guard dice >= Self.minimumSimilarity else { continue }
            candidates.append(Candidate(oldSlot: o, newSlot: n, score: dice + (sameGap ? 0.1 : 0)))
        }
        // Best first; candidates as good are ordered by their texts, the same way whichever
        // version is old.
        func textOrder(_ c: Candidate) -> (String, String) {
            let a = old.blocks.text(restOld[Int(c.oldSlot)]), b = new.blocks.text(restNew[Int(c.newSlot)])
            return a.utf8.lexicographicallyPrecedes(b.utf8) ? (a, b) : (b, a)
        }
        candidates.sort { x, y in
            if x.score != y.score { return x.score > y.score }
            let (a, b) = (textOrder(x), textOrder(y))
            if !a.0.utf8.elementsEqual(b.0.utf8) { return a.0.utf8.lexicographicallyPrecedes(b.0.utf8) }
            if !a.1.utf8.elementsEqual(b.1.utf8) { return a.1.utf8.lexicographicallyPrecedes(b.1.utf8) }
            return (x.newSlot, x.oldSlot) < (y.newSlot, y.oldSlot)
        }

        var pairs: [Pair] = []
        var oldFree = [Bool](repeating: true, count: restOld.count)
        var newFree = [Bool](repeating: true, count: restNew.count)
        var tokenizer = Tokenizer(capacity: 1 << 10)
        var oldTokens: [Tokenizer.Token] = [], newTokens: [Tokenizer.Token] = []
        for candidate in candidates {
            let o = Int(candidate.oldSlot), n = Int(candidate.newSlot)
            guard oldFree[o], newFree[n] else { continue }
            guard WordDiff.similarity(oldWords.sequence(o), newWords.sequence(n), atLeast: Self.minimumSimilarity) else { continue }
            let i = restOld[o], j = restNew[n]
            oldTokens.removeAll(keepingCapacity: true)
            newTokens.removeAll(keepingCapacity: true)
            let words = old.blocks.withText(i) { ob in
                new.blocks.withText(j) { nb in
                    tokenizer.tokenize(ob, into: &oldTokens)
                    tokenizer.tokenize(nb, into: &newTokens)
                    return WordDiff.compare(old: oldTokens[...], oldBytes: ob, new: newTokens[...], newBytes: nb,
                                            tokenizer: tokenizer).words
                }
            }
            oldFree[o] = false
            newFree[n] = false
            pairs.append(Pair(old: i, new: j, change: .edited, edited: true, words: words))
        }
        return pairs
    }

    /// For each of the `queries` blocks, the few `indexed` blocks sharing the most sketch words
    /// with it: (indexed slot, query slot).
    ///
    /// The index holds each word hash's top 40 bits with the slot below, sorted (a shared 40-bit
    /// prefix between different words only adds a candidate); words in too many blocks are not
    /// looked up.
    private static func indexCandidates(indexed: WordBags, _ indexedCount: Int, queries: WordBags, _ queryCount: Int) -> [(Int32, Int32)] {
        let slotBits: UInt64 = 24
        let slotMask: UInt64 = (1 << slotBits) - 1
        var postings: [UInt64] = []
        postings.reserveCapacity(indexedCount * sketchSize)
        for slot in 0..<indexedCount where UInt64(slot) <= slotMask {
            for h in indexed.sketch(slot) { postings.append((h & ~slotMask) | UInt64(slot)) }
        }
        RadixSort.sort(&postings)
        // Where the keys with each top `bucketBits` bits start, so a lookup searches a few keys,
        // not all. About one bucket per posting (16 bits at most): a directory of 65,537 entries
        // for a two-line diff cost more than the diff.
        let bucketBits = Self.directoryBits(postings.count)
        let bucketShift = UInt64(64 - bucketBits)
        let bucketCount = 1 << bucketBits
        var bucketStarts = [Int32](repeating: Int32(postings.count), count: bucketCount + 1)
        for index in postings.indices.reversed() { bucketStarts[Int(postings[index] >> bucketShift)] = Int32(index) }
        for bucket in stride(from: bucketCount, to: 0, by: -1) where bucketStarts[bucket - 1] > bucketStarts[bucket] {
            bucketStarts[bucket - 1] = bucketStarts[bucket]
        }
        /// The postings of `hash`, empty when the word is in too many blocks to be telling.
        func postingRange(_ hash: UInt64) -> Range<Int> {
            let key = hash & ~slotMask
            let bucket = Int(key >> bucketShift)
            var lo = Int(bucketStarts[bucket]), hi = Int(bucketStarts[bucket + 1])
            while lo < hi { let mid = (lo + hi) / 2; if postings[mid] < key { lo = mid + 1 } else { hi = mid } }
            let limit = lo + maximumPostings
            if limit < postings.count && postings[limit] & ~slotMask == key { return lo..<lo }
            var end = lo
            while end < postings.count && postings[end] & ~slotMask == key { end += 1 }
            return lo..<end
        }
        var found: [(Int32, Int32)] = []
        var hits = [Int32](repeating: 0, count: indexedCount)
        var touched: [Int32] = []
        var top: [Int32] = []
        for query in 0..<queryCount {
            for h in queries.sketch(query) {
                for p in postingRange(h) {
                    let slot = Int32(truncatingIfNeeded: postings[p] & slotMask)
                    if hits[Int(slot)] == 0 { touched.append(slot) }
                    hits[Int(slot)] += 1
                }
            }
            guard !touched.isEmpty else { continue }
            // The few blocks sharing the most sketch words (two at least, when there are enough
            // to share), without sorting them all.
            let minimumHits: Int32 = queries.sketch(query).count >= 4 ? 2 : 1
            top.removeAll(keepingCapacity: true)
            for slot in touched {
                let h = hits[Int(slot)]
                guard h >= minimumHits else { continue }
                if top.count == candidatesPerBlock {
                    guard h > hits[Int(top[top.count - 1])] else { continue }
                    top.removeLast()
                }
                var at = top.count
                while at > 0 && hits[Int(top[at - 1])] < h { at -= 1 }
                top.insert(slot, at: at)
            }
            for slot in top { found.append((slot, Int32(query))) }
            for slot in touched { hits[Int(slot)] = 0 }
            touched.removeAll(keepingCapacity: true)
        }
        return found
    }

    /// Bits of the key that pick a bucket of the posting directory: enough for about one bucket
    /// per posting, 16 at most (4 at least, so the directory is never empty).
    private static func directoryBits(_ postingCount: Int) -> Int {
        var bits = 4
        while bits < 16 && 1 << bits < postingCount { bits += 1 }
        return bits
    }

    /// Pairs that stay in their gap, in their entry and in order keep their place; others moved.
    private func classify(_ pairs: [Pair]) -> [Pair] {
        var result = pairs
        var inPlaceByGap: [Int32: [Int]] = [:]
        for (index, pair) in pairs.enumerated() where old.gaps[pair.old] == new.gaps[pair.new] && sameEntry(pair.old, pair.new) {
            inPlaceByGap[new.gaps[pair.new], default: []].append(index)
        }
        // The longest run of pairs in the same order on both sides keeps its place. Among runs as
        // long, the one chosen is the same whichever version is old: the pairs are read in the
        // order of the side whose texts sort first.
        var inPlace = [Bool](repeating: false, count: pairs.count)
        for (_, members) in inPlaceByGap {
            let byNew = members.sorted { pairs[$0].new < pairs[$1].new }
            let byOld = members.sorted { pairs[$0].old < pairs[$1].old }
            let keyed = readsOldOrder(byOld.map { pairs[$0].old }, byNew.map { pairs[$0].new })
                ? byOld.map { (Int32(pairs[$0].new), Int32($0)) }
                : byNew.map { (Int32(pairs[$0].old), Int32($0)) }
            for (_, index) in BlockAlignment.longestIncreasing(keyed) { inPlace[Int(index)] = true }
        }
        for index in result.indices {
            if inPlace[index] {
                result[index].change = result[index].edited ? .edited : .unchanged
            } else {
                result[index].change = .moved
            }
        }
        // A short line is never called moved: it stays removed and added.
        return result.enumerated().filter { !$0.element.mustStay || inPlace[$0.offset] }.map(\.element)
    }

    /// Whether the old blocks' texts, in their order, sort before the new blocks' texts.
    private func readsOldOrder(_ olds: [Int], _ news: [Int]) -> Bool {
        for (i, j) in zip(olds, news) where old.blocks.text(i) != new.blocks.text(j) {
            return old.blocks.text(i).utf8.lexicographicallyPrecedes(new.blocks.text(j).utf8)
        }
        return false
    }

    /// True when old block `i` and new block `j` stand in the same entry, known by its id: a
    /// short line of an entry that moved (a title under 20 letters) moves with it, rather than
    /// reading as removed and added.
    private func inSameEntryByID(_ i: Int, _ j: Int) -> Bool {
        let e = old.entries[i], f = new.entries[j]
        return e >= 0 && f >= 0 && entriesByID[Int(e)] == f
    }

    private func sameEntry(_ i: Int, _ j: Int) -> Bool {
        let e = old.entries[i], f = new.entries[j]
        if e < 0 || f < 0 { return e == f }
        let anchor = entryAnchors[Int(e)]
        if anchor >= 0 { return anchor == f }
        return !anchoredNewEntries[Int(f)]
    }
}
