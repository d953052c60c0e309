import RedlineModel

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
public enum ArticleMarkdown {
    /// `article` as Markdown text ending in a newline.
    public static func render(_ article: Article) -> String {
        var out: [String] = []
        if let title = article.title { out.append("# \(title)") }
        if let standfirst = article.standfirst { out.append("> \(standfirst)") }
        if let byline = article.byline { out.append("*\(byline)*") }
        if !article.keyEvents.isEmpty {
            out.append("## Key events")
            out.append(article.keyEvents.map { event in
                "- " + [event.time.map(Timestamp.format), event.title].compactMap { $0 }.joined(separator: " ")
            }.joined(separator: "\n"))
        }
        out.append(contentsOf: article.blocks.map(line))
        for entry in article.entries {
            out.append("---")
            var heading = "###"
            if let time = entry.time { heading += " \(Timestamp.format(time))" }
            if let title = entry.title { heading += entry.time == nil ? " \(title)" : " · \(title)" }
            if let id = entry.id { heading += " {#\(id)}" }
            out.append(entry.author.map { "\(heading)\n*\($0)*" } ?? heading)
            out.append(contentsOf: entry.blocks.map(line))
        }
        return out.joined(separator: "\n\n") + "\n"
    }

    static func line(_ block: Block) -> String {
        switch block.kind {
        case .paragraph: block.text
        case .heading: "#### \(block.text)"
        case .listItem: "- \(block.text)"
        case .quote: "> \(block.text)"
        }
    }
}
