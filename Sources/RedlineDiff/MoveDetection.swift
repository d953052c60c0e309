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
/// 1. Exact: identical text (white space folded) with at least 20 letters or digits, so short
///    lines such as times are never called moves.
/// 2. Fuzzy: candidates from an index of each block's rarest words (plus every pair inside a small
///    gap), scored by word overlap (Dice), taken best first and confirmed by the word diff at a
///    similarity of at least 0.4.
/// 3. A pair inside one gap, within the same entry, and not crossing another such pair keeps its
///    place: unchanged when the text is the same, edited otherwise. Every other pair moved.
struct MoveDetection {
    /// What the pairing needs to know about one side's blocks.
    struct Side {
        var texts: [String]
        var ids: [Int32]
        var letters: [Int32]
        /// The gap of the alignment each left-over block stands in; -1 for aligned blocks.
        var gaps: [Int32]
        /// The entry each block belongs to, -1 outside any entry.
        var entries: [Int32]
    }

    /// A paired block and what it is.
    struct Pair {
        var old: Int
        var new: Int
        var change: BlockChange.Change
        var edited: Bool
        var words: [WordChange]?
    }

    /// Shortest text (letters and digits) a block needs to be paired across gaps.
    static let minimumMoveLetters: Int32 = 20
    /// Word diff similarity a fuzzy pair needs.
    static let minimumSimilarity = 0.4
    /// How many of a block's rarest words go into the index.
    static let rareWordCount = 8
    /// Words found in more blocks than this are not looked up.
    static let maximumPostings = 64
    /// How many index candidates each inserted block tries.
    static let candidatesPerBlock = 6

    let old: Side
    let new: Side
    /// For each old entry, the new entry it is anchored to (-1 when none).
    let entryAnchors: [Int32]
    /// For each new entry, whether an old entry is anchored to it.
    let anchoredNewEntries: [Bool]

    /// The pairs among `deleted` (old positions) and `inserted` (new positions).
    func pairs(deleted: [Int], inserted: [Int]) -> [Pair] {
        var pairs: [Pair] = []
        var oldTaken = Set<Int>()
        var newTaken = Set<Int>()

        // 1. Exact.
        var waiting: [Int32: [Int]] = [:]
        for i in deleted where old.letters[i] >= Self.minimumMoveLetters { waiting[old.ids[i], default: []].append(i) }
        if !waiting.isEmpty {
            var cursor: [Int32: Int] = [:]
            for j in inserted where new.letters[j] >= Self.minimumMoveLetters {
                let id = new.ids[j]
                guard let list = waiting[id] else { continue }
                let next = cursor[id, default: 0]
                guard next < list.count else { continue }
                cursor[id] = next + 1
                pairs.append(Pair(old: list[next], new: j, change: .moved, edited: false, words: nil))
                oldTaken.insert(list[next])
                newTaken.insert(j)
            }
        }

        // 2. Fuzzy.
        let restOld = deleted.filter { !oldTaken.contains($0) }
        let restNew = inserted.filter { !newTaken.contains($0) }
        if !restOld.isEmpty && !restNew.isEmpty {
            pairs.append(contentsOf: fuzzyPairs(restOld, restNew))
        }

        // 3. In place or moved.
        return classify(pairs)
    }

    private func fuzzyPairs(_ restOld: [Int], _ restNew: [Int]) -> [Pair] {
        var tokenizer = Tokenizer(capacity: 1 << 14)
        var oldTokens = TokenizedBlocks(), newTokens = TokenizedBlocks()
        for i in restOld { oldTokens.add(old.texts[i], &tokenizer) }
        for j in restNew { newTokens.add(new.texts[j], &tokenizer) }
        oldTokens.collectWords(tokenizer)
        newTokens.collectWords(tokenizer)

        // Document frequency of each word over all left-over blocks.
        var frequency = [Int32](repeating: 0, count: tokenizer.count)
        for w in oldTokens.words { frequency[Int(w)] += 1 }
        for w in newTokens.words { frequency[Int(w)] += 1 }

        // Index the old blocks by their rarest shared words.
        var postings: [Int32: [Int32]] = [:]
        for slot in restOld.indices {
            for w in oldTokens.rareWords(slot, frequency, Self.rareWordCount) {
                postings[w, default: []].append(Int32(slot))
            }
        }
        // Small gaps: every pair inside them is a candidate.
        var oldByGap: [Int32: [Int32]] = [:]
        for (slot, i) in restOld.enumerated() { oldByGap[old.gaps[i], default: []].append(Int32(slot)) }
        var newCountByGap: [Int32: Int] = [:]
        for j in restNew { newCountByGap[new.gaps[j], default: 0] += 1 }

        struct Candidate { var oldSlot: Int32; var newSlot: Int32; var score: Double }
        var candidates: [Candidate] = []
        var hits = [Int32](repeating: 0, count: restOld.count)
        var touched: [Int32] = []
        var seen = Set<Int64>()
        for (newSlot, j) in restNew.enumerated() {
            var tried: [Int32] = []
            for w in newTokens.rareWords(newSlot, frequency, Self.rareWordCount) {
                guard let list = postings[w], list.count <= Self.maximumPostings else { continue }
                for slot in list {
                    if hits[Int(slot)] == 0 { touched.append(slot) }
                    hits[Int(slot)] += 1
                }
            }
            if !touched.isEmpty {
                touched.sort { hits[Int($0)] != hits[Int($1)] ? hits[Int($0)] > hits[Int($1)] : $0 < $1 }
                tried.append(contentsOf: touched.prefix(Self.candidatesPerBlock))
                for slot in touched { hits[Int(slot)] = 0 }
                touched.removeAll(keepingCapacity: true)
            }
            let gap = new.gaps[j]
            if let inGap = oldByGap[gap], inGap.count <= 8, newCountByGap[gap, default: 0] <= 8 {
                tried.append(contentsOf: inGap)
            }
            for slot in tried {
                let i = restOld[Int(slot)]
                guard seen.insert(Int64(slot) << 32 | Int64(newSlot)).inserted else { continue }
                let sameGap = old.gaps[i] == gap
                if !sameGap && (old.letters[i] < Self.minimumMoveLetters || new.letters[j] < Self.minimumMoveLetters) { continue }
                let dice = oldTokens.dice(Int(slot), newTokens, newSlot)
                guard dice >= (sameGap ? 0.2 : 0.3) else { continue }
                candidates.append(Candidate(oldSlot: slot, newSlot: Int32(newSlot), score: dice + (sameGap ? 0.1 : 0)))
            }
        }
        candidates.sort { $0.score != $1.score ? $0.score > $1.score : ($0.newSlot, $0.oldSlot) < ($1.newSlot, $1.oldSlot) }

        var pairs: [Pair] = []
        var oldFree = [Bool](repeating: true, count: restOld.count)
        var newFree = [Bool](repeating: true, count: restNew.count)
        for candidate in candidates {
            let o = Int(candidate.oldSlot), n = Int(candidate.newSlot)
            guard oldFree[o], newFree[n] else { continue }
            let i = restOld[o], j = restNew[n]
            let result = old.texts[i].withUTF8Bytes { ob in
                new.texts[j].withUTF8Bytes { nb in
                    WordDiff.compare(old: oldTokens.tokens(o), oldBytes: ob, new: newTokens.tokens(n), newBytes: nb,
                                     tokenizer: tokenizer)
                }
            }
            let accepted = result.capped ? candidate.score >= 0.5 : result.similarity >= Self.minimumSimilarity
            guard accepted else { continue }
            oldFree[o] = false
            newFree[n] = false
            pairs.append(Pair(old: i, new: j, change: .edited, edited: true, words: result.words))
        }
        return pairs
    }

    /// Pairs that stay in their gap, in their entry and in order keep their place; others moved.
    private func classify(_ pairs: [Pair]) -> [Pair] {
        var result = pairs
        var inPlaceByGap: [Int32: [Int]] = [:]
        for (index, pair) in pairs.enumerated() where old.gaps[pair.old] == new.gaps[pair.new] && sameEntry(pair.old, pair.new) {
            inPlaceByGap[new.gaps[pair.new], default: []].append(index)
        }
        var inPlace = Set<Int>()
        for (_, members) in inPlaceByGap {
            let ordered = members.sorted { pairs[$0].new < pairs[$1].new }
            let keyed = ordered.map { (Int32(pairs[$0].old), Int32($0)) }
            for (_, index) in BlockAlignment.longestIncreasing(keyed) { inPlace.insert(Int(index)) }
        }
        for index in result.indices {
            if inPlace.contains(index) {
                result[index].change = result[index].edited ? .edited : .unchanged
            } else {
                result[index].change = .moved
            }
        }
        return result
    }

    private func sameEntry(_ i: Int, _ j: Int) -> Bool {
        let e = old.entries[i], f = new.entries[j]
        if e < 0 || f < 0 { return e == f }
        let anchor = entryAnchors[Int(e)]
        if anchor >= 0 { return anchor == f }
        return !anchoredNewEntries[Int(f)]
    }
}

/// The tokens and distinct words of a list of blocks, stored flat.
struct TokenizedBlocks {
    private var allTokens: [Tokenizer.Token] = []
    private var tokenEnds: [Int] = []
    /// Every block's distinct word ids, sorted, one block after another.
    private(set) var words: [Int32] = []
    private var wordEnds: [Int] = []

    mutating func add(_ text: String, _ tokenizer: inout Tokenizer) {
        text.withUTF8Bytes { tokenizer.tokenize($0, into: &allTokens) }
        tokenEnds.append(allTokens.count)
    }

    func tokens(_ slot: Int) -> ArraySlice<Tokenizer.Token> {
        allTokens[(slot == 0 ? 0 : tokenEnds[slot - 1])..<tokenEnds[slot]]
    }

    mutating func collectWords(_ tokenizer: Tokenizer) {
        var scratch: [Int32] = []
        for slot in tokenEnds.indices {
            scratch.removeAll(keepingCapacity: true)
            for token in tokens(slot) where tokenizer.kind(token.id) == .word { scratch.append(token.id) }
            scratch.sort()
            var last: Int32 = -1
            for w in scratch where w != last { words.append(w); last = w }
            wordEnds.append(words.count)
        }
    }

    func wordSet(_ slot: Int) -> ArraySlice<Int32> {
        words[(slot == 0 ? 0 : wordEnds[slot - 1])..<wordEnds[slot]]
    }

    /// Up to `limit` of the block's words found in the fewest blocks (but in at least two).
    func rareWords(_ slot: Int, _ frequency: [Int32], _ limit: Int) -> [Int32] {
        var shared = wordSet(slot).filter { frequency[Int($0)] >= 2 }
        if shared.count > limit {
            shared.sort { frequency[Int($0)] != frequency[Int($1)] ? frequency[Int($0)] < frequency[Int($1)] : $0 < $1 }
            shared.removeLast(shared.count - limit)
        }
        return shared
    }

    /// Dice's coefficient of the word sets of `slot` here and `otherSlot` in `other`.
    func dice(_ slot: Int, _ other: TokenizedBlocks, _ otherSlot: Int) -> Double {
        let a = wordSet(slot), b = other.wordSet(otherSlot)
        guard !a.isEmpty || !b.isEmpty else { return 0 }
        var i = a.startIndex, j = b.startIndex, common = 0
        while i < a.endIndex && j < b.endIndex {
            if a[i] == b[j] { common += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return 2 * Double(common) / Double(a.count + b.count)
    }
}
