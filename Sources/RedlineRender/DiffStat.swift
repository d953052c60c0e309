import RedlineText
import RedlineModel

/// Only the counts of a diff, as `git diff --stat` gives them: one bar per kind of change, scaled
/// so the longest fits the width.
///
///     ukraine-talks: version 1 → version 2
///      added     |  3 +++
///      removed   |  1 -
///      edited    |  2 ~~
///      moved     |  1 > (1 also edited)
///      key events: 1 new, 0 retitled, 0 dropped
///      fields: headline edited
///      7 blocks changed, 40 unchanged
public enum DiffStat {
    /// The counts of `diff`, bars coloured when `color` is on, at most `width` columns wide.
    public static func render(_ diff: ArticleDiff, color: Bool = false, width: Int = 80) -> String {
        let summary = diff.summary
        var lines: [[StyledRun]] = []
        let name = TerminalText.escape(diff.article ?? "files")
        lines.append([StyledRun("\(name): \(DiffTerminal.sideName(diff.from)) → \(DiffTerminal.sideName(diff.to))", .bold)])
        let rows: [(String, Int, String, TerminalStyle)] = [
            ("added", summary.added, "+", .added), ("removed", summary.removed, "-", .removed),
            ("edited", summary.edited, "~", .edited), ("moved", summary.moved, ">", .moved),
        ]
        let largest = rows.map(\.1).max() ?? 0
        let digits = String(largest).count
        let room = max(width - (" removed   | ".count + digits + 1), 10)
        for (label, count, bar, style) in rows {
            let padded = label.padding(toLength: 9, withPad: " ", startingAt: 0)
            let number = String(repeating: " ", count: digits - String(count).count) + String(count)
            let length = largest <= room ? count : (count == 0 ? 0 : max(1, count * room / largest))
            // No bar, no space before it: a line ends where its text does.
            lines.append(length == 0 ? [StyledRun(" \(padded) | \(number)")]
                                     : [StyledRun(" \(padded) | \(number) "), StyledRun(String(repeating: bar, count: length), style)])
        }
        // A block moved and edited counts once, as moved: its edit is said beside it, not lost.
        let movedAndEdited = diff.blocks.filter { $0.change == .moved && $0.edited }.count
        if movedAndEdited > 0, let moved = lines.indices.last {
            lines[moved].append(StyledRun(" (\(movedAndEdited) also edited)"))
        }
        lines.append([StyledRun(" key events: \(summary.keyEventsAdded) new, \(summary.keyEventsRetitled) retitled, \(summary.keyEventsRemoved) dropped")])
        if !diff.fields.isEmpty {
            lines.append([StyledRun(" fields: " + FieldNotes.notes(diff.fields).joined(separator: ", "))])
        }
        let changed = summary.added + summary.removed + summary.edited + summary.moved
        lines.append([StyledRun(" \(changed) block" + (changed == 1 ? "" : "s") + " changed, \(summary.unchanged) unchanged")])
        return lines.map { $0.rendered(color: color) }.joined(separator: "\n") + "\n"
    }
}
