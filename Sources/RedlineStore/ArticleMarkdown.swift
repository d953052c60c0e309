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
        String(decoding: renderedBytes(article), as: UTF8.self)
    }

    /// ``render(_:)``'s UTF-8, written item after item into one buffer (a live blog's is most of
    /// a megabyte, rendered at every capture).
    static func renderedBytes(_ article: Article) -> [UInt8] {
        var out: [UInt8] = []
        var estimate = 256 + 64 * article.keyEvents.count
        for block in article.blocks { estimate += block.text.utf8.count + 8 }
        for entry in article.entries { estimate += 128 + entry.blocks.reduce(0) { $0 + $1.text.utf8.count + 8 } }
        out.reserveCapacity(estimate)
        var isFirst = true
        func item(_ marker: String = "", _ text: String? = nil, lineStart: Bool = false, close: String = "") {
            if !isFirst { out += [0x0A, 0x0A] }
            isFirst = false
            out += marker.utf8
            if let text { escape(text, lineStart: lineStart, into: &out) }
            out += close.utf8
        }
        if let title = article.title { item("# ", title) }
        if let standfirst = article.standfirst { item("**", standfirst, close: "**") }
        if let byline = article.byline { item("*", byline, close: "*") }
        if let url = article.url { item("<", url, close: ">") }
        if !article.keyEvents.isEmpty {
            item(keyEventsHeading)
            for (index, event) in article.keyEvents.enumerated() {
                out += (index == 0 ? "\n\n- " : "\n- ").utf8
                stamped(event.time, event.title, id: event.id, into: &out)
            }
        }
        func line(_ block: Block) {
            switch block.kind {
            case .paragraph: block.text.isEmpty ? item("\\") : item("", block.text, lineStart: true)
            case .heading: item("#### ", block.text)
            case .listItem: item("- ", block.text, lineStart: true)
            case .quote: item("> ", block.text, lineStart: true)
            }
        }
        article.blocks.forEach(line)
        for entry in article.entries {
            item(entryRule)
            if entry.time == nil && entry.title == nil && entry.id == nil {
                item("###")
            } else {
                item("### ")
                stamped(entry.time, entry.title, id: entry.id, into: &out)
            }
            if let author = entry.author {
                out += "\n*".utf8
                escape(author, into: &out)
                out += "*".utf8
            }
            entry.blocks.forEach(line)
        }
        out.append(0x0A)
        return out
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
        var out: [UInt8] = []
        stamped(time, title, id: id, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// ``stamped(_:_:id:)``, written at the end of `out`.
    static func stamped(_ time: Date?, _ title: String?, id: String?, into out: inout [UInt8]) {
        if let time { out += Timestamp.format(time).utf8 }
        if let title {
            if time != nil { out += timeSeparator.utf8 }
            escape(title, lineStart: time == nil, into: &out)
        }
        if let id {
            out += (time == nil && title == nil ? "{#" : " {#").utf8
            escape(id, into: &out)
            out += "}".utf8
        }
    }
}
