import RedlineText
import RedlineModel
@testable import RedlineDiff

/// `summary` as diffing the versions the other way round must give it: added and removed trade
/// places, as do new and dropped key events; everything else stays.
func withSidesSwapped(_ summary: ChangeSummary) -> ChangeSummary {
    var swapped = summary
    (swapped.added, swapped.removed) = (summary.removed, summary.added)
    (swapped.keyEventsAdded, swapped.keyEventsRemoved) = (summary.keyEventsRemoved, summary.keyEventsAdded)
    return swapped
}

/// What every diff must satisfy (SPEC, "--format json"): each block of both versions exactly once,
/// in the new version's order with removed blocks where they stood; texts, indexes and entries as
/// the versions have them; word runs that rebuild both texts.
func invariantProblems(_ old: Article, _ new: Article, _ diff: ArticleDiff) -> [String] {
    let oldItems = old.positionedBlocks, newItems = new.positionedBlocks
    var problems: [String] = []
    var seenOld = [Int](repeating: 0, count: oldItems.count)
    var seenNew = [Int](repeating: 0, count: newItems.count)
    var rebuilt: [String] = []
    var lastNew = -1
    var lastInPlaceOld = -1
    for (n, change) in diff.blocks.enumerated() {
        let label = "block \(n) (\(change.change), old \(change.oldIndex.map(String.init) ?? "-"), new \(change.newIndex.map(String.init) ?? "-"))"
        if change.change == .added {
            if change.oldIndex != nil || change.oldText != nil { problems.append("\(label): added with an old side") }
        } else if let i = change.oldIndex, i >= 0, i < oldItems.count {
            seenOld[i] += 1
            if change.oldText != oldItems[i].block.text { problems.append("\(label): wrong oldText") }
        } else {
            problems.append("\(label): missing or bad oldIndex")
        }
        if change.change == .removed {
            if change.newIndex != nil || change.newText != nil { problems.append("\(label): removed with a new side") }
            let expected = oldItems[change.oldIndex ?? 0].entryIndex.map { EntryReference(old.entries[$0]) }
            if change.entry != expected { problems.append("\(label): removed block's entry is not its old entry") }
        } else if let j = change.newIndex, j >= 0, j < newItems.count {
            seenNew[j] += 1
            if change.newText != newItems[j].block.text { problems.append("\(label): wrong newText") }
            if j <= lastNew { problems.append("\(label): not in the new version's order") }
            lastNew = j
            rebuilt.append(change.newText ?? "")
            let expected = newItems[j].entryIndex.map { EntryReference(new.entries[$0]) }
            if change.entry != expected { problems.append("\(label): entry is not its new entry") }
        } else {
            problems.append("\(label): missing or bad newIndex")
        }
        if change.change == .edited && !change.edited { problems.append("\(label): edited without the edited flag") }
        if change.edited && !(change.change == .edited || change.change == .moved) { problems.append("\(label): edited flag on \(change.change)") }
        if change.edited {
            if let words = change.words {
                let newSide = words.filter { $0.op != .delete }.map(\.text).joined()
                let oldSide = words.filter { $0.op != .insert }.map(\.text).joined()
                if newSide != change.newText { problems.append("\(label): equal+insert words do not give newText") }
                if oldSide != change.oldText { problems.append("\(label): equal+delete words do not give oldText") }
            } else {
                problems.append("\(label): edited without words")
            }
        } else if change.change == .unchanged || change.change == .moved {
            if change.oldText != change.newText, Text.normalize(change.oldText ?? "") != Text.normalize(change.newText ?? "") {
                problems.append("\(label): text changed but not flagged edited")
            }
        }
        if change.change == .unchanged || change.change == .edited || change.change == .removed, let i = change.oldIndex {
            if i <= lastInPlaceOld { problems.append("\(label): removed/kept blocks out of old order") }
            lastInPlaceOld = i
        }
    }
    for (i, count) in seenOld.enumerated() where count != 1 { problems.append("old block \(i) appears \(count) times") }
    for (j, count) in seenNew.enumerated() where count != 1 { problems.append("new block \(j) appears \(count) times") }
    if rebuilt != newItems.map(\.block.text) { problems.append("the reported blocks do not rebuild the new version") }
    return problems
}

