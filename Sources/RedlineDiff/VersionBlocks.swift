import RedlineModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One version's blocks, read once into flat arrays in diff order (the numbering of
/// `Article.positionedBlocks`), then each text given an id.
///
///     Article(blocks: [intro], entries: [Entry(title: "Talks end", blocks: [p1])])
///     → texts ["intro", "Talks end", "p1"], kinds [paragraph, heading, paragraph],
///       entries [-1, 0, 0], entryRanges [1..<3], ids [0, 1, 2]
struct VersionBlocks {
    var texts: [String] = []
    var kinds: [Block.Kind] = []
    /// The entry each block belongs to, -1 outside any entry.
    var entries: [Int32] = []
    /// The UTF-8 length of each block.
    var lengths: [Int32] = []
    /// Each entry's blocks (title first), an empty range where it has none.
    var entryRanges: [Range<Int>] = []
    /// The text id of each block (equal ids, equal text once white space is folded); -1 until
    /// ``assignIDs(_:)``.
    var ids: [Int32] = []

    init(_ article: Article) {
        var count = article.blocks.count
        for e in article.entries.indices { count += article.entries[e].blocks.count + (article.entries[e].title == nil ? 0 : 1) }
        texts.reserveCapacity(count)
        kinds.reserveCapacity(count)
        entries.reserveCapacity(count)
        lengths.reserveCapacity(count)
        entryRanges.reserveCapacity(article.entries.count)
        // By index, not `for entry in`: copying each Entry would retain and release all its parts.
        for k in article.blocks.indices { append(article.blocks[k].text, article.blocks[k].kind, -1) }
        for e in article.entries.indices {
            let start = texts.count
            if let title = article.entries[e].title { append(title, .heading, Int32(e)) }
            for k in article.entries[e].blocks.indices {
                append(article.entries[e].blocks[k].text, article.entries[e].blocks[k].kind, Int32(e))
            }
            entryRanges.append(start..<texts.count)
        }
        ids = Array(repeating: -1, count: count)
    }

    var count: Int { texts.count }

    private mutating func append(_ text: String, _ kind: Block.Kind, _ entry: Int32) {
        texts.append(text)
        kinds.append(kind)
        entries.append(entry)
        lengths.append(Int32(truncatingIfNeeded: text.utf8.count))
    }

    /// Gives every block still without an id the id of its text.
    mutating func assignIDs(_ interner: inout BlockInterner) {
        for k in ids.indices where ids[k] < 0 { ids[k] = interner.intern(texts[k]) }
    }

    /// True when block `k` here and block `m` of `other` have the same bytes.
    func sameBytes(_ k: Int, _ other: VersionBlocks, _ m: Int) -> Bool {
        guard lengths[k] == other.lengths[m] else { return false }
        return texts[k].withUTF8Bytes { a in
            other.texts[m].withUTF8Bytes { b in a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 }
        }
    }

    /// Shortcut for the blocks that plainly did not change, so that they need no hashing: blocks of
    /// anchored entries that are byte for byte the same on both sides, or (without anchors) the
    /// runs of byte-identical blocks at the start and end. Each such pair gets a fresh id of its
    /// own; the alignment then keeps them in place.
    static func presetUnchanged(_ old: inout VersionBlocks, _ new: inout VersionBlocks, anchors: [(Int32, Int32)],
                                interner: inout BlockInterner) {
        if !anchors.isEmpty {
            for (i, j) in anchors {
                let o = old.entryRanges[Int(i)], n = new.entryRanges[Int(j)]
                guard o.count == n.count, zip(o, n).allSatisfy({ old.sameBytes($0, new, $1) }) else { continue }
                for (k, m) in zip(o, n) {
                    let id = interner.freshID()
                    old.ids[k] = id
                    new.ids[m] = id
                }
            }
            return
        }
        let shorter = min(old.count, new.count)
        var prefix = 0
        while prefix < shorter && old.sameBytes(prefix, new, prefix) {
            let id = interner.freshID()
            old.ids[prefix] = id
            new.ids[prefix] = id
            prefix += 1
        }
        var suffix = 0
        while suffix < shorter - prefix && old.sameBytes(old.count - 1 - suffix, new, new.count - 1 - suffix) {
            let id = interner.freshID()
            old.ids[old.count - 1 - suffix] = id
            new.ids[new.count - 1 - suffix] = id
            suffix += 1
        }
    }
}
