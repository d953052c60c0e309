import Foundation
import RedlineModel

/// The stored form of an extracted article, `article.md`: readable Markdown (so `git diff` and a
/// forge's file view are useful) that holds every part of an ``Article`` and reads back into the
/// same article (``parse(_:)``), one line a block, so successive versions delta well in a pack.
///
///     # Talks end without agreement                     title
///
///     **London discussions ended on Wednesday …**       standfirst
///
///     *By Dan Sabbagh*                                   byline
///
///     <https://example.com/live/talks>                  url
///
///     ## Key events
///
///     - 2025-04-23T15:10:00Z · Talks end without agreement {#block-123}
///
///     First paragraph outside any entry.                a block: a paragraph, `#### ` heading,
///                                                       `- ` list item or `> ` quote
///     ---
///
///     ### 2025-04-23T15:10:00Z · Talks end without agreement {#block-123}
///     *Nimo Omer*                                        an entry: time, title, id; its author
///
///     - a list item
///
/// Every piece of article text goes through ``ArticleMarkdown/escape(_:lineStart:)``: where the
/// repository is browsed, an article's `![x](http://…)`, `<script>` or `# ` line is text, and
/// the escaping is undone exactly on reading (line breaks and control characters are written as
/// character references, so each block stays one line).
public enum ArticleMarkdown {
    /// `article` as Markdown text ending in a newline.
    public static func render(_ article: Article) -> String {
        var out: [String] = []
        if let title = article.title { out.append("# " + escape(title)) }
        if let standfirst = article.standfirst { out.append("**" + escape(standfirst) + "**") }
        if let byline = article.byline { out.append("*" + escape(byline) + "*") }
        if let url = article.url { out.append("<" + escape(url) + ">") }
        if !article.keyEvents.isEmpty {
            out.append(keyEventsHeading)
            out.append(article.keyEvents.map { "- " + stamped($0.time, $0.title, id: $0.id) }.joined(separator: "\n"))
        }
        out.append(contentsOf: article.blocks.map(line))
        for entry in article.entries {
            out.append(entryRule)
            let heading = entry.time == nil && entry.title == nil && entry.id == nil ? "###" : "### " + stamped(entry.time, entry.title, id: entry.id)
            out.append(entry.author.map { "\(heading)\n*\(escape($0))*" } ?? heading)
            out.append(contentsOf: entry.blocks.map(line))
        }
        return out.joined(separator: "\n\n") + "\n"
    }

    /// `article` laid out as ``render(_:)`` lays it out, the escaping undone: `show` and
    /// `extract` print this (`Ukraine\-Russia talks` reads `Ukraine-Russia talks`); it does not
    /// read back.
    public static func readable(_ article: Article) -> String {
        // No escape spans a line break: the whole text is read back in one pass.
        unescape(render(article))
    }

    static let keyEventsHeading = "## Key events"
    static let entryRule = "---"
    static let timeSeparator = " · "

    /// `2025-04-23T15:10:00Z · Title {#id}`, each part when there is one.
    static func stamped(_ time: Date?, _ title: String?, id: String?) -> String {
        var text = time.map(Timestamp.format) ?? ""
        if let title { text += time == nil ? escape(title, lineStart: true) : timeSeparator + escape(title) }
        if let id { text += (time == nil && title == nil ? "{#" : " {#") + escape(id) + "}" }
        return text
    }

    /// One block as one line.
    static func line(_ block: Block) -> String {
        switch block.kind {
        case .paragraph: block.text.isEmpty ? "\\" : escape(block.text, lineStart: true)
        case .heading: "#### " + escape(block.text)
        case .listItem: "- " + escape(block.text, lineStart: true)
        case .quote: "> " + escape(block.text, lineStart: true)
        }
    }
}
