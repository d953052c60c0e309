import RedlineModel

/// A change told as news, for feeds and webhooks: a short line, and a summary that leads with a
/// changed headline, then new key events, then edits to published text.
///
///     headline edited to "Talks collapse", 2 new key events, 1 edit, 3 new blocks
///     → line:    "headline changed; 2 new key events; 1 edit to published text; 3 new blocks"
///     → summary: "Headline: Talks collapse
///                 New key events: Talks end without agreement; Ministers leave
///                 Edited: Ukraine will not …
///                 3 new blocks"
///     a first version of 40 blocks → line "first version: 40 blocks", summary its headline
public enum DiffNews {
    /// The most texts of one kind a summary quotes.
    static let quoted = 3
    /// The most characters of one quoted text.
    static let quoteLength = 160

    /// One line: what changed, counted, most newsworthy first.
    public static func line(_ diff: ArticleDiff) -> String {
        let summary = diff.summary
        if diff.isFirstVersion { return "first version: \(summary.added) block" + (summary.added == 1 ? "" : "s") }
        var parts: [String] = []
        if diff.headlineChanged { parts.append("headline changed") }
        if summary.keyEventsAdded > 0 { parts.append(count(summary.keyEventsAdded, "new key event")) }
        let edits = editCount(diff)
        if edits > 0 { parts.append(count(edits, "edit") + " to published text") }
        if summary.added > 0 { parts.append(count(summary.added, "new block")) }
        if parts.isEmpty { parts.append(summary.moved > 0 ? count(summary.moved, "block") + " moved" : "no change") }
        return parts.joined(separator: "; ")
    }

    /// A few lines quoting what changed: the headline, then new key events, then edits to
    /// published text, then the counts of the rest.
    public static func summary(_ diff: ArticleDiff) -> String {
        var lines: [String] = []
        if let headline = diff.fields.first(where: { $0.field == .title }) {
            lines.append(headline.newText.map { "Headline: " + quote($0) } ?? "Headline removed")
        }
        if diff.isFirstVersion { return (lines + [line(diff)]).joined(separator: "\n") }
        if !diff.keyEvents.added.isEmpty {
            lines.append("New key events: " + quotes(diff.keyEvents.added.map(\.title)))
        }
        let edited = diff.blocks.filter(ArticleDiff.isEdit).map { $0.newText ?? ("removed: " + ($0.oldText ?? "")) }
        let retitled = diff.keyEvents.retitled.map { "key event retitled: " + $0.newTitle }
        let dropped = diff.keyEvents.removed.map { "key event dropped: " + $0.title }
        let fields = FieldNotes.notes(diff.fields.filter { $0.field != .title })
        let edits = retitled + dropped + fields + edited
        if !edits.isEmpty { lines.append("Edited: " + quotes(edits)) }
        lines.append(line(diff))
        return lines.joined(separator: "\n")
    }

    /// The edits to published text: changed fields other than the headline, retitled and dropped
    /// key events, and edited, removed, or moved and edited blocks.
    static func editCount(_ diff: ArticleDiff) -> Int {
        diff.fields.filter { $0.field != .title }.count + diff.keyEvents.retitled.count + diff.keyEvents.removed.count
            + diff.blocks.filter(ArticleDiff.isEdit).count
    }

    private static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)" + (n == 1 ? "" : "s")
    }

    private static func quotes(_ texts: [String]) -> String {
        let shown = texts.prefix(quoted).map(quote).joined(separator: "; ")
        return texts.count > quoted ? shown + " (and \(texts.count - quoted) more)" : shown
    }

    private static func quote(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > quoteLength ? String(flat.prefix(quoteLength - 1)) + "…" : flat
    }
}
