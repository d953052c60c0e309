import RedlineText
import Foundation
import RedlineModel

/// How ``DiffTerminal`` lays out a diff; the command line decides these from the terminal.
public struct TerminalOptions: Sendable, Hashable {
    /// Colour the output with ANSI SGR codes.
    public var color: Bool
    /// Wrap lines to this many columns; nil leaves each block on one line.
    public var width: Int?
    /// Unchanged blocks shown either side of each change.
    public var context: Int

    /// Options with the given fields; the defaults are plain text, unwrapped, one block of context.
    public init(color: Bool = false, width: Int? = nil, context: Int = 1) {
        self.color = color
        self.width = width
        self.context = max(context, 0)
    }
}

/// A diff for a terminal, git-like: a header naming the article, both versions and their capture
/// times; a changed headline, standfirst or byline first, then new key events, then the changes
/// in reading order.
///
///     ukraine-talks: version 1 → version 2
///     --- version 1  2025-04-23 08:00 UTC  25ca672
///     +++ version 2  2025-04-23 16:00 UTC  7c9f875
///     +1 -1 ~1 >1, 1 new key event, 1 field changed
///
///     Headline
///       ~ Talks [-in London end-]{+collapse+}
///
///     New key events
///       + 2025-04-23 15:10  Talks end without agreement
///
///     @@ 2025-04-23 15:10 · Talks end without agreement @@
///     + Talks ended on Wednesday without agreement.
///
///       … 3 unchanged blocks
///
///     ~ Ukraine [-may-]{+will+} not accept the plan.
///
///     > moved 7 → 2, now in 2025-04-23 15:10 · Talks end without agreement
///     > A paragraph that changed position.
///
///     - A paragraph that was taken out.
///
/// Markers: `+` added, `-` removed, `~` edited, `>` moved; every wrapped line repeats its
/// block's marker, so the change shows without colour too. With colour, added text is green,
/// removed red, and an edited block's words are highlighted inline instead of bracketed (as
/// `git diff --word-diff=color`). Everything that came from the article is escaped with
/// ``TerminalText/escape(_:keepLineBreaks:)`` before it is laid out.
public enum DiffTerminal {
    /// `diff` as terminal text ending in a newline.
    public static func render(_ diff: ArticleDiff, options: TerminalOptions = TerminalOptions()) -> String {
        var out = Writer(options: options)
        header(diff, into: &out)
        fields(diff.fields, into: &out)
        keyEvents(diff.keyEvents, into: &out)
        let layout = DiffLayout(diff, context: options.context)
        if layout.items.contains(where: { if case .change = $0 { true } else { false } }) {
            out.blank()
            // A blank line between blocks, so that paragraphs read as paragraphs; none after an
            // entry's heading, which belongs to what follows it.
            var afterHeading = true
            for item in layout.items {
                if case .movedAway = item { continue }
                if !afterHeading { out.blank() }
                if case .entry = item { afterHeading = true } else { afterHeading = false }
                self.item(item, into: &out)
            }
        } else if diff.keyEvents.isEmpty && diff.fields.isEmpty {
            out.blank()
            out.line([StyledRun("No changes.")])
        }
        return out.text
    }

    // MARK: Header and key events

    static func header(_ diff: ArticleDiff, into out: inout Writer) {
        let name = TerminalText.escape(diff.article ?? "files")
        out.wrapped([StyledRun("\(name): \(sideName(diff.from)) → \(sideName(diff.to))", .bold)], first: [], rest: [])
        out.wrapped([StyledRun(sideDetail(diff.from), .removed)], first: [StyledRun("--- ", .removed)], rest: [StyledRun("    ")])
        out.wrapped([StyledRun(sideDetail(diff.to), .added)], first: [StyledRun("+++ ", .added)], rest: [StyledRun("    ")])
        if let url = diff.to.url ?? diff.from.url {
            out.wrapped([StyledRun(TerminalText.escape(url), .dim)], first: [StyledRun("url ", .dim)], rest: [StyledRun("    ")])
        }
        out.wrapped([StyledRun(diff.summary.line)], first: [], rest: [])
    }

    static func sideName(_ side: DiffSide) -> String {
        if let path = side.path { return TerminalText.escape(path) }
        return side.version.map { "version \($0)" } ?? "?"
    }

    static func sideDetail(_ side: DiffSide) -> String {
        var parts = [sideName(side)]
        if let time = side.capturedAt { parts.append(TimeText.long(time)) }
        if let commit = side.commit { parts.append(String(TerminalText.escape(commit).prefix(7))) }
        return parts.joined(separator: "  ")
    }

    static func fields(_ fields: [FieldChange], into out: inout Writer) {
        for field in fields {
            out.blank()
            var title = field.field.heading
            if field.entry != nil { title += " of " + entryName(field.entry) }
            out.wrapped([StyledRun(title, .bold)], first: [], rest: [StyledRun("  ")])
            let (marker, style, text): (String, TerminalStyle, [StyledRun]) = switch field.change {
            case .added: ("+", .added, [StyledRun(TerminalText.escape(field.newText ?? ""), .added)])
            case .removed: ("-", .removed, [StyledRun(TerminalText.escape(field.oldText ?? ""), .removed)])
            case .edited: ("~", .edited, words(field.words, old: field.oldText, new: field.newText, color: out.options.color))
            }
            let prefix = [StyledRun("  "), StyledRun(marker, style), StyledRun(" ")]
            out.wrapped(text, first: prefix, rest: prefix)
        }
    }

    static func keyEvents(_ events: KeyEventChanges, into out: inout Writer) {
        if !events.added.isEmpty {
            out.blank()
            out.line([StyledRun("New key events", .bold)])
            for event in events.added {
                keyEventLine(marker: "+", .added, time: event.time, [StyledRun(TerminalText.escape(event.title), .added)], into: &out)
            }
        }
        if !events.retitled.isEmpty {
            out.blank()
            out.line([StyledRun("Retitled key events", .bold)])
            for item in events.retitled {
                let runs = [StyledRun(TerminalText.escape(item.oldTitle), .deletedWord), StyledRun(" → "),
                            StyledRun(TerminalText.escape(item.newTitle), .insertedWord)]
                keyEventLine(marker: "~", .edited, time: item.time, runs, into: &out)
            }
        }
        if !events.removed.isEmpty {
            out.blank()
            out.line([StyledRun("Dropped key events", .bold)])
            for event in events.removed {
                keyEventLine(marker: "-", .removed, time: event.time, [StyledRun(TerminalText.escape(event.title), .removed)], into: &out)
            }
        }
    }

    private static func keyEventLine(marker: String, _ style: TerminalStyle, time: Date?, _ title: [StyledRun], into out: inout Writer) {
        var first = [StyledRun("  "), StyledRun(marker, style), StyledRun(" ")]
        var indent = 4
        if let time {
            let text = TimeText.short(time) + "  "
            first.append(StyledRun(text, .dim))
            indent += text.utf8.count
        }
        out.wrapped(title, first: first, rest: [StyledRun(String(repeating: " ", count: indent))])
    }

    // MARK: Blocks

    static func item(_ item: DiffLayout.Item, into out: inout Writer) {
        switch item {
        case .entry(let entry):
            // A long header wraps under its title, and the closing "@@" stays on its last line.
            out.wrapped([StyledRun("@@ " + entryName(entry), .entry)], first: [], rest: [StyledRun("   ")], last: StyledRun(" @@", .entry))
        case .skipped(let count):
            out.line([StyledRun("  … \(count) unchanged block" + (count == 1 ? "" : "s"), .dim)])
        case .context(let block):
            out.wrapped([StyledRun(TerminalText.escape(block.newText ?? ""), .dim)], marker: " ", .dim)
        case .movedAway:
            break
        case .change(let block):
            change(block, into: &out)
        }
    }

    static func change(_ block: BlockChange, into out: inout Writer) {
        switch block.change {
        case .added:
            out.wrapped([StyledRun(TerminalText.escape(block.newText ?? ""), .added)], marker: "+", .added)
        case .removed:
            out.wrapped([StyledRun(TerminalText.escape(block.oldText ?? ""), .removed)], marker: "-", .removed)
        case .edited:
            out.wrapped(words(block.words, old: block.oldText, new: block.newText, color: out.options.color), marker: "~", .edited)
        case .moved:
            var note = "moved \(block.oldIndex.map(String.init) ?? "?") → \(block.newIndex.map(String.init) ?? "?")"
            if block.edited { note += " and edited" }
            if let entry = block.entry { note += ", now in " + entryName(entry) }
            out.wrapped([StyledRun(note, .moved)], marker: ">", .moved)
            let text = block.edited ? words(block.words, old: block.oldText, new: block.newText, color: out.options.color)
                : [StyledRun(TerminalText.escape(block.newText ?? block.oldText ?? ""))]
            out.wrapped(text, marker: ">", .moved)
        case .unchanged:
            out.wrapped([StyledRun(TerminalText.escape(block.newText ?? ""))], marker: " ", .plain)
        }
    }

    /// An edited text with its word changes: coloured inline, or bracketed as `[-old-]{+new+}`
    /// without colour.
    static func words(_ words: [WordChange]?, old: String?, new: String?, color: Bool) -> [StyledRun] {
        guard let words else {
            // An edited text without a word diff: show both texts whole.
            var runs: [StyledRun] = []
            if let old { runs += color ? [StyledRun(TerminalText.escape(old), .deletedWord)] : [StyledRun("[-" + TerminalText.escape(old) + "-]")] }
            if let new {
                if !runs.isEmpty { runs.append(StyledRun(" ")) }
                runs += color ? [StyledRun(TerminalText.escape(new), .insertedWord)] : [StyledRun("{+" + TerminalText.escape(new) + "+}")]
            }
            return runs
        }
        return WordRuns.display(words).map { word in
            let text = TerminalText.escape(word.text)
            switch (word.op, color) {
            case (.equal, _): return StyledRun(text)
            case (.delete, true): return StyledRun(text, .deletedWord)
            case (.insert, true): return StyledRun(text, .insertedWord)
            case (.delete, false): return StyledRun("[-" + text + "-]")
            case (.insert, false): return StyledRun("{+" + text + "+}")
            }
        }
    }

    /// `2025-04-23 15:10 · Talks end without agreement`, escaped for a terminal.
    static func entryName(_ entry: EntryReference?) -> String {
        guard let entry else { return "outside the entries" }
        let parts = [entry.time.map(TimeText.short), entry.title.map { TerminalText.escape($0) }].compactMap { $0 }
        return parts.isEmpty ? "untitled entry" : parts.joined(separator: " · ")
    }

    // MARK: Output

    /// Collects output lines, wrapping them when a width is set.
    struct Writer {
        let options: TerminalOptions
        private(set) var text = ""

        init(options: TerminalOptions) {
            self.options = options
            text.reserveCapacity(1 << 16)
        }

        mutating func blank() { text += "\n" }

        mutating func line(_ runs: [StyledRun]) {
            text += runs.rendered(color: options.color)
            text += "\n"
        }

        /// `runs` after a marker column (`+ `), the marker repeated on every wrapped line.
        mutating func wrapped(_ runs: [StyledRun], marker: String, _ style: TerminalStyle) {
            let prefix = [StyledRun(marker, style), StyledRun(" ")]
            wrapped(runs, first: prefix, rest: prefix)
        }

        /// `runs` wrapped to the width left after the prefixes (`first` on the first line,
        /// `rest` on the others) and `last`, which ends the last line.
        mutating func wrapped(_ runs: [StyledRun], first: [StyledRun], rest: [StyledRun], last: StyledRun? = nil) {
            func ended(_ runs: [StyledRun]) -> [StyledRun] {
                guard let last else { return runs }
                guard let tail = runs.last, tail.style == last.style else { return runs + [last] }
                return runs.dropLast() + [StyledRun(tail.text + last.text, tail.style)]   // one style run, not two
            }
            guard let width = options.width else {
                line(ended(first + runs))
                return
            }
            let indent = max(first.reduce(0) { $0 + TextWrap.columns($1.text) }, rest.reduce(0) { $0 + TextWrap.columns($1.text) })
            let lines = TextWrap.wrap(runs, width: max(width - indent - (last.map { TextWrap.columns($0.text) } ?? 0), 12))
            for (index, wrappedLine) in lines.enumerated() {
                let prefixed = (index == 0 ? first : rest) + wrappedLine
                line(index == lines.count - 1 ? ended(prefixed) : prefixed)
            }
        }
    }
}
