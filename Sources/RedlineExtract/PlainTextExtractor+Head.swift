import RedlineText
import RedlineModel

/// The head of a copied page: section label, headline, standfirst, byline and date line.
///
///     World                                            (section label: left out)
///     Brexit: Cameron to resign – live                  → title
///     Leave wins the EU referendum with 52% …           → standfirst (above the byline)
///     Andrew Sparrow and Graeme Wearden                 → byline (names above a date line)
///     Fri 24 Jun 2016 08.27 BST                         → the page's date line
extension PlainTextExtractor {
    /// A byline as the page shows it, without its "By ": "By Orla Moore" → "Orla Moore".
    static func byline(_ text: String) -> String {
        text.hasPrefix("By ") ? String(text.dropFirst(3)) : text
    }

    /// Reads the section label, headline, standfirst, byline and date line from line `start`;
    /// returns where the body starts.
    static func readHead(_ lines: inout PlainTextLines, from start: Int, into article: inout Article,
                          calendar: inout PageCalendar) -> Int {
        var index = start
        func line(_ offset: Int) -> PlainTextLine? { lines.hasLine(index + offset) ? lines[index + offset] : nil }
        // A one-to-three word label above a longer headline ("World", "US news").
        if let label = line(0), let headline = line(1), label.isHeadingLike, label.wordCount <= 3, label.length <= 30,
           headline.isHeadingLike, headline.length > label.length * 2, line(2) != nil,
           !headline.isFurniture {
            index += 1
        }
        guard let title = line(0), title.isHeadingLike, title.wordCount >= 3, line(1) != nil,
              !title.isFurniture, title.timeStamp == nil, !title.isByline else {
            if let byline = line(0), byline.isByline { article.byline = Self.byline(byline.text); return index + 1 }
            return index
        }
        article.title = title.text
        index += 1
        // A byline: "By Jane Doe", or names above the date line ("Andrew Sparrow" / "Fri 24 Jun 2016 08.27 BST").
        func isByline(_ offset: Int) -> Bool {
            guard let byline = line(offset) else { return false }
            return byline.isByline || byline.isNameList && line(offset + 1)?.timeStamp?.date != nil
        }
        if !isByline(0), let standfirst = line(0), !standfirst.isBullet, standfirst.timeStamp == nil,
           !standfirst.isFurniture, standfirst.length <= 400, let below = line(1),
           isByline(1) || standfirst.isHeadingLike || below.timeStamp?.date != nil
               || Furniture.equalsIgnoringCase(below.text, "summary") || Furniture.equalsIgnoringCase(below.text, "key events") {
            article.standfirst = standfirst.text
            index += 1
        }
        if isByline(0), let byline = line(0) {
            article.byline = Self.byline(byline.text)
            index += 1
        }
        // The date line: the day (and zone) of the clock times below.
        if let dateline = line(0), let date = dateline.timeStamp?.date {
            calendar.dateline = date
            calendar.datelineZone = PageCalendar.zone(ofDateline: dateline.text)
            index += 1
        }
        return index
    }
}
