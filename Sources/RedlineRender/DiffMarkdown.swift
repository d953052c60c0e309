import RedlineText
import Foundation
import RedlineModel

/// A diff as GitHub-flavoured Markdown, for a pull-request comment or `$GITHUB_STEP_SUMMARY`:
/// changed fields and key events as lists, the counts as a short table, every changed block in
/// a `<details>`.
///
///     ### ukraine-talks: version 1 → version 2
///
///     2025-04-23 08:00 UTC → 2025-04-23 16:00 UTC · `+1 -0 ~1 >0`, 1 new key event, 1 field changed
///
///     **Headline** (edited): Talks <del>in London end</del> <ins>**collapse**</ins>
///
///     **New key events**
///
///     - 2025-04-23 15:10 · Talks end without agreement
///
///     | added | removed | edited | moved | unchanged |
///     | ---: | ---: | ---: | ---: | ---: |
///     | 1 | 0 | 1 | 0 | 40 |
///
///     <details>
///     <summary>2 changed blocks</summary>
///
///     - **added** in *2025-04-23 15:10 · Talks end without agreement*: Talks ended on Wednesday.
///     - **edited**: Ukraine <del>may</del> <ins>**will**</ins> not accept the plan.
///
///     </details>
///
/// Word changes are `<del>`/`<ins>` (GitHub shows them struck through and underlined) so that
/// they render whatever punctuation they hold. All article text goes through ``MarkdownEscape``.
public enum DiffMarkdown {
    /// `diff` as Markdown ending in a newline.
    public static func render(_ diff: ArticleDiff) -> String {
        var parts: [String] = []
        let name = MarkdownEscape.text(diff.article ?? "files")
        parts.append("### \(name): \(side(diff.from)) → \(side(diff.to))")
        var line: [String] = []
        if let old = diff.from.capturedAt, let new = diff.to.capturedAt {
            line.append("\(TimeText.long(old)) → \(TimeText.long(new))")
        }
        let summaryLine = diff.summary.line  // "+3 -0 ~2 >1, 1 new key event": our own text, no article text
        if let comma = summaryLine.firstIndex(of: ",") {
            line.append("`\(summaryLine[..<comma])`" + summaryLine[comma...])
        } else {
            line.append("`\(summaryLine)`")
        }
        parts.append(line.joined(separator: " · "))

        for field in diff.fields {
            var label = field.field.heading
            if let entry = field.entry { label += " of *\(entryName(entry))*" }
            let text: String
            switch field.change {
            case .added: text = "<ins>**\(MarkdownEscape.text(field.newText ?? ""))**</ins>"
            case .removed: text = "<del>\(MarkdownEscape.text(field.oldText ?? ""))</del>"
            case .edited: text = words(field.words, old: field.oldText, new: field.newText)
            }
            parts.append("**\(label)** (\(field.change.rawValue)): " + text)
        }

        let events = diff.keyEvents
        if !events.added.isEmpty {
            parts.append("**New key events**")
            parts.append(events.added.map { "- " + dated($0.time, MarkdownEscape.text($0.title, lineStart: $0.time == nil)) }
                .joined(separator: "\n"))
        }
        if !events.retitled.isEmpty {
            parts.append("**Retitled key events**")
            parts.append(events.retitled.map {
                "- " + dated($0.time, "<del>\(MarkdownEscape.text($0.oldTitle))</del> → <ins>\(MarkdownEscape.text($0.newTitle))</ins>")
            }.joined(separator: "\n"))
        }
        if !events.removed.isEmpty {
            parts.append("**Dropped key events**")
            parts.append(events.removed.map { "- " + dated($0.time, "<del>\(MarkdownEscape.text($0.title))</del>") }
                .joined(separator: "\n"))
        }

        let summary = diff.summary
        parts.append("""
            | added | removed | edited | moved | unchanged |
            | ---: | ---: | ---: | ---: | ---: |
            | \(summary.added) | \(summary.removed) | \(summary.edited) | \(summary.moved) | \(summary.unchanged) |
            """)

        let changed = diff.blocks.filter { $0.change != .unchanged }
        if changed.isEmpty {
            if events.isEmpty && diff.fields.isEmpty { parts.append("No changes.") }
        } else {
            parts.append("<details>\n<summary>\(changed.count) changed block\(changed.count == 1 ? "" : "s")</summary>")
            parts.append(changed.map(item).joined(separator: "\n"))
            parts.append("</details>")
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    static func side(_ side: DiffSide) -> String {
        if let path = side.path { return "`" + TerminalText.escape(path).replacingOccurrences(of: "`", with: "'") + "`" }
        return side.version.map { "version \($0)" } ?? "?"
    }

    static func dated(_ time: Date?, _ text: String) -> String {
        time.map { TimeText.short($0) + " · " + text } ?? text
    }

    /// One changed block as a list item.
    static func item(_ block: BlockChange) -> String {
        var label = "- **\(block.change.rawValue)**"
        if block.change == .moved {
            label += " \(block.oldIndex.map(String.init) ?? "?") → \(block.newIndex.map(String.init) ?? "?")"
            if block.edited { label += " and edited" }
            if let entry = block.entry { label += ", now in *\(entryName(entry))*" }
        } else if let entry = block.entry, block.change != .unchanged {   // which entry, as for an addition
            label += " in *\(entryName(entry))*"
        }
        let text: String
        switch block.change {
        case .added, .unchanged: text = MarkdownEscape.text(block.newText ?? "")
        case .removed: text = "<del>\(MarkdownEscape.text(block.oldText ?? ""))</del>"
        case .edited, .moved: text = block.edited ? words(block.words, old: block.oldText, new: block.newText) : MarkdownEscape.text(block.newText ?? "")
        }
        return label + ": " + text
    }

    /// An edited text with `<del>`/`<ins>` around its changed words; white space stays outside
    /// the tags.
    static func words(_ words: [WordChange]?, old: String?, new: String?) -> String {
        guard let words else {
            return "<del>\(MarkdownEscape.text(old ?? ""))</del> <ins>**\(MarkdownEscape.text(new ?? ""))**</ins>"
        }
        var out = ""
        for word in WordRuns.display(words) {
            switch word.op {
            case .equal: out += MarkdownEscape.text(word.text)
            case .delete: out += tagged(word.text, open: "<del>", close: "</del>")
            case .insert: out += tagged(word.text, open: "<ins>**", close: "**</ins>")
            }
        }
        return out
    }

    private static func tagged(_ text: String, open: String, close: String) -> String {
        let leading = text.prefix { $0 == " " }
        let rest = text.dropFirst(leading.count)
        let trailing = rest.reversed().prefix { $0 == " " }
        let core = rest.dropLast(trailing.count)
        guard !core.isEmpty else { return String(leading) }
        return leading + open + MarkdownEscape.text(String(core)) + close + String(trailing)
    }

    static func entryName(_ entry: EntryReference) -> String {
        let parts = [entry.time.map(TimeText.short), entry.title.map { MarkdownEscape.text($0) }].compactMap { $0 }
        return parts.isEmpty ? "untitled entry" : parts.joined(separator: " · ")
    }
}
