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
    /// The article `text` holds; nil when it is not in this form. Read line by line from the
    /// bytes: a version's article is read for every diff of a history (`report`, `log --edits`).
    public static func parse(_ text: String) -> Article? {
        var text = text
        return text.withUTF8 { ArticleText(bytes: $0).article() }
    }
}

/// `article.md`'s bytes, read back into an ``Article``.
private struct ArticleText {
    typealias Line = Range<Int>
    let bytes: UnsafeBufferPointer<UInt8>

    func article() -> Article? {
        var article = Article()
        if bytes.count == 1, bytes[0] == 0x0A { return article }   // nothing at all
        guard bytes.last == 0x0A, let (lines, ranges) = items() else { return nil }
        var items = ranges.lazy.map { lines[$0] }[...]
        var head = 0   // how far the head has got: 1 title, 2 standfirst, 3 byline, 4 url
        var entry: Entry?
        func field(_ rank: Int, _ line: Line, _ open: String, _ close: String) -> String? {
            guard head < rank, line.count >= open.utf8.count + close.utf8.count, starts(line, open), ends(line, close) else { return nil }
            head = rank
            return text(line.lowerBound + open.utf8.count..<line.upperBound - close.utf8.count)
        }
        while let item = items.popFirst() {
            let line = item[item.startIndex]
            if entry == nil, article.keyEvents.isEmpty, article.blocks.isEmpty, item.count == 1 {
                if head == 0, starts(line, "# ") {
                    head = 1
                    article.title = text(line.dropFirst(2))
                    continue
                }
                if let standfirst = field(2, line, "**", "**") { article.standfirst = standfirst; continue }
                if let byline = field(3, line, "*", "*") { article.byline = byline; continue }
                if let url = field(4, line, "<", ">") { article.url = url; continue }
            }
            if item.count == 1, equals(line, ArticleMarkdown.keyEventsHeading), entry == nil, article.keyEvents.isEmpty,
               article.blocks.isEmpty {
                guard let list = items.popFirst() else { return nil }
                for line in list {
                    guard starts(line, "- "), let (time, title, id) = stamped(line.dropFirst(2)) else { return nil }
                    article.keyEvents.append(KeyEvent(id: id, time: time, title: title ?? ""))
                }
                head = 5
            } else if item.count == 1, equals(line, ArticleMarkdown.entryRule) {
                if let entry { article.entries.append(entry) }
                guard let heading = items.popFirst(), let next = self.entry(heading) else { return nil }
                entry = next
            } else {
                guard item.count == 1 else { return nil }
                head = 5
                if entry == nil { article.blocks.append(block(line)) } else { entry!.blocks.append(block(line)) }
            }
        }
        if let entry { article.entries.append(entry) }
        return article
    }

    /// The items, each a run of `lines`: items are separated by one blank line, and none is
    /// empty; nil when one is. (One list of lines for all: an article has thousands of items.)
    private func items() -> (lines: [Line], items: [Range<Int>])? {
        var lines: [Line] = []
        var items: [Range<Int>] = []
        var itemStart = 0
        var start = 0
        for index in 0..<bytes.count where bytes[index] == 0x0A {
            if start == index {
                guard lines.count > itemStart else { return nil }
                items.append(itemStart..<lines.count)
                itemStart = lines.count
            } else {
                lines.append(start..<index)
            }
            start = index + 1
        }
        guard lines.count > itemStart else { return nil }
        items.append(itemStart..<lines.count)
        return (lines, items)
    }

    /// An entry's heading item: `###[ time · title {#id}]`, and its author on a second line.
    private func entry(_ lines: ArraySlice<Line>) -> Entry? {
        guard lines.count <= 2, let heading = lines.first, starts(heading, "###") else { return nil }
        var entry = Entry()
        if heading.count > 3 {
            guard bytes[heading.lowerBound + 3] == 0x20, let (time, title, id) = stamped(heading.dropFirst(4)) else { return nil }
            (entry.time, entry.title, entry.id) = (time, title, id)
        }
        if lines.count == 2 {
            let author = lines[lines.startIndex + 1]
            guard author.count >= 2, bytes[author.lowerBound] == 0x2A, bytes[author.upperBound - 1] == 0x2A else { return nil }
            entry.author = text(author.dropFirst().dropLast())
        }
        return entry
    }

    /// `2025-04-23T15:10:00Z · Title {#id}` as ``ArticleMarkdown/stamped(_:_:id:)`` wrote it.
    private func stamped(_ line: Line) -> (Date?, String?, String?)? {
        var line = line
        var id: String?
        if line.count > 0, bytes[line.upperBound - 1] == UInt8(ascii: "}") {
            if let marker = range(of: " {#", in: line, last: true) {
                id = text(marker.upperBound..<line.upperBound - 1)
                line = line.lowerBound..<marker.lowerBound
            } else if starts(line, "{#") {
                return (nil, nil, text(line.dropFirst(2).dropLast()))
            }
        }
        let separator = range(of: ArticleMarkdown.timeSeparator, in: line)
        let stamp = line.lowerBound..<(separator?.lowerBound ?? line.upperBound)
        if isCanonicalTime(stamp), let time = Timestamp.parse(String(decoding: UnsafeBufferPointer(rebasing: bytes[stamp]), as: UTF8.self)) {
            return (time, separator.map { text($0.upperBound..<line.upperBound) }, id)
        }
        return (nil, text(line), id)
    }

    /// True when `range` holds a time as ``Timestamp/format(_:)`` writes it:
    /// `2025-04-23T15:10:00Z`, digits where the digits go.
    private func isCanonicalTime(_ range: Range<Int>) -> Bool {
        guard range.count == 20 else { return false }
        for (offset, byte) in bytes[range].enumerated() {
            switch offset {
            case 4, 7: guard byte == UInt8(ascii: "-") else { return false }
            case 10: guard byte == UInt8(ascii: "T") else { return false }
            case 13, 16: guard byte == UInt8(ascii: ":") else { return false }
            case 19: guard byte == UInt8(ascii: "Z") else { return false }
            default: guard (0x30...0x39).contains(byte) else { return false }
            }
        }
        return true
    }

    /// One block's line.
    private func block(_ line: Line) -> Block {
        if line.count == 1, bytes[line.lowerBound] == 0x5C { return Block(.paragraph, "") }
        switch bytes[line.lowerBound] {   // an item is never empty
        case 0x23 where starts(line, "#### "): return Block(.heading, text(line.dropFirst(5)))
        case 0x2D where starts(line, "- "): return Block(.listItem, text(line.dropFirst(2)))
        case 0x3E where starts(line, "> "): return Block(.quote, text(line.dropFirst(2)))
        default: return Block(.paragraph, text(line))
        }
    }

    /// The article text the bytes in `range` were escaped from.
    private func text(_ range: Range<Int>) -> String {
        ArticleMarkdown.unescape(UnsafeBufferPointer(rebasing: bytes[range]))
    }

    private func starts(_ line: Line, _ prefix: String) -> Bool {
        line.count >= prefix.utf8.count && bytes[line].starts(with: prefix.utf8)
    }

    private func ends(_ line: Line, _ suffix: String) -> Bool {
        line.count >= suffix.utf8.count && bytes[line.upperBound - suffix.utf8.count..<line.upperBound].elementsEqual(suffix.utf8)
    }

    private func equals(_ line: Line, _ text: String) -> Bool {
        bytes[line].elementsEqual(text.utf8)
    }

    /// The first (or `last`) place `pattern` occurs in `line`.
    private func range(of pattern: String, in line: Line, last: Bool = false) -> Range<Int>? {
        let needle = Array(pattern.utf8)
        guard line.count >= needle.count else { return nil }
        let starts = line.lowerBound...(line.upperBound - needle.count)
        let matches = { (index: Int) in bytes[index] == needle[0] && bytes[index..<index + needle.count].elementsEqual(needle) }
        return (last ? starts.last(where: matches) : starts.first(where: matches)).map { $0..<$0 + needle.count }
    }
}
