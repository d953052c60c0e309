/// The words of a list of blocks as 64-bit hashes, stored flat: each block's words in reading
/// order, and sorted with repeats (its bag). Short words (four bytes or fewer: "the", "said")
/// get the top bit set, so a bag's first distinct hashes (its sketch, a MinHash sample of the
/// block's words) favour the longer, rarer words.
///
///     add("Police said two men were held")
///     → sequence [h(Police), h(said)ᵗ, h(two)ᵗ, h(men)ᵗ, h(were)ᵗ, h(held)ᵗ]   (ᵗ: top bit set)
///       bag: the same sorted; sketch: its first 8 distinct values, h(Police) first
struct WordBags {
    private var sequences: [UInt64] = []
    private var bags: [UInt64] = []
    private var ends: [Int] = []
    private var sketches: [UInt64] = []
    private var sketchEnds: [Int] = []

    mutating func reserve(blocks: Int, bytes: Int) {
        ends.reserveCapacity(blocks)
        sketchEnds.reserveCapacity(blocks)
        sequences.reserveCapacity(bytes / 5)
        bags.reserveCapacity(bytes / 5)
    }

    mutating func add(_ text: String, sketchSize: Int) {
        let start = sequences.count
        text.withUTF8Bytes { bytes in
            // At most one word per two bytes: room first, then filled in place and trimmed.
            let room = bytes.count / 2 + 1
            sequences.append(contentsOf: repeatElement(0, count: room))
            let written = sequences.withUnsafeMutableBufferPointer { buffer in
                Tokenizer.wordHashes(bytes, into: UnsafeMutableBufferPointer(rebasing: buffer[start...]))
            }
            sequences.removeLast(room - written)
        }
        bags.append(contentsOf: sequences[start...])
        if bags.count - start <= 32 {
            // Insertion sort: most blocks hold a few dozen words.
            for k in (start + 1)..<max(start + 1, bags.count) {
                let value = bags[k]
                var at = k
                while at > start && bags[at - 1] > value { bags[at] = bags[at - 1]; at -= 1 }
                bags[at] = value
            }
        } else {
            bags[start...].sort()
        }
        ends.append(bags.count)
        var last: UInt64? = nil
        var taken = 0
        for h in bags[start...] where h != last {
            sketches.append(h)
            last = h
            taken += 1
            if taken == sketchSize { break }
        }
        sketchEnds.append(sketches.count)
    }

    /// The block's word hashes in reading order.
    func sequence(_ slot: Int) -> ArraySlice<UInt64> {
        sequences[(slot == 0 ? 0 : ends[slot - 1])..<ends[slot]]
    }

    /// The block's few smallest distinct word hashes.
    func sketch(_ slot: Int) -> ArraySlice<UInt64> {
        sketches[(slot == 0 ? 0 : sketchEnds[slot - 1])..<sketchEnds[slot]]
    }

    /// Dice's coefficient of the word bags of `slot` here and `otherSlot` in `other`: an upper
    /// bound of the word diff's similarity.
    func dice(_ slot: Int, _ other: WordBags, _ otherSlot: Int) -> Double {
        let a = bags[(slot == 0 ? 0 : ends[slot - 1])..<ends[slot]]
        let b = other.bags[(otherSlot == 0 ? 0 : other.ends[otherSlot - 1])..<other.ends[otherSlot]]
        guard !a.isEmpty || !b.isEmpty else { return 0 }
        var i = a.startIndex, j = b.startIndex, common = 0
        while i < a.endIndex && j < b.endIndex {
            if a[i] == b[j] { common += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return 2 * Double(common) / Double(a.count + b.count)
    }
}
