import RedlineModel
import RedlineText

/// The stable, readable text form of an article stored as `article.md`, so that `git diff`
/// on the track repository is useful too.
///
///     # Talks end without agreement
///
///     > London discussions ended on Wednesday …
///
///     *By Dan Sabbagh*
///
///     ## Key events
///
///     - 2025-04-23T15:10:00Z Talks end without agreement
///
///     First paragraph outside any entry.
///
///     ---
///
///     ### 2025-04-23T15:10:00Z · Talks end without agreement {#block-123}
///     *Nimo Omer*
///
///     - a list item
///
/// Every piece of article text goes through ``MarkdownEscape``: where the repository is browsed
/// (GitHub renders `article.md`), an article's `![x](http://…)`, `<script>` or `# ` line is text.
public enum ArticleMarkdown {
    /// `article` as Markdown text ending in a newline.
    public static func render(_ article: Article) -> String {
        var out: [String] = []
        if let title = article.title { out.append("# \(escape(title))") }
        if let standfirst = article.standfirst { out.append("> \(escape(standfirst))") }
        if let byline = article.byline { out.append("*\(escape(byline))*") }
        if !article.keyEvents.isEmpty {
            out.append("## Key events")
            out.append(article.keyEvents.map { event in
                "- " + [event.time.map(Timestamp.format), escape(event.title, lineStart: event.time == nil)].compactMap { $0 }
                    .joined(separator: " ")
            }.joined(separator: "\n"))
        }
        out.append(contentsOf: article.blocks.map(line))
        for entry in article.entries {
            out.append("---")
            var heading = "###"
            if let time = entry.time { heading += " \(Timestamp.format(time))" }
            if let title = entry.title { heading += entry.time == nil ? " \(escape(title))" : " · \(escape(title))" }
            if let id = entry.id { heading += " {#\(escape(id))}" }
            out.append(entry.author.map { "\(heading)\n*\(escape($0))*" } ?? heading)
            out.append(contentsOf: entry.blocks.map(line))
        }
        return out.joined(separator: "\n\n") + "\n"
    }

    static func line(_ block: Block) -> String {
        switch block.kind {
        case .paragraph: escape(block.text, lineStart: true)
        case .heading: "#### \(escape(block.text))"
        case .listItem: "- \(escape(block.text, lineStart: true))"
        case .quote: "> \(escape(block.text, lineStart: true))"
        }
    }

    /// Article text as inert Markdown, each line break a space (a block is one line).
    private static func escape(_ text: String, lineStart: Bool = false) -> String {
        MarkdownEscape.text(text.replacingOccurrences(of: "\n", with: " "), lineStart: lineStart)
    }
}
