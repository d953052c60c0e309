/// The blocks of an article in the order the differ numbers them.
///
///     Article(blocks: [intro], entries: [Entry(title: "Talks end", blocks: [p1, p2])])
///     → 0 intro (no entry), 1 "Talks end" (heading, entry 0), 2 p1 (entry 0), 3 p2 (entry 0)
///
/// Top-level blocks come first, then each entry's title (when it has one) and blocks, in page order.
public struct PositionedBlock: Sendable, Hashable {
    /// The block's position: its number from 0 in document order.
    public var position: Int
    /// The block itself (an entry's title appears as a heading).
    public var block: Block
    /// Which entry it belongs to (an index into `Article.entries`), nil for top-level blocks.
    public var entryIndex: Int?
    /// True when this block is an entry's title line.
    public var isEntryTitle: Bool
}

extension Article {
    /// Every block in diff order; see ``PositionedBlock``.
    public var positionedBlocks: [PositionedBlock] {
        var result: [PositionedBlock] = []
        for block in blocks {
            result.append(PositionedBlock(position: result.count, block: block, entryIndex: nil, isEntryTitle: false))
        }
        for (index, entry) in entries.enumerated() {
            if let title = entry.title {
                result.append(PositionedBlock(position: result.count, block: Block(.heading, title), entryIndex: index, isEntryTitle: true))
            }
            for block in entry.blocks {
                result.append(PositionedBlock(position: result.count, block: block, entryIndex: index, isEntryTitle: false))
            }
        }
        return result
    }

    /// How many blocks ``positionedBlocks`` lists, counted without listing them.
    public var positionedBlockCount: Int {
        entries.reduce(blocks.count) { $0 + $1.blocks.count + ($1.title == nil ? 0 : 1) }
    }

    /// The number of letters (Unicode scalars) in all blocks, titles and key events: the
    /// article's size as text.
    public var textLength: Int {
        texts.reduce(0) { $0 + $1.unicodeScalars.count }
    }

    /// The same texts' size in UTF-8, counted without reading them.
    public var textBytes: Int {
        texts.reduce(0) { $0 + $1.utf8.count }
    }

    private var texts: [String] {
        [title, standfirst].compactMap { $0 } + positionedBlocks.map(\.block.text) + keyEvents.map(\.title)
    }
}
