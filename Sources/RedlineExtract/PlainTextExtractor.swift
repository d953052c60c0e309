import RedlineText
import RedlineModel

/// Text as a browser copies a page → an ``Article``, one line per paragraph.
///
///     World                                            (section label: left out)
///     Russia-Ukraine war live: talks head to London    → title
///     London to host negotiators for ceasefire talks    → standfirst
///     Dan Sabbagh and Luke Harding report from Kyiv     → byline
///     David Lammy will host US and European …           → top-level paragraph
///     Share                                             (furniture: left out)
///     Key events                                        (heading of the key-events list: left out)
///     Talks end without agreement                       → key event
///     Nimo Omer                                         → a new entry, author "Nimo Omer"
///     For today’s First Edition newsletter, …           → the entry's paragraph
///       • Formal US recognition of Crimea …             → list item
///     Leave a Reply / Your email address will not …    (comment form: left out)
///
/// Entries start at a line that is only a time stamp ("10.45 BST") or, once the page reads as a
/// live blog, only a name. When a line is not plainly furniture it is kept.
enum PlainTextExtractor {
    static func extract(_ text: String) -> Article {
        text.withUTF8Bytes { extract(utf8: $0).article }
    }

    /// The article in `bytes`, UTF-8 read line by line; `repaired` when some line was not valid
    /// UTF-8 and had bad bytes replaced with U+FFFD.
    static func extract(utf8 bytes: UnsafeBufferPointer<UInt8>) -> (article: Article, repaired: Bool) {
        var lines = PlainTextLines(bytes)
        let article = article(&lines)
        return (article, lines.repaired)
    }

    /// The article read from `lines`, to their end.
    private static func article(_ lines: inout PlainTextLines) -> Article {
        var article = Article()
        var index = readHead(&lines, into: &article)

        var entries: [Entry] = []
        var isLiveBlog = false
        var inKeyEvents = false
        var inCommentForm = false
        while lines.hasLine(index) {
            // Lines are read in place (`lines[current]`, `lines[next]`): copying one costs a retain.
            let current = index
            index += 1
            let next: Int? = lines.hasLine(index) ? index : nil
            if inCommentForm {
                if Furniture.isCommentFormLine(lines[current].text) { continue }
                inCommentForm = false
            }
            if Furniture.opensCommentForm(lines[current].text) { inCommentForm = true; continue }
            if Furniture.equalsIgnoringCase(lines[current].text, "key events") || Furniture.equalsIgnoringCase(lines[current].text, "key events:") {
                inKeyEvents = true
                isLiveBlog = true
                continue
            }
            // The Guardian's toggle below its key-events list: the entries begin after it.
            if inKeyEvents, Furniture.equalsIgnoringCase(lines[current].text, "show key events only") { inKeyEvents = false; continue }
            if lines[current].isFurniture { continue }

            if let stamp = lines[current].timeStamp {
                isLiveBlog = true
                // In the key-events list a stamp sits above the event's title ("2h ago", "Talks end"),
                // unless that title is followed by a paragraph: then the entries have begun. A short
                // title that ends like a sentence ("Putin says talks were useful.") is one too when the
                // next event's stamp follows it.
                if inKeyEvents, let title = next.map({ lines[$0] }), title.timeStamp == nil, !title.isName, !title.isFurniture,
                   title.isHeadingLike && (!lines.hasLine(index + 1) || lines[index + 1].isHeadingLike || lines[index + 1].timeStamp != nil)
                       || title.isShort && lines.hasLine(index + 1) && lines[index + 1].timeStamp != nil {
                    article.keyEvents.append(KeyEvent(time: stamp.date, title: title.text))
                    index += 1
                    continue
                }
                inKeyEvents = false
                // "2h ago" then "10.45 BST": one entry, stamped twice.
                if let last = entries.indices.last, entries[last].title == nil, entries[last].author == nil, entries[last].blocks.isEmpty {
                    entries[last].time = entries[last].time ?? stamp.date
                } else {
                    entries.append(Entry(time: stamp.date))
                }
                if let author = next, lines[author].isName, lines.hasLine(index + 1), !lines[index + 1].isHeadingLike {
                    entries[entries.count - 1].author = lines[author].text
                    index += 1
                }
                if lines.hasLine(index + 1), lines[index].isHeadingLike, !lines[index].isName, lines[index].timeStamp == nil,
                   lines[index + 1].timeStamp == nil {
                    entries[entries.count - 1].title = lines[index].text
                    index += 1
                }
                continue
            }
            if isLiveBlog, lines[current].isName, let next, !lines[next].isName, lines[next].timeStamp == nil, !lines[next].isFurniture {
                inKeyEvents = false
                if let last = entries.indices.last, entries[last].author == nil, entries[last].blocks.isEmpty {
                    entries[last].author = lines[current].text
                } else {
                    entries.append(Entry(author: lines[current].text))
                }
                continue
            }
            if inKeyEvents {
                if lines[current].isHeadingLike || lines[current].isBullet {
                    article.keyEvents.append(KeyEvent(title: lines[current].text))
                    continue
                }
                inKeyEvents = false
            }

            let kind: Block.Kind = lines[current].isBullet ? .listItem : lines[current].isHeadingLike && next != nil ? .heading : .paragraph
            let block = Block(kind, lines[current].text)
            if entries.isEmpty {
                article.blocks.append(block)
            } else {
                entries[entries.count - 1].blocks.append(block)
            }
        }
        article.entries = entries
        return article
    }

    /// Reads the section label, headline, standfirst and byline at the top; returns where the body starts.
    private static func readHead(_ lines: inout PlainTextLines, into article: inout Article) -> Int {
        var index = 0
        func line(_ offset: Int) -> PlainTextLine? { lines.hasLine(index + offset) ? lines[index + offset] : nil }
        // A one-to-three word label above a longer headline ("World", "US news").
        if let label = line(0), let headline = line(1), label.isHeadingLike, label.wordCount <= 3, label.length <= 30,
           headline.isHeadingLike, headline.length > label.length * 2, line(2) != nil,
           !headline.isFurniture {
            index += 1
        }
        guard let title = line(0), title.isHeadingLike, title.wordCount >= 3, line(1) != nil,
              !title.isFurniture, title.timeStamp == nil, !title.isByline else {
            if let byline = line(0), byline.isByline { article.byline = byline.text; return index + 1 }
            return index
        }
        article.title = title.text
        index += 1
        if let byline = line(0), byline.isByline {
            article.byline = byline.text
            return index + 1
        }
        if let standfirst = line(0), !standfirst.isBullet, standfirst.timeStamp == nil,
           !standfirst.isFurniture, standfirst.length <= 400,
           line(1)?.isByline == true || standfirst.isHeadingLike && line(1) != nil {
            article.standfirst = standfirst.text
            index += 1
        }
        if let byline = line(0), byline.isByline {
            article.byline = byline.text
            index += 1
        }
        return index
    }
}
