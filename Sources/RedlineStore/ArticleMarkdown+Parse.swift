import Foundation
import RedlineModel

/// Reading `article.md` back: ``ArticleMarkdown/render(_:)`` undone, item by item (items are
/// separated by blank lines; no article text holds a line break, ``ArticleMarkdown/escape(_:lineStart:)``
/// writes it as a reference):
///
///     "# T"  "**S**"  "*B*"  "<U>"          the head: title, standfirst, byline, url, in that order
///     "## Key events" + "- …\n- …"         the key events
///     "---" + "### …\n*A*"                  an entry starts: its heading and author
///     anything else                         a block of the entry begun last (or of the article)
///
/// Article text never opens a line with a raw `#`, `*`, `<`, `-` or `>` (each is escaped), so
/// these markers cannot be mistaken for text.
extension ArticleMarkdown {
    /// The article `text` holds; nil when it is not in this form.
    public static func parse(_ text: String) -> Article? {
        var article = Article()
        if text == "\n" { return article }   // nothing at all
        var items = text.split(separator: "\n\n", omittingEmptySubsequences: false)[...]
        guard items.last?.hasSuffix("\n") == true else { return nil }
        items[items.index(before: items.endIndex)] = items.last!.dropLast()
        var head = 0   // how far the head has got: 1 title, 2 standfirst, 3 byline, 4 url
        var entry: Entry?
        func field(_ rank: Int, _ line: Substring, _ open: String, _ close: String) -> String? {
            guard head < rank, line.count >= open.count + close.count, line.hasPrefix(open), line.hasSuffix(close) else { return nil }
            head = rank
            return unescape(line.dropFirst(open.count).dropLast(close.count))
        }
        while let item = items.popFirst() {
            if entry == nil, article.keyEvents.isEmpty, article.blocks.isEmpty, !item.contains("\n") {
                if head == 0, item.hasPrefix("# ") {
                    head = 1
                    article.title = unescape(item.dropFirst(2))
                    continue
                }
                if let standfirst = field(2, item, "**", "**") { article.standfirst = standfirst; continue }
                if let byline = field(3, item, "*", "*") { article.byline = byline; continue }
                if let url = field(4, item, "<", ">") { article.url = url; continue }
            }
            if item == keyEventsHeading, entry == nil, article.keyEvents.isEmpty, article.blocks.isEmpty {
                guard let list = items.popFirst() else { return nil }
                for line in list.split(separator: "\n", omittingEmptySubsequences: false) {
                    guard line.hasPrefix("- "), let (time, title, id) = stamped(line.dropFirst(2)) else { return nil }
                    article.keyEvents.append(KeyEvent(id: id, time: time, title: title ?? ""))
                }
                head = 5
            } else if item == entryRule {
                if let entry { article.entries.append(entry) }
                guard let heading = items.popFirst(), let next = self.entry(heading) else { return nil }
                entry = next
            } else {
                guard !item.contains("\n") else { return nil }
                head = 5
                if entry == nil { article.blocks.append(block(item)) } else { entry!.blocks.append(block(item)) }
            }
        }
        if let entry { article.entries.append(entry) }
        return article
    }

    /// An entry's heading item: `###[ time · title {#id}]`, and its author on a second line.
    private static func entry(_ item: Substring) -> Entry? {
        let lines = item.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count <= 2, let heading = lines.first, heading.hasPrefix("###") else { return nil }
        var entry = Entry()
        if heading.count > 3 {
            guard heading.dropFirst(3).hasPrefix(" "), let (time, title, id) = stamped(heading.dropFirst(4)) else { return nil }
            (entry.time, entry.title, entry.id) = (time, title, id)
        }
        if lines.count == 2 {
            let author = lines[1]
            guard author.count >= 2, author.hasPrefix("*"), author.hasSuffix("*") else { return nil }
            entry.author = unescape(author.dropFirst().dropLast())
        }
        return entry
    }

    /// `2025-04-23T15:10:00Z · Title {#id}` as ``stamped(_:_:id:)`` wrote it.
    private static func stamped(_ text: Substring) -> (Date?, String?, String?)? {
        var text = text
        var id: String?
        if text.hasSuffix("}") {
            if let marker = text.range(of: " {#", options: .backwards) {
                id = unescape(text[marker.upperBound...].dropLast())
                text = text[..<marker.lowerBound]
            } else if text.hasPrefix("{#") {
                return (nil, nil, unescape(text.dropFirst(2).dropLast()))
            }
        }
        let end = text.range(of: timeSeparator)?.lowerBound ?? text.endIndex
        let stamp = text[..<end]
        if stamp.utf8.count == 20, let time = Timestamp.parse(String(stamp)), Timestamp.format(time) == stamp {
            return end == text.endIndex ? (time, nil, id) : (time, unescape(text[end...].dropFirst(timeSeparator.count)), id)
        }
        return (nil, unescape(text), id)
    }

    /// One block's line.
    private static func block(_ line: Substring) -> Block {
        if line == "\\" { return Block(.paragraph, "") }
        for (marker, kind) in [("#### ", Block.Kind.heading), ("- ", .listItem), ("> ", .quote)] where line.hasPrefix(marker) {
            return Block(kind, unescape(line.dropFirst(marker.count)))
        }
        return Block(.paragraph, unescape(line))
    }
}
