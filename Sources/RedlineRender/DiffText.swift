import Foundation
import RedlineModel

/// A diff as plain text, git-like: a header, new key events first, then each change in reading
/// order with a marker (`+` added, `-` removed, `~` edited, `>` moved).
///
///     ukraine-talks: version 1 (2025-04-23T08:00:00Z) → version 2 (2025-04-23T16:00:00Z)
///     +2 -1 ~0 >1, 1 new key event
///
///     New key events:
///       * 2025-04-23T15:10:00Z Talks end without agreement
///
///     + [3] Talks ended on Wednesday without agreement.
///     - [5] A paragraph that was taken out.
///     > [7 → 2] A paragraph that changed position.
public enum DiffText {
    /// `diff` as plain text; `stat` prints only the header and counts.
    public static func render(_ diff: ArticleDiff, stat: Bool = false) -> String {
        var lines = [header(diff), diff.summary.line]
        if stat { return lines.joined(separator: "\n") + "\n" }
        let events = diff.keyEvents
        if !events.added.isEmpty {
            lines += ["", "New key events:"] + events.added.map { "  * " + describe($0.time, $0.title) }
        }
        if !events.retitled.isEmpty {
            lines += ["", "Retitled key events:"]
                + events.retitled.map { "  * " + describe($0.time, "\($0.oldTitle) → \($0.newTitle)") }
        }
        if !events.removed.isEmpty {
            lines += ["", "Dropped key events:"] + events.removed.map { "  * " + describe($0.time, $0.title) }
        }
        let changed = diff.blocks.filter { $0.change != .unchanged }
        if !changed.isEmpty { lines.append("") }
        for block in changed {
            lines.append(line(for: block))
        }
        if changed.isEmpty && events.isEmpty { lines += ["", "No changes."] }
        return lines.map { TerminalText.escape($0) }.joined(separator: "\n") + "\n"
    }

    static func header(_ diff: ArticleDiff) -> String {
        let name = diff.article ?? "files"
        return "\(name): \(side(diff.from)) → \(side(diff.to))"
    }

    static func side(_ side: DiffSide) -> String {
        if let path = side.path { return path }
        var text = side.version.map { "version \($0)" } ?? "?"
        if let time = side.capturedAt { text += " (\(Timestamp.format(time)))" }
        return text
    }

    static func line(for block: BlockChange) -> String {
        switch block.change {
        case .added: "+ [\(block.newIndex ?? 0)] \(block.newText ?? "")"
        case .removed: "- [\(block.oldIndex ?? 0)] \(block.oldText ?? "")"
        case .edited: "~ [\(block.newIndex ?? 0)] \(wordDiff(block))"
        case .moved:
            "> [\(block.oldIndex ?? 0) → \(block.newIndex ?? 0)]" + (block.edited ? " (edited)" : "") + " \(wordDiff(block))"
                + (block.entry.map { "\n    now in: " + describe($0.time, $0.title ?? "untitled entry") } ?? "")
        case .unchanged: "  [\(block.newIndex ?? 0)] \(block.newText ?? "")"
        }
    }

    /// The block's text with `[-removed-]{+inserted+}` markers, as `git diff --word-diff=plain`.
    static func wordDiff(_ block: BlockChange) -> String {
        guard let words = block.words else { return block.newText ?? block.oldText ?? "" }
        return words.map { word in
            switch word.op {
            case .equal: word.text
            case .delete: "[-\(word.text)-]"
            case .insert: "{+\(word.text)+}"
            }
        }.joined()
    }

    static func describe(_ time: Date?, _ title: String) -> String {
        [time.map(Timestamp.format), title].compactMap { $0 }.joined(separator: " ")
    }
}
