import Foundation

/// The non-blank lines of copied text, read one by one as the extractor reaches them; only the
/// last few are kept, so no array of every line is built.
///
///     "World\n\nRussia-Ukraine war live\r\n10.45 BST\n"
///     hasLine(0) → true, lines[0] "World"        (read up to here)
///     hasLine(2) → true, lines[2] "10.45 BST"    (lines 1 and 2 read; lines[0] is still kept)
///     hasLine(3) → false                         (the end: `repaired` is now known)
///
/// Lines are numbered from 0 as in an array. `hasLine(n)` reads up to line `n`; after it, line
/// `n` and the three before it can be read in place (`lines[n]`, no copy). The extractor looks
/// at a line and at most the three after it.
struct PlainTextLines: ~Copyable {
    /// How many of the last lines read are kept: a power of two, so that line `n` is kept at
    /// `recent[n & (kept - 1)]`.
    private static let kept = 4

    private let bytes: UnsafeBufferPointer<UInt8>
    private let hasCarriageReturns: Bool
    /// Where the next line starts in `bytes`.
    private var unread = 0
    /// How many lines have been read.
    private var count = 0
    private let recent = UnsafeMutablePointer<PlainTextLine>.allocate(capacity: kept)
    /// True when some line read so far was not valid UTF-8 and had bad bytes replaced with
    /// U+FFFD: once `hasLine` has said false, true for the whole text.
    private(set) var repaired = false

    /// The lines of `bytes`, split at `\n`, `\r\n` and `\r`; blank lines are left out.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        hasCarriageReturns = bytes.baseAddress.map { memchr($0, 0x0D, bytes.count) != nil } ?? false
    }

    deinit {
        for index in max(0, count - Self.kept)..<count {
            (recent + (index & (Self.kept - 1))).deinitialize(count: 1)
        }
        recent.deallocate()
    }

    /// True when the text has a line `index`; reads lines up to it.
    mutating func hasLine(_ index: Int) -> Bool {
        index < count || readLines(through: index)
    }

    /// Line `index`, read in place: `hasLine(index)` has said true, and no line more than three
    /// after it has been read since (checked in debug builds, as an unsafe buffer's index is).
    subscript(index: Int) -> PlainTextLine {
        unsafeAddress {
            assert(index < count && index >= count - Self.kept, "line \(index) is no longer kept")
            return UnsafePointer(recent + (index & (Self.kept - 1)))
        }
    }

    /// Reads lines into `recent` up to line `index`, dropping the oldest; false when the text
    /// ends first.
    // Not inlined: inlined, it made the extractor's loop so large that the compiler stopped
    // inlining the loop's own small calls (Furniture.equalsIgnoringCase), a retain each.
    @inline(never)
    private mutating func readLines(through index: Int) -> Bool {
        while count <= index {
            guard unread < bytes.count else { return false }
            let start = unread
            let end = lineEnd(start)
            unread = end + 1
            guard start < end else { continue }
            let (line, repairedLine) = PlainTextLine.read(UnsafeBufferPointer(rebasing: bytes[start..<end]))
            repaired = repaired || repairedLine
            guard let line else { continue }
            let slot = recent + (count & (Self.kept - 1))
            if count >= Self.kept { slot.deinitialize(count: 1) }
            slot.initialize(to: line)
            count += 1
        }
        return true
    }

    /// Where the line starting at `start` ends: the next `\n` (memchr), or `\r` before it.
    private func lineEnd(_ start: Int) -> Int {
        // Half the lines of a copied page are blank: no call for those.
        if bytes[start] == 0x0A { return start }
        guard let base = bytes.baseAddress else { return start }
        let newline = memchr(base + start, 0x0A, bytes.count - start).map { UnsafeRawPointer(base).distance(to: $0) } ?? bytes.count
        guard hasCarriageReturns, let cr = memchr(base + start, 0x0D, newline - start) else { return newline }
        return UnsafeRawPointer(base).distance(to: cr)
    }
}
