#if canImport(Glibc)
import RedlineText
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits a block's UTF-8 bytes into words, punctuation and white space, and gives each distinct
/// token one integer id, in a single pass.
///
///     "Talks didn't end, yet."
///     → word "Talks" · space · word "didn't" · space · word "end" · punct "," · space
///       · word "yet" · punct "."          (ids: the same text always gets the same id)
///
/// Words are runs of letters and digits (any non-ASCII character that is not punctuation or space
/// counts as a letter, so accented and non-Latin words stay whole; an apostrophe between letters
/// stays inside the word). Each punctuation character is its own token; a run of white space is
/// one token.
struct Tokenizer {
    /// What a token is.
    enum Kind: UInt8 { case word, punctuation, space }

    /// One token: its byte range in the block and its id.
    struct Token {
        var start: Int32
        var end: Int32
        var id: Int32
    }

    /// Every distinct token seen so far, by id.
    private(set) var kinds: [Kind] = []
    private var slots: [Int32]
    private var slotHashes: [UInt64]
    private var offsets: [Int32] = []
    private var lengths: [Int32] = []
    private var arena: [UInt8] = []
    private var mask: Int

    init(capacity: Int = 1 << 12) {
        var size = 64
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
        slotHashes = Array(repeating: 0, count: size)
        mask = size - 1
    }

    /// The number of distinct tokens.
    var count: Int { kinds.count }

    /// The tokens of `bytes`, appended to `tokens`.
    mutating func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, into tokens: inout [Token]) {
        var i = 0
        while i < bytes.count {
            let (end, kind) = Self.nextToken(bytes, i)
            let id = intern(bytes, i, end, kind)
            tokens.append(Token(start: Int32(i), end: Int32(end), id: id))
            i = end
        }
    }

    /// The 64-bit hashes of the words of `bytes` in reading order, written to `hashes` (room for
    /// `bytes.count / 2 + 1`), and how many there are: words
    /// compared without a table (equal words, equal hashes), for finding candidates cheaply. Words
    /// of four bytes or fewer have the top bit set, longer ones clear.
    static func wordHashes(_ bytes: UnsafeBufferPointer<UInt8>, into hashes: UnsafeMutableBufferPointer<UInt64>) -> Int {
        let n = bytes.count
        var count = 0
        @inline(__always) func append(_ h: UInt64) { hashes[count] = h; count += 1 }
        var i = 0
        while i < n {
            let b = bytes[i]
            guard isASCIIAlnum(b) else {
                if b < 0x80 { i += 1; continue }               // ASCII space or punctuation
                let (end, kind) = nextToken(bytes, i)           // non-ASCII: the careful path
                if kind == .word { append(wordHash(bytes, i, end)) }
                i = end
                continue
            }
            // An ASCII word: hashed as it is read, until anything but a letter or digit.
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            let start = i
            while i < n {
                let c = bytes[i]
                guard isASCIIAlnum(c) else { break }
                h = (h ^ UInt64(c)) &* 0x0000_0100_0000_01B3
                i += 1
            }
            if i < n && (bytes[i] == 0x27 || bytes[i] >= 0x80) {
                // An apostrophe or a non-ASCII letter continues the word: the careful path.
                let end = wordEnd(bytes, from: i)
                append(wordHash(bytes, start, end))
                i = end
            } else {
                append(mark(h, length: i - start))
            }
        }
        return count
    }

    /// The hash of the word `bytes[start..<end]`, as ``wordHashes(_:into:)`` gives it.
    @inline(__always)
    private static func wordHash(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for k in start..<end { h = (h ^ UInt64(bytes[k])) &* 0x0000_0100_0000_01B3 }
        return mark(h, length: end - start)
    }

    /// Short words (four bytes or fewer) get the top bit set, so that they sort last.
    @inline(__always)
    private static func mark(_ hash: UInt64, length: Int) -> UInt64 {
        let mixed = (hash ^ (hash >> 31)) &* 0x9E37_79B9_7F4A_7C15
        return length <= 4 ? mixed | (1 << 63) : mixed & ~(1 << 63)
    }

    /// The end and kind of the token starting at `i`.
    @inline(__always)
    static func nextToken(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> (Int, Kind) {
        let n = bytes.count
        var i = start
        let b = bytes[i]
        if isASCIIAlnum(b) {
            return (wordEnd(bytes, from: i + 1), .word)
        }
        if b == 0x20 && (i + 1 == n || (bytes[i + 1] > 0x20 && bytes[i + 1] < 0x80)) {
            return (i + 1, .space)                       // the usual single space
        }
        var w = FoldedText.whitespaceLength(bytes, i)
        if w > 0 {
            while w > 0 {
                i += w
                w = i < n ? FoldedText.whitespaceLength(bytes, i) : 0
            }
            return (i, .space)
        }
        let (length, isWord) = character(bytes, i)
        return isWord ? (wordEnd(bytes, from: i + length), .word) : (i + length, .punctuation)
    }

    /// Where the word that continues at `i` ends.
    @inline(__always)
    private static func wordEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let n = bytes.count
        var i = start
        while i < n {
            let b = bytes[i]
            if Self.isASCIIAlnum(b) { i += 1; continue }
            if b < 0x80 && b != 0x27 { break }
            if b >= 0x80 && FoldedText.whitespaceLength(bytes, i) > 0 { break }
            let (l, w) = Self.character(bytes, i)
            if w { i += l; continue }
            // An apostrophe between letters stays inside the word: didn't, Britain’s.
            if Self.isApostrophe(bytes, i, l), i + l < n {
                let (l2, w2) = Self.character(bytes, i + l)
                if w2, FoldedText.whitespaceLength(bytes, i + l) == 0 { i += l + l2; continue }
            }
            break
        }
        return i
    }

    @inline(__always)
    private static func isASCIIAlnum(_ b: UInt8) -> Bool {
        (b &- 0x30) < 10 || ((b | 0x20) &- 0x61) < 26
    }

    /// The kind of token `id`.
    @inline(__always) func kind(_ id: Int32) -> Kind { kinds[Int(id)] }

    /// The length of the character at `i` and whether it belongs in a word.
    @inline(__always)
    private static func character(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Int, Bool) {
        let b = bytes[i]
        if b < 0x80 {
            let isAlnum = (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A)
            return (1, isAlnum)
        }
        let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
        let available = min(length, bytes.count - i)
        if length == 2, available == 2 {
            let c = bytes[i + 1]
            if b == 0xC2, c >= 0xA1 { return (2, false) }                 // ¡ « » · ¿ and friends
            if b == 0xC3, c == 0x97 || c == 0xB7 { return (2, false) }    // × ÷
        }
        if length == 3, available == 3 {
            let c = bytes[i + 1]
            if b == 0xE2, c == 0x80 || c == 0x81 || c == 0x82 { return (3, false) } // dashes, quotes, …, €
            if b == 0xE3, c == 0x80 { return (3, false) }                          // CJK punctuation
        }
        return (available, true)
    }

    @inline(__always)
    private static func isApostrophe(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ length: Int) -> Bool {
        if length == 1 { return bytes[i] == 0x27 }
        return length == 3 && bytes[i] == 0xE2 && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x99
    }

    private mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ kind: Kind) -> Int32 {
        let hash = FoldedText.chunkHash(UnsafeBufferPointer(rebasing: bytes[start..<end]))
        let length = end - start
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 { break }
            if slotHashes[slot] == hash, Int(lengths[Int(id)]) == length {
                let offset = Int(offsets[Int(id)])
                let same = arena.withUnsafeBufferPointer { stored in
                    memcmp(stored.baseAddress! + offset, bytes.baseAddress! + start, length) == 0
                }
                if same { return id }
            }
            slot = (slot + 1) & mask
        }
        let id = Int32(kinds.count)
        kinds.append(kind)
        offsets.append(Int32(arena.count))
        lengths.append(Int32(length))
        arena.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
        slots[slot] = id
        slotHashes[slot] = hash
        if kinds.count * 2 > slots.count { grow() }
        return id
    }

    private mutating func grow() {
        let size = slots.count * 2
        var newSlots = Array<Int32>(repeating: -1, count: size)
        var newHashes = Array<UInt64>(repeating: 0, count: size)
        let newMask = size - 1
        for slot in slots.indices where slots[slot] >= 0 {
            let hash = slotHashes[slot]
            var s = Int(truncatingIfNeeded: hash) & newMask
            while newSlots[s] >= 0 { s = (s + 1) & newMask }
            newSlots[s] = slots[slot]
            newHashes[s] = hash
        }
        slots = newSlots
        slotHashes = newHashes
        mask = newMask
    }
}
