import RedlineModel

/// What a renderer shows of a diff, in reading order: the changed blocks, a few unchanged blocks
/// around them as context, the longer unchanged runs collapsed to a count, and an entry heading
/// wherever the shown blocks pass into another entry.
///
///     blocks (new order):  =0 =1 =2 +3 =4 =5 =6 =7 ~8      context 1
///     → skipped(2) context(=2) change(+3) context(=4) skipped(2) context(=7) change(~8)
///
/// With `movedAway` a moved block also leaves a mark where it stood in the old version, placed
/// before the first block that was after it in the old version (HTML links the two):
///
///     blocks:  >2 (old 7)  =3 (old 5)  =4 (old 8)
///     → change(>2) context(=3) movedAway(>2) context(=4)
///
/// The layout only reads the diff; it never recomputes it.
struct DiffLayout {
    /// One thing to show.
    enum Item: Equatable {
        /// The shown blocks pass into this entry (nil: blocks outside any entry).
        case entry(EntryReference?)
        /// A changed block.
        case change(BlockChange)
        /// An unchanged block shown for context.
        case context(BlockChange)
        /// This many unchanged blocks, not shown.
        case skipped(Int)
        /// Where a moved block stood in the old version.
        case movedAway(BlockChange)
    }

    /// The items in reading order.
    let items: [Item]

    /// The layout of `diff` with `context` unchanged blocks either side of each change.
    init(_ diff: ArticleDiff, context: Int, movedAway: Bool = false) {
        let sequence = movedAway ? Self.withMovedAway(diff.blocks) : diff.blocks.map { Slot.block($0) }
        // Which slots are shown: every change, and unchanged blocks within `context` of one.
        var shown = [Bool](repeating: false, count: sequence.count)
        var lastChange = Int.min / 2
        for (index, slot) in sequence.enumerated() {
            if slot.isChange { lastChange = index }
            shown[index] = slot.isChange || index - lastChange <= context
        }
        var nextChange = Int.max / 2
        for index in sequence.indices.reversed() {
            if sequence[index].isChange { nextChange = index }
            if nextChange - index <= context { shown[index] = true }
        }

        var items: [Item] = []
        var skipped = 0
        var currentEntry: EntryReference?? = .none
        for (index, slot) in sequence.enumerated() {
            guard shown[index] else {
                skipped += 1
                continue
            }
            if skipped > 0 {
                items.append(.skipped(skipped))
                skipped = 0
            }
            switch slot {
            case .block(let block):
                if currentEntry != .some(block.entry), block.entry != nil || currentEntry != nil {
                    items.append(.entry(block.entry))
                }
                currentEntry = .some(block.entry)
                items.append(block.change == .unchanged ? .context(block) : .change(block))
            case .movedAway(let block):
                items.append(.movedAway(block))
            }
        }
        if skipped > 0 { items.append(.skipped(skipped)) }
        self.items = items
    }

    private enum Slot {
        case block(BlockChange)
        case movedAway(BlockChange)

        var isChange: Bool {
            switch self {
            case .block(let block): block.change != .unchanged
            case .movedAway: true
            }
        }
    }

    /// The blocks with a `movedAway` slot for each moved block, placed before the first block
    /// (other than a moved one) whose old position is after the moved block's.
    private static func withMovedAway(_ blocks: [BlockChange]) -> [Slot] {
        var pending = blocks.filter { $0.change == .moved && $0.oldIndex != nil }
            .sorted { $0.oldIndex! < $1.oldIndex! }[...]
        var slots: [Slot] = []
        slots.reserveCapacity(blocks.count + pending.count)
        for block in blocks {
            if block.change != .moved, let old = block.oldIndex {
                while let first = pending.first, first.oldIndex! < old {
                    slots.append(.movedAway(first))
                    pending.removeFirst()
                }
            }
            slots.append(.block(block))
        }
        slots += pending.map { .movedAway($0) }
        return slots
    }
}
