import RedlineText
import Foundation
import RedlineModel

/// One non-blank line of copied text, folded, with what it looks like.
///
///     "  • Lifting sanctions to boost Russia’s economy."  → bullet, text "Lifting sanctions …"
///     "10.45 BST"                                          → time stamp
///     "Nimo Omer"                                          → could be an author
///     "What Russia gets"                                   → could be a heading
struct PlainTextLine: Sendable {
    /// The line's text, folded, without its bullet.
    let text: String
    /// True when the line started with a bullet (`•`, `-`, `*`, `·`, `◦`, `▪`).
    let isBullet: Bool
    /// How many characters (Unicode scalars) the line has, counted exactly up to 400 (longer
    /// lines only need to be known as long).
    let length: Int
    /// How many words the line has.
    let wordCount: Int

    // What the line looks like, read once when it is made: the extractor asks about each line
    // again when it looks ahead from the lines above it.

    /// True when the line is furniture on its own (``Furniture/isFurnitureLine(_:)``).
    let isFurniture: Bool
    /// True when the line ends like a sentence or a clause, not like a headline.
    let endsLikeSentence: Bool
    /// True for a short line that reads like a headline or heading: no closing full stop,
    /// no opening quotation mark.
    let isHeadingLike: Bool
    /// True for a line that is only a person's name: "Nimo Omer", "Gavin O'Callaghan".
    let isName: Bool

    /// The line in `raw`, one line's bytes without its line break; nil when it is blank. A line
    /// that is not valid UTF-8 has its bad bytes replaced with U+FFFD, and `repaired` says so.
    static func read(_ raw: UnsafeBufferPointer<UInt8>) -> (line: PlainTextLine?, repaired: Bool) {
        // Decoding is the UTF-8 check: no pass of its own over the bytes.
        let (text, repaired) = TextDecoding.decodeUTF8(raw)
        return (PlainTextLine(text), repaired)
    }

    /// The line read from `line` (text without line breaks), nil when it is blank.
    ///
    /// Bullets are recognised as `String.hasPrefix` and `Character` comparison would: on bytes,
    /// with the `Character` path taken only when a non-ASCII scalar follows (which might join
    /// the space or bullet before it into one grapheme).
    private init?(_ line: String) {
        // Most lines are folded already: their shape comes with that check.
        let shape = line.withUTF8Bytes(TextFolding.foldedShape)
        var folded = shape != nil ? line : line.withUTF8Bytes(TextFolding.fold)
        guard !folded.isEmpty else { return nil }
        var bullet = false
        // Every marker starts with one of these bytes.
        let lead = folded.withUTF8Bytes { $0.first } ?? 0
        let markers = lead == 0xE2 || lead == 0x2D || lead == 0x2A || lead == 0xC2 ? Self.bulletMarkers : []
        for marker in markers where folded.utf8.starts(with: marker.utf8) {
            let rest = folded.utf8.dropFirst(marker.utf8.count)
            if let next = rest.first, next >= 0x80 {
                guard folded.hasPrefix(marker) else { continue }
                folded = String(folded.dropFirst(marker.count))
            } else {
                folded = String(Substring(rest))
            }
            bullet = true
            break
        }
        // Every one of •◦▪‣ is three bytes from E2, and a line opens with one as a Character only
        // when its first scalar is that sign: other lines (“quoted”, – dashed) read no Characters.
        if !bullet, lead == 0xE2, Self.opensWithBulletSign(folded), let first = folded.first, "•◦▪‣".contains(first),
           folded.index(after: folded.startIndex) != folded.endIndex {
            folded = TextFolding.fold(folded.dropFirst())
            bullet = true
        }
        guard !folded.isEmpty else { return nil }
        text = folded
        isBullet = bullet
        let measured = (bullet ? nil : shape) ?? TextFolding.shape(folded)
        length = folded.utf8.count <= 1600 ? measured.scalars : folded.utf8.count / 4
        wordCount = 1 + measured.spaces
        timeStamp = bullet || folded.utf8.count > 40 ? nil : Self.timeStamp(of: folded)
        isFurniture = Furniture.isFurnitureLine(folded)
        endsLikeSentence = Self.endsLikeSentence(folded)
        isHeadingLike = !bullet && !endsLikeSentence && length <= 140 && wordCount <= 20 && Self.opensLikeHeading(folded)
        isName = !bullet && (2...4).contains(wordCount) && length <= 40 && Self.isName(folded)
    }

    private static let bulletMarkers = ["• ", "- ", "* ", "· ", "◦ ", "▪ ", "‣ "]

    /// True when `text` ends like a sentence or a clause, not like a headline.
    private static func endsLikeSentence(_ text: String) -> Bool {
        // The last two bytes ASCII: the last Character is the last byte.
        let ascii: Bool? = text.withUTF8Bytes { bytes in
            guard let last = bytes.last, last < 0x80, bytes.count == 1 || bytes[bytes.count - 2] < 0x80 else { return nil }
            switch last {
            case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "\""),
                 UInt8(ascii: ")"), UInt8(ascii: "*"):
                return true
            default:
                return false
            }
        }
        if let ascii { return ascii }
        // ” or ’ after an ASCII byte (or alone) is the last Character by itself, as no ASCII
        // scalar joins the next one: the common end of a quoted paragraph, read on bytes.
        let closingQuote: Bool = text.withUTF8Bytes { bytes in
            let n = bytes.count
            guard n >= 3, bytes[n - 3] == 0xE2, bytes[n - 2] == 0x80, bytes[n - 1] == 0x9D || bytes[n - 1] == 0x99 else { return false }
            return n == 3 || bytes[n - 4] < 0x80
        }
        if closingQuote { return true }
        guard let last = text.last else { return false }
        return ".,;:\"”’)".contains(last) || text.hasSuffix("*")
    }

    /// True when `text` opens with the bytes of •, ◦, ▪ or ‣.
    private static func opensWithBulletSign(_ text: String) -> Bool {
        text.withUTF8Bytes { bytes in
            bytes.count >= 3 && bytes[0] == 0xE2
                && [(0x80, 0xA2), (0x97, 0xA6), (0x96, 0xAA), (0x80, 0xA3)].contains { bytes[1] == $0.0 && bytes[2] == $0.1 }
        }
    }

    /// True when `text` does not open with a quotation mark or a bracket, as a heading does not.
    private static func opensLikeHeading(_ text: String) -> Bool {
        // The first two bytes ASCII: the first Character is the first byte.
        let ascii: Bool? = text.withUTF8Bytes { bytes in
            guard let first = bytes.first, first < 0x80, bytes.count == 1 || bytes[1] < 0x80 else { return nil }
            return first != UInt8(ascii: "\"") && first != UInt8(ascii: "'") && first != UInt8(ascii: "(")
        }
        if let ascii { return ascii }
        guard let first = text.first else { return false }
        return !"“\"‘'(".contains(first)
    }

    /// True for a line no longer than a heading (140 characters, 20 words), whatever its last character.
    var isShort: Bool { !isBullet && length <= 140 && wordCount <= 20 }

    /// True for a byline: "By Jane Doe", "Dan Sabbagh and Luke Harding report from Kyiv".
    var isByline: Bool {
        guard !isBullet, length <= 140, !text.hasSuffix(".") else { return false }
        if text.hasPrefix("By "), text.dropFirst(3).first?.isUppercase == true { return true }
        return [" report from ", " reports from ", " reporting from ", " in conversation with "].contains { TextFolding.contains(text, $0) }
    }

    /// True for a line of names only, as a byline lists them: "Andrew Sparrow", "Orla Moore,
    /// Andrew Segal and Jenna Hawkey". Asked only of the lines at the top of a page.
    var isNameList: Bool {
        guard !isBullet, length <= 120, wordCount <= 12 else { return false }
        var names = 0
        for word in text.split(separator: " ") {
            let word = word.hasSuffix(",") ? word.dropLast() : word
            if word == "and" || word == "&" || Self.nameParticles.contains(word) { continue }
            guard !Self.headingWords.contains(word), let first = word.first, first.isUppercase,
                  word.allSatisfy({ $0.isLetter || "'’-.".contains($0) }) else { return false }
            names += 1
        }
        return names >= 2
    }

    /// True for a contributor's role as a live blog prints it under the name: a short line of
    /// capitalised words ("BBC Local Live", "BBC News Online"). Asked only of the line after a name.
    var isRole: Bool {
        isHeadingLike && wordCount <= 5 && !isFurniture
            && text.split(separator: " ").allSatisfy { $0.first.map { $0.isUppercase || $0.isNumber } ?? false }
    }

    /// True when every word of `text` (two to four of them) could be part of a name: capitalised
    /// and made of letters, apostrophes, hyphens and dots, or a particle ("van", "al"), and none
    /// the word of a title-case heading.
    private static func isName(_ text: String) -> Bool {
        if let ascii = text.withUTF8Bytes(isASCIIName) { return ascii }
        for word in text.split(separator: " ") {
            if headingWords.contains(word) { return false }
            if nameParticles.contains(word) { continue }
            guard let first = word.first, first.isUppercase,
                  word.allSatisfy({ $0.isLetter || $0 == "'" || $0 == "’" || $0 == "-" || $0 == "." }) else { return false }
        }
        return true
    }

    /// ``isName(_:)`` on the bytes of an ASCII line, where every `Character` is one byte (the
    /// `Character` split and tests cost more than the rest of the line's reading); nil when the
    /// line is not ASCII.
    private static func isASCIIName(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        for word in bytes.split(separator: UInt8(ascii: " ")) {
            let key = Substring(decoding: word, as: UTF8.self)
            if headingWords.contains(key) { return false }
            if nameParticles.contains(key) { continue }
            guard let first = word.first, (0x41...0x5A).contains(first),                  // A-Z
                  word.allSatisfy({ (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0)    // A-Z, a-z
                      || $0 == UInt8(ascii: "'") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }) else { return false }
        }
        return true
    }

    /// Lower-case words a name may hold: "Ursula von der Leyen", "Robin van Persie".
    private static let nameParticles: Set<Substring> = ["and", "de", "van", "von", "da", "al", "bin", "del", "der", "la", "le", "di"]

    /// Capitalised words of title-case headings ("What Russia Gets", "Key Takeaways") that no
    /// name is made of.
    private static let headingWords: Set<Substring> = [
        "What", "How", "Why", "When", "Where", "Who", "The", "A", "An", "In", "On", "Of", "For", "To", "At", "Is", "Are",
        "Key", "Breaking", "Update", "Updates", "News", "Live", "Summary", "Analysis", "Reaction", "Latest", "More",
        "Read", "Watch", "Photos", "Video", "Timeline", "Background", "Takeaways", "Events", "Related", "Articles",
        "Gets", "Says", "Said", "Opinion", "Explainer", "Comment", "Comments", "Reply", "Share", "Leave",
    ]

    /// The time stamp the whole line is, when it is one: "10.45 BST", "12:30pm", "1h ago",
    /// "Wed 23 Apr 2025 10.45 BST". `date` is set only when the line names a full date.
    /// Read once, when the line is made (see `PlainTextLine+TimeStamp.swift`).
    private(set) var timeStamp: TimeStamp?

    /// A line that is only a time stamp; `date` is known only when the line names the day.
    struct TimeStamp: Sendable { var date: Date? }

    static func date(day: Substring?, month: Substring?, year: Substring?, hour: Substring, minute: Substring,
                             meridiem: Substring?, zone: Substring?) -> Date? {
        guard let day = day.flatMap({ Int($0) }), let monthName = month, let year = year.flatMap({ Int($0) }),
              let month = months.firstIndex(where: { monthName.lowercased().hasPrefix($0) }),
              var hour = Int(hour), let minute = Int(minute) else { return nil }
        if let meridiem = meridiem?.lowercased() {
            if meridiem == "pm", hour < 12 { hour += 12 }
            if meridiem == "am", hour == 12 { hour = 0 }
        }
        let offsets: [String: Int] = ["GMT": 0, "UTC": 0, "BST": 3600, "CET": 3600, "CEST": 7200, "EST": -18000,
                                      "EDT": -14400, "PST": -28800, "PDT": -25200, "IST": 19800, "AEST": 36000, "AEDT": 39600]
        guard let zone, let offset = offsets[zone.uppercased()], let timeZone = TimeZone(secondsFromGMT: offset) else { return nil }
        var parts = DateComponents(year: year, month: month + 1, day: day, hour: hour, minute: minute)
        parts.calendar = Calendar(identifier: .gregorian)
        parts.timeZone = timeZone
        return parts.date
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    // "1h ago", "25 min ago", "2 hours ago"
    nonisolated(unsafe) static let agoPattern = /\d{1,3}\s?(?:m|min|mins|minutes?|h|hr|hrs|hours?|d|days?)\s+ago/
    // Optional "Wed 23 Apr 2025", then "10.45", "10:45pm", then an optional zone.
    nonisolated(unsafe) static let clockPattern =
        /(?:(?:[A-Z][a-z]{2},?\s+)?(\d{1,2})\s+([A-Z][a-z]{2,8}),?\s+(\d{4}),?\s+)?(\d{1,2})[.:](\d{2})\s?(am|pm|AM|PM)?(?:\s+\(?([A-Z]{2,4})\)?)?/
    // "13:17 27 Feb": the time, then the day and month without a year (the BBC's posts of an earlier day).
    nonisolated(unsafe) static let clockDayPattern = /\d{1,2}[.:]\d{2}\s+\d{1,2}\s+[A-Z][a-z]{2,8}/
}
