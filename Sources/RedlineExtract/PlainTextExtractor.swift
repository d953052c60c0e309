import Foundation
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
/// A live blog copied with select-all (the Guardian's, the BBC's):
///
///     Skip to main content / UK news / …                (navigation above "Live": left out)
///     Live                                              (kicker: the headline follows)
///     Brexit: Cameron to resign – live                  → title
///     Leave wins the EU referendum with 52% …           → standfirst
///     Andrew Sparrow                                    → byline
///     Fri 24 Jun 2016 08.27 BST                         (date line: the day of the clock times)
///     Key events / Summary                              (the list follows)
///     50m ago / 08:25 / Cameron announces …             → key event 2016-06-24T07:25Z
///     08.14 BST FTSE 100 and sterling plunge            → key event 2016-06-24T07:14Z
///     Show key events only                              (the list ends)
///     By Orla Moore and Andrew Segal                    → byline "Orla Moore and Andrew Segal"
///     52 minutes ago / 09:15 / Posted at 09:15          → a new entry, stamped once
///     Updated at 08.40 BST / Share this post            (furniture: left out)
///     Older / Previous page / Most read                 (the rest is furniture, up to a time stamp)
///
/// Entries start at a line that is only a time stamp ("10.45 BST") or, once the page reads as a
/// live blog, only a name. When a line is not plainly furniture it is kept. Clock times are
/// dated at the end, by what the page says of its day (``PageCalendar``).
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
        var calendar = PageCalendar()
        var index = readHead(&lines, from: 0, into: &article, calendar: &calendar)

        var entries: [Entry] = []
        // The clock times and relative labels read for entries and key events, by index, dated
        // at the end (a page may say the year of its stamps only in its last line).
        var entryStamps: [PageCalendar.Stamp] = []
        var keyEventStamps: [Int: PageCalendar.Stamp] = [:]
        var keyEventClocks: [Int: ClockTime] = [:]   // "09.15 BST Talks end": read with the line
        var isLiveBlog = false
        var inKeyEvents = false
        var inCommentForm = false
        // After a "most read" box or the feed's pagination: lines are furniture until a time stamp.
        var inBox = false
        while lines.hasLine(index) {
            // Lines are read in place (`lines[current]`, `lines[next]`): copying one costs a retain.
            let current = index
            index += 1
            let next: Int? = lines.hasLine(index) ? index : nil
            if inBox {
                // The year of stamps that name none ("15:56 27 Feb"), from the footer's copyright line.
                if calendar.needsYear, let year = PageCalendar.copyrightYear(in: lines[current].text) { calendar.copyrightYear = year }
                guard lines[current].timeStamp != nil else { continue }
                inBox = false
            }
            if inCommentForm {
                if Furniture.isCommentFormLine(lines[current].text) { continue }
                inCommentForm = false
            }
            if Furniture.opensCommentForm(lines[current].text) { inCommentForm = true; continue }
            if Furniture.equalsIgnoringCase(lines[current].text, "key events") || Furniture.equalsIgnoringCase(lines[current].text, "key events:")
                // The BBC's "Summary" of key points, right under the head.
                || article.blocks.isEmpty && entries.isEmpty && Furniture.equalsIgnoringCase(lines[current].text, "summary") {
                inKeyEvents = true
                isLiveBlog = true
                continue
            }
            if lines[current].isFurniture {
                // "Live" above the headline: what came before it (short lines, no paragraph) was the
                // site's navigation.
                if let next, entries.isEmpty, article.keyEvents.isEmpty, Furniture.equalsIgnoringCase(lines[current].text, "live"),
                   lines[next].isHeadingLike, lines[next].wordCount >= 3, lines[next].timeStamp == nil,
                   !article.blocks.contains(where: { $0.kind == .paragraph }) {
                    article = Article()
                    calendar = PageCalendar()
                    index = readHead(&lines, from: next, into: &article, calendar: &calendar)
                    continue
                }
                if Furniture.opensBox(lines[current].text), !entries.isEmpty || !article.blocks.isEmpty {
                    inBox = true
                } else if Furniture.equalsIgnoringCase(lines[current].text, "all times stated are uk") {
                    calendar.timesAreUK = true
                }
                // The Guardian's toggle below its key-events list, the BBC's "Live Reporting" below
                // its summary: the list has ended.
                inKeyEvents = false
                continue
            }
            // A byline below the key points ("By Orla Moore and Andrew Segal").
            if entries.isEmpty, article.byline == nil, lines[current].text.utf8.starts(with: "By ".utf8), lines[current].isByline {
                article.byline = byline(lines[current].text)
                inKeyEvents = false
                continue
            }

            if let stamp = lines[current].timeStamp {
                isLiveBlog = true
                // "2h ago" then "10.45 BST": one stamp, read as one.
                var date = stamp.date
                var read = PageCalendar.Stamp()
                read.note(lines[current], dated: date != nil)
                while lines.hasLine(index), let more = lines[index].timeStamp, index - current < 3 {
                    if date == nil, read.clockText == nil { date = more.date }
                    read.note(lines[index], dated: more.date != nil)
                    index += 1
                }
                // "Posted at 09:15" below the stamp.
                while lines.hasLine(index), lines[index].isFurniture, !Furniture.opensBox(lines[index].text) { index += 1 }
                // In the key-events list stamps sit above the event's title ("2h ago", "09:15",
                // "Talks end"), unless that title is followed by a paragraph: then the entries have
                // begun. A short title that ends like a sentence ("Putin says talks were useful.") is
                // one too when the next event's stamp, or the end of the list, follows it.
                if inKeyEvents, lines.hasLine(index), lines[index].timeStamp == nil, !lines[index].isName, !lines[index].isFurniture {
                    let hasAfter = lines.hasLine(index + 1)
                    let title = lines[index]
                    if title.isHeadingLike && (!hasAfter || lines[index + 1].isHeadingLike || lines[index + 1].timeStamp != nil)
                        || title.isShort && hasAfter && (lines[index + 1].timeStamp != nil || lines[index + 1].isFurniture) {
                        keyEventStamps[article.keyEvents.count] = read
                        article.keyEvents.append(KeyEvent(time: date, title: title.text))
                        index += 1
                        continue
                    }
                }
                inKeyEvents = false
                if let last = entries.indices.last, entries[last].title == nil, entries[last].author == nil, entries[last].blocks.isEmpty {
                    // A stamp, furniture, then a stamp: one entry, stamped twice.
                    if entries[last].time == nil, entryStamps[last].clockText == nil {
                        entries[last].time = date
                        entryStamps[last].clockText = read.clockText
                    }
                    entryStamps[last].ageText = entryStamps[last].ageText ?? read.ageText
                } else {
                    entryStamps.append(read)
                    entries.append(Entry(time: date))
                }
                guard lines.hasLine(index) else { continue }
                if lines[index].isName, lines.hasLine(index + 1), !lines[index + 1].isHeadingLike {
                    entries[entries.count - 1].author = lines[index].text
                    index += 1
                }
                if lines.hasLine(index + 1), lines[index].isHeadingLike, !lines[index].isName, lines[index].timeStamp == nil,
                   !lines[index].isFurniture, lines[index + 1].timeStamp == nil {
                    entries[entries.count - 1].title = lines[index].text
                    index += 1
                }
                continue
            }
            if isLiveBlog, lines[current].isName, let next, !lines[next].isName, lines[next].timeStamp == nil, !lines[next].isFurniture {
                inKeyEvents = false
                var author = lines[current].text
                // A contributor's role under the name ("Andrew Segal" / "BBC Local Live"), above the text.
                if lines[next].isRole, lines.hasLine(next + 1), !lines[next + 1].isHeadingLike, lines[next + 1].timeStamp == nil {
                    author += ", " + lines[next].text
                    index += 1
                }
                if let last = entries.indices.last, entries[last].author == nil, entries[last].blocks.isEmpty {
                    entries[last].author = author
                } else {
                    entryStamps.append(PageCalendar.Stamp())
                    entries.append(Entry(author: author))
                }
                continue
            }
            if inKeyEvents {
                // "09.15 BST Talks end": the time and the title on one line (after "1h ago", if any).
                if let leading = ClockTime.leading(in: TimeLabel.withoutRelativeLabel(lines[current].text)) {
                    keyEventClocks[article.keyEvents.count] = leading.clock
                    article.keyEvents.append(KeyEvent(title: leading.rest))
                    continue
                }
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
        if isLiveBlog { date(&article, entryStamps: entryStamps, keyEventStamps: keyEventStamps, keyEventClocks: keyEventClocks, calendar: calendar) }
        return article
    }

    /// Gives the entries and key events whose stamps name no full date the dates `calendar`
    /// reads, and a key event with no time of its own the time of the entry with its title
    /// (the BBC's summary points link to their posts).
    private static func date(_ article: inout Article, entryStamps: [PageCalendar.Stamp],
                             keyEventStamps: [Int: PageCalendar.Stamp], keyEventClocks: [Int: ClockTime], calendar: PageCalendar) {
        if calendar.canDate {
            let entryDates = calendar.dates(of: entryStamps)
            for index in article.entries.indices where article.entries[index].time == nil {
                article.entries[index].time = entryDates[index]
            }
        }
        guard article.keyEvents.contains(where: { $0.time == nil }) else { return }
        let eventDates = calendar.canDate ? calendar.dates(of: article.keyEvents.indices.map { keyEventStamps[$0] ?? PageCalendar.Stamp() },
                                                                 known: keyEventClocks)
            : Array(repeating: nil, count: article.keyEvents.count)
        var timeByTitle: [String: Date] = [:]
        for entry in article.entries.reversed() {
            if let title = entry.title, let time = entry.time { timeByTitle[title] = time }
        }
        for index in article.keyEvents.indices where article.keyEvents[index].time == nil {
            article.keyEvents[index].time = eventDates[index] ?? timeByTitle[article.keyEvents[index].title]
        }
    }
}
