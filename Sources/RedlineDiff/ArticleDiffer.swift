import RedlineModel

/// Compares two versions of an article block by block.
///
///     old: [A, B, C]        new: [N, A, C, B']
///     → N added, A unchanged, C unchanged, B removed, B' added
///
/// This first differ aligns whole blocks (longest common subsequence of their texts) and calls a
/// block moved when identical text left one place and appeared in another. Word-level edits and
/// fuzzy pairing come with the full differ.
public enum ArticleDiffer {
    /// The change from `old` to `new`.
    public static func diff(_ old: Article, _ new: Article) -> ArticleDiff {
        let oldBlocks = old.positionedBlocks
        let newBlocks = new.positionedBlocks
        var ids: [String: Int] = [:]
        func intern(_ item: PositionedBlock) -> Int {
            if let id = ids[item.block.text] { return id }
            ids[item.block.text] = ids.count
            return ids.count - 1
        }
        let oldIDs = oldBlocks.map(intern)
        let newIDs = newBlocks.map(intern)

        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in newIDs.difference(from: oldIDs) {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }

        // An inserted block whose text was removed elsewhere moved (when it is long enough to be sure).
        var movedFrom: [Int: Int] = [:]
        var removedByText: [Int: [Int]] = [:]
        for index in removed.sorted() { removedByText[oldIDs[index], default: []].append(index) }
        for index in inserted.sorted() where letterCount(newBlocks[index].block.text) >= 20 {
            if var candidates = removedByText[newIDs[index]], !candidates.isEmpty {
                movedFrom[index] = candidates.removeFirst()
                removedByText[newIDs[index]] = candidates
            }
        }
        let movedOld = Set(movedFrom.values)

        var changes: [BlockChange] = []
        var oldCursor = 0
        func emitRemoved(upTo limit: Int) {
            while oldCursor < limit {
                if removed.contains(oldCursor), !movedOld.contains(oldCursor) {
                    let item = oldBlocks[oldCursor]
                    changes.append(BlockChange(change: .removed, oldIndex: item.position, oldText: item.block.text,
                                               kind: item.block.kind, entry: reference(item, in: old)))
                }
                oldCursor += 1
            }
        }
        var oldIndexOfUnchanged: [Int] = []
        var cursor = 0
        for index in newBlocks.indices where !inserted.contains(index) {
            while removed.contains(cursor) { cursor += 1 }
            oldIndexOfUnchanged.append(cursor)
            cursor += 1
        }
        var unchangedSeen = 0
        for (index, item) in newBlocks.enumerated() {
            let entry = reference(item, in: new)
            if let source = movedFrom[index] {
                changes.append(BlockChange(change: .moved, oldIndex: source, newIndex: index,
                                           oldText: oldBlocks[source].block.text, newText: item.block.text,
                                           kind: item.block.kind, entry: entry))
            } else if inserted.contains(index) {
                changes.append(BlockChange(change: .added, newIndex: index, newText: item.block.text,
                                           kind: item.block.kind, entry: entry))
            } else {
                let source = oldIndexOfUnchanged[unchangedSeen]
                unchangedSeen += 1
                emitRemoved(upTo: source)
                oldCursor = max(oldCursor, source + 1)
                changes.append(BlockChange(change: .unchanged, oldIndex: source, newIndex: index,
                                           oldText: oldBlocks[source].block.text, newText: item.block.text,
                                           kind: item.block.kind, entry: entry))
            }
        }
        emitRemoved(upTo: oldBlocks.count)
        return ArticleDiff(keyEvents: keyEventChanges(old.keyEvents, new.keyEvents), blocks: changes)
    }

    static func keyEventChanges(_ old: [KeyEvent], _ new: [KeyEvent]) -> KeyEventChanges {
        var changes = KeyEventChanges()
        var unmatchedOld = old
        for event in new {
            if let index = unmatchedOld.firstIndex(where: { $0.id != nil && $0.id == event.id }) {
                let before = unmatchedOld.remove(at: index)
                if before.title != event.title {
                    changes.retitled.append(Retitle(id: event.id, time: event.time, oldTitle: before.title, newTitle: event.title))
                }
            } else if let index = unmatchedOld.firstIndex(where: { $0.title == event.title }) {
                unmatchedOld.remove(at: index)
            } else {
                changes.added.append(event)
            }
        }
        changes.removed = unmatchedOld
        return changes
    }

    private static func reference(_ item: PositionedBlock, in article: Article) -> EntryReference? {
        item.entryIndex.map { EntryReference(article.entries[$0]) }
    }

    private static func letterCount(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.properties.isAlphabetic || $1.properties.numericType != nil ? 1 : 0) }
    }
}
