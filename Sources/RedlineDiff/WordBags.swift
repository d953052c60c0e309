import RedlineText
/// The words of a list of blocks as 64-bit hashes. Short words (four bytes or fewer: "the",
/// "said") get the top bit set, so a block's smallest distinct hashes (its sketch, a MinHash
/// sample of its words) favour the longer, rarer words. Sketches are made for every block up
/// front; a block's words in reading order and sorted with repeats (its bag) only when a
/// candidate pair asks for them.
///
///     WordBags(texts: ["Police said two men were held"], sketchSize: 8)
///     → sketch: the 6 distinct hashes sorted, h(Police) first (the only word over four bytes)
///       sequence(0): [h(Police), h(said)ᵗ, h(two)ᵗ, h(men)ᵗ, h(were)ᵗ, h(held)ᵗ]   (ᵗ: top bit set)
struct WordBags {
    private let texts: [String]
    private var sketches: [UInt64] = []
    private var sketchEnds: [Int] = []
    private var wordStart: [Int]
    private var wordEnd: [Int]
    private var sequences: [UInt64] = []
    private var bags: [UInt64] = []

    /// Sketches of `texts`, `sketchSize` hashes at most each.
    init(texts: [String], sketchSize: Int) {
        self.texts = texts
        wordStart = Array(repeating: -1, count: texts.count)
        wordEnd = Array(repeating: -1, count: texts.count)
        sketches.reserveCapacity(texts.count * sketchSize)
        sketchEnds.reserveCapacity(texts.count)
        var scratch: [UInt64] = []
        var smallest: [UInt64] = []
        smallest.reserveCapacity(sketchSize + 1)
        for text in texts {
            smallest.removeAll(keepingCapacity: true)
            text.withUTF8Bytes { bytes in
                let room = bytes.count / 2 + 1
                if scratch.count < room { scratch = Array(repeating: 0, count: room * 2) }
                let written = scratch.withUnsafeMutableBufferPointer { Tokenizer.wordHashes(bytes, into: $0) }
                for k in 0..<written {
                    let h = scratch[k]
                    if smallest.count == sketchSize && h >= smallest[sketchSize - 1] { continue }
                    if smallest.contains(h) { continue }
                    if smallest.count < sketchSize { smallest.append(h) } else { smallest[sketchSize - 1] = h }
                    var at = smallest.count - 1
                    while at > 0 && smallest[at - 1] > smallest[at] { smallest.swapAt(at - 1, at); at -= 1 }
                }
            }
            sketches.append(contentsOf: smallest)
            sketchEnds.append(sketches.count)
        }
    }

    /// The block's few smallest distinct word hashes.
    func sketch(_ slot: Int) -> ArraySlice<UInt64> {
        sketches[(slot == 0 ? 0 : sketchEnds[slot - 1])..<sketchEnds[slot]]
    }

    /// The block's word hashes in reading order.
    mutating func sequence(_ slot: Int) -> ArraySlice<UInt64> {
        prepare(slot)
        return sequences[wordStart[slot]..<wordEnd[slot]]
    }

    /// Dice's coefficient of the word bags of `slot` here and `otherSlot` in `other`: an upper
    /// bound of the word diff's similarity.
    mutating func dice(_ slot: Int, _ other: inout WordBags, _ otherSlot: Int) -> Double {
        prepare(slot)
        other.prepare(otherSlot)
        let a = bags[wordStart[slot]..<wordEnd[slot]]
        let b = other.bags[other.wordStart[otherSlot]..<other.wordEnd[otherSlot]]
        guard !a.isEmpty || !b.isEmpty else { return 0 }
        var i = a.startIndex, j = b.startIndex, common = 0
        while i < a.endIndex && j < b.endIndex {
            if a[i] == b[j] { common += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return 2 * Double(common) / Double(a.count + b.count)
    }

    /// Reads the block's words into `sequences` and `bags`, once.
    private mutating func prepare(_ slot: Int) {
        guard wordStart[slot] < 0 else { return }
        let start = sequences.count
        texts[slot].withUTF8Bytes { bytes in
            // At most one word per two bytes: room first, then filled in place and trimmed.
            let room = bytes.count / 2 + 1
            sequences.append(contentsOf: repeatElement(0, count: room))
            let written = sequences.withUnsafeMutableBufferPointer { buffer in
                Tokenizer.wordHashes(bytes, into: UnsafeMutableBufferPointer(rebasing: buffer[start...]))
            }
            sequences.removeLast(room - written)
        }
        wordStart[slot] = start
        wordEnd[slot] = sequences.count
        // bags mirrors sequences' layout, sorted per block.
        bags.append(contentsOf: sequences[start...])
        if bags.count - start <= 32 {
            for k in (start + 1)..<max(start + 1, bags.count) {
                let value = bags[k]
                var at = k
                while at > start && bags[at - 1] > value { bags[at] = bags[at - 1]; at -= 1 }
                bags[at] = value
            }
        } else {
            bags[start...].sort()
        }
    }
}
