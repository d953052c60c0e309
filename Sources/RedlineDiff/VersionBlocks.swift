import RedlineText
import RedlineModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One version's blocks, read once into flat arrays in diff order (the numbering of
/// `Article.positionedBlocks`), each text with a hash of a few of its bytes (``keys``), and later
/// given an id. ``ArticleDiffer`` reads a version this way; a caller that has each version on a
/// thread of its own (`diff --files` extracts the two captures at once) can read it there.
///
///     Article(blocks: [intro], entries: [Entry(title: "Talks end", blocks: [p1])])
///     → kinds [paragraph, heading, paragraph], entries [-1, 0, 0], places [0, -1, 0],
///       entryRanges [1..<3], ids [0, 1, 2]; text(1) "Talks end"
///
/// The texts' bytes are copied once, one after another, into one buffer, and the differ reads
/// them there (``withText(_:_:)``): reading each from its string retains and releases the string,
/// a cache miss apiece in a fresh process, several times a block; here they lie in order.
public struct VersionBlocks: Sendable {
    /// The version read.
    public let article: Article
    var kinds: [Block.Kind] = []
    /// The entry each block belongs to, -1 outside any entry.
    var entries: [Int32] = []
    /// Where each block stands in its entry's blocks (or the article's, outside any entry); -1 for
    /// an entry's title.
    private var places: [Int32] = []
    /// The UTF-8 length of each block.
    var lengths: [Int32] = []
    /// Where each block's bytes start in ``bytes``.
    private var starts: [Int] = []
    /// Every block's UTF-8 bytes, in order.
    private var bytes: [UInt8] = []
    /// The ``BlockInterner/key(_:)`` of each block's text: read while the text is at hand, so
    /// that giving ids reads no text whose key matches none.
    private(set) var keys: [UInt64] = []
    /// Each entry's blocks (title first), an empty range where it has none.
    var entryRanges: [Range<Int>] = []
    /// The text id of each block (equal ids, equal text once white space is folded); -1 until
    /// ``assignIDs(_:_:interner:)``.
    var ids: [Int32] = []

    /// `article`'s blocks, read.
    public init(_ article: Article) {
        self.article = article
        // The sizes first: a string keeps its length in itself, so this reads no text.
        var count = 0, byteCount = 0
        func measure(_ blocks: [Block]) {
            count += blocks.count
            blocks.withUnsafeBufferPointer { blocks in
                for k in blocks.indices { byteCount += blocks[k].text.utf8.count }
            }
        }
        measure(article.blocks)
        for e in article.entries.indices {
            if let title = article.entries[e].title { count += 1; byteCount += title.utf8.count }
            measure(article.entries[e].blocks)
        }
        kinds.reserveCapacity(count)
        entries.reserveCapacity(count)
        places.reserveCapacity(count)
        lengths.reserveCapacity(count)
        starts.reserveCapacity(count)
        keys.reserveCapacity(count)
        bytes.reserveCapacity(byteCount)
        entryRanges.reserveCapacity(article.entries.count)
        // Then each text, read once. The blocks are read through a pointer, by index: a copy of
        // each Block or Entry would retain and release all its parts.
        func read(_ blocks: [Block], entry: Int32) {
            blocks.withUnsafeBufferPointer { blocks in
                for k in blocks.indices { self.append(blocks[k].kind, entry, Int32(k), blocks[k].text) }
            }
        }
        read(article.blocks, entry: -1)
        for e in article.entries.indices {
            let start = kinds.count
            if let title = article.entries[e].title { self.append(.heading, Int32(e), -1, title) }
            read(article.entries[e].blocks, entry: Int32(e))
            entryRanges.append(start..<kinds.count)
        }
        ids = Array(repeating: -1, count: count)
    }

    var count: Int { kinds.count }

    private mutating func append(_ kind: Block.Kind, _ entry: Int32, _ place: Int32, _ text: String) {
        kinds.append(kind)
        entries.append(entry)
        places.append(place)
        text.withUTF8Bytes { text in
            starts.append(bytes.count)
            lengths.append(Int32(truncatingIfNeeded: text.count))
            keys.append(BlockInterner.key(text))
            bytes.append(contentsOf: text)
        }
    }

    /// Block `k`'s text.
    func text(_ k: Int) -> String {
        let e = Int(entries[k]), place = Int(places[k])
        if e < 0 { return article.blocks[place].text }
        if place < 0 { return article.entries[e].title! }
        return article.entries[e].blocks[place].text
    }

    /// Calls `body` with the UTF-8 bytes of block `k`'s text.
    @inline(__always)
    func withText<R>(_ k: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        bytes.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[starts[k]..<starts[k] + Int(lengths[k])]))
        }
    }

    /// True when block `k` has exactly `bytes`.
    func hasBytes(_ k: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard Int(lengths[k]) == bytes.count else { return false }
        return withText(k) { own in bytes.isEmpty || memcmp(own.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }
    }

    /// Gives every block of both versions still without an id the id of its text, old blocks
    /// first.
    static func assignIDs(_ old: inout VersionBlocks, _ new: inout VersionBlocks, interner: inout BlockInterner) {
        // The ids are taken out while they are filled in, so that both sides' texts are read in
        // place meanwhile (reading a side that is being changed would copy it for every block).
        var oldIDs = old.ids, newIDs = new.ids
        old.ids = []
        new.ids = []
        fillIDs(&oldIDs, &newIDs, old, new, interner: &interner)
        old.ids = oldIDs
        new.ids = newIDs
    }

    private static func fillIDs(_ oldIDs: inout [Int32], _ newIDs: inout [Int32], _ old: VersionBlocks, _ new: VersionBlocks,
                                interner: inout BlockInterner) {
        /// Whether the block numbered `holder` (old blocks first, then new) has exactly `bytes`.
        func holds(_ holder: Int32, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            let h = Int(holder)
            return h < old.count ? old.hasBytes(h, bytes) : new.hasBytes(h - old.count, bytes)
        }
        for k in oldIDs.indices where oldIDs[k] < 0 {
            oldIDs[k] = old.withText(k) { bytes in interner.intern(bytes, key: old.keys[k], holder: Int32(k), holds: holds) }
        }
        for k in newIDs.indices where newIDs[k] < 0 {
            newIDs[k] = new.withText(k) { bytes in interner.intern(bytes, key: new.keys[k], holder: Int32(old.count + k), holds: holds) }
        }
    }

    /// True when block `k` here and block `m` of `other` have the same bytes.
    func sameBytes(_ k: Int, _ other: VersionBlocks, _ m: Int) -> Bool {
        guard lengths[k] == other.lengths[m] else { return false }
        return other.withText(m) { hasBytes(k, $0) }
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
