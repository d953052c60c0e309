import RedlineText
import Foundation

/// Whether a line is only a time stamp, read on UTF-8 bytes.
///
///     "1h ago", "25 min ago"           → stamp, no date
///     "10.45 BST", "12:30pm"           → stamp, no date (no day named)
///     "Wed 23 Apr 2025 10.45 BST"      → stamp, 2025-04-23T09:45:00Z
///     "13:17 27 Feb"                   → stamp, no date (no year: the BBC's post of an earlier day)
///     "10.45 on Wednesday"             → nil
///
/// The three patterns are the regexes kept below (``PlainTextLine/agoPattern``,
/// ``PlainTextLine/clockPattern``, ``PlainTextLine/clockDayPattern``). A line of printable ASCII, where every character is one
/// byte, is matched here by hand, trying the optional parts in the order the regex engine
/// backtracks through them, so the captures are the same; any other line goes to the regexes.
/// Compiling and running the regexes on every short line cost more than half of `redline
/// diff --files` on plain text.
extension PlainTextLine {
    /// The stamp `text` (folded) is as a whole, when it is one.
    static func timeStamp(of text: String) -> TimeStamp? {
        let fast: TimeStamp?? = text.withUTF8Bytes { bytes in
            // Both patterns need a clock's `.` or `:`, or a closing "ago": most short lines
            // (names, headings) have neither, whatever their scalars.
            guard bytes.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ":") })
                || bytes.count >= 3 && bytes[(bytes.count - 3)...].elementsEqual("ago".utf8) else { return .some(nil) }
            guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return holdsCharacterNoPatternMatches(bytes) ? .some(nil) : .none }
            return .some(asciiTimeStamp(bytes, text: text))
        }
        if let fast { return fast }
        return regexTimeStamp(of: text)
    }

    /// True when `bytes` hold a scalar that always starts a character of its own and is neither a
    /// digit nor white space, nor ASCII: then neither pattern matches the whole line, whose
    /// every character must be a digit, white space or an ASCII letter or sign. Latin letters
    /// with accents (U+00C0–U+024F), the signs ¢ £ ¥ § © ® ° ·, General Punctuation's dashes,
    /// quotes, bullets and ellipsis (U+2010–U+2027) and currency signs (U+20A0–U+20BF):
    /// "'lucky omen' led to £9.3m win" needs no regex (compiling one costs milliseconds).
    private static func holdsCharacterNoPatternMatches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index + 1 < bytes.count {
            let lead = bytes[index], next = bytes[index + 1]
            switch lead {
            case 0xC2 where [0xA2, 0xA3, 0xA5, 0xA7, 0xA9, 0xAE, 0xB0, 0xB7].contains(next): return true
            case 0xC3...0xC8: return true                                   // U+00C0–U+023F
            case 0xC9 where next <= 0x8F: return true                       // U+0240–U+024F
            case 0xE2 where index + 2 < bytes.count:
                let third = bytes[index + 2]
                if next == 0x80 && (0x90...0xA7).contains(third) || next == 0x82 && (0xA0...0xBF).contains(third) { return true }
            default: break
            }
            index += 1
        }
        return false
    }

    /// The stamp by the regexes themselves: the reference for ``timeStamp(of:)``.
    static func regexTimeStamp(of text: String) -> TimeStamp? {
        if text.wholeMatch(of: agoPattern) != nil { return TimeStamp(date: nil) }
        if let match = text.wholeMatch(of: clockPattern) {
            return TimeStamp(date: date(day: match.1, month: match.2, year: match.3, hour: match.4, minute: match.5,
                                        meridiem: match.6, zone: match.7))
        }
        if text.wholeMatch(of: clockDayPattern) != nil { return TimeStamp(date: nil) }
        return nil
    }

    /// Both patterns on a line of printable ASCII (one byte per character).
    private static func asciiTimeStamp(_ bytes: UnsafeBufferPointer<UInt8>, text: String) -> TimeStamp? {
        if isBareClock(bytes) || matchesAgo(bytes) { return TimeStamp(date: nil) }
        guard let clock = ClockMatch(bytes) else { return isClockThenDay(bytes) ? TimeStamp(date: nil) : nil }
        // Without a day there is no date to read ("10.45 BST"): the common case, kept cheap.
        guard clock.day != nil else { return TimeStamp(date: nil) }
        func part(_ range: Range<Int>?) -> Substring? {
            guard let range else { return nil }
            let utf8 = text.utf8
            let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            let end = utf8.index(start, offsetBy: range.count)
            return text[start..<end]
        }
        return TimeStamp(date: date(day: part(clock.day), month: part(clock.month), year: part(clock.year),
                                    hour: part(clock.hour)!, minute: part(clock.minute)!,
                                    meridiem: part(clock.meridiem), zone: part(clock.zone)))
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
    private static func isLower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
    /// `\s` on printable ASCII.
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 }

    /// "21:04", "9.05": the clock alone, as most stamps of a live blog are, which ``clockPattern``
    /// matches with no date; checked first, without the general matcher.
    private static func isBareClock(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        ClockTime.leadingClock(bytes) == bytes.count
    }

    /// `\d{1,2}[.:]\d{2}\s+\d{1,2}\s+[A-Z][a-z]{2,8}`, whole line: "13:17 27 Feb".
    private static func isClockThenDay(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func run(_ start: Int, _ predicate: (UInt8) -> Bool) -> Int {
            var end = start
            while end < bytes.count, predicate(bytes[end]) { end += 1 }
            return end
        }
        guard let clockEnd = ClockTime.leadingClock(bytes) else { return false }
        let dayStart = run(clockEnd, isSpace)
        let dayEnd = run(dayStart, isDigit)
        let monthStart = run(dayEnd, isSpace)
        guard dayStart > clockEnd, (1...2).contains(dayEnd - dayStart), monthStart > dayEnd,
              monthStart < bytes.count, isUpper(bytes[monthStart]) else { return false }
        let monthEnd = run(monthStart + 1, isLower)
        return (2...8).contains(monthEnd - monthStart - 1) && monthEnd == bytes.count
    }

    /// `\d{1,3}\s?(?:m|min|mins|minutes?|h|hr|hrs|hours?|d|days?)\s+ago`, whole line. Every part
    /// ends where the next kind of byte begins, so there is nothing to backtrack.
    private static func matchesAgo(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        guard (1...3).contains(index) else { return false }
        if index < bytes.count, isSpace(bytes[index]) { index += 1 }
        let unitStart = index
        while index < bytes.count, isLower(bytes[index]) { index += 1 }
        let unit = bytes[unitStart..<index]
        guard let first = unit.first, first == UInt8(ascii: "m") || first == UInt8(ascii: "h") || first == UInt8(ascii: "d"),
              ["m", "min", "mins", "minute", "minutes", "h", "hr", "hrs", "hour", "hours", "d", "day", "days"]
            .contains(where: { $0.utf8.elementsEqual(unit) }) else { return false }
        let spacesStart = index
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        guard index > spacesStart, bytes.count - index == 3 else { return false }
        return bytes[index] == UInt8(ascii: "a") && bytes[index + 1] == UInt8(ascii: "g") && bytes[index + 2] == UInt8(ascii: "o")
    }

    /// The captures of ``clockPattern`` on a whole line, as byte ranges.
    private struct ClockMatch {
        var day: Range<Int>?, month: Range<Int>?, year: Range<Int>?
        var hour: Range<Int>, minute: Range<Int>
        var meridiem: Range<Int>?, zone: Range<Int>?

        /// `(?:(?:[A-Z][a-z]{2},?\s+)?(\d{1,2})\s+([A-Z][a-z]{2,8}),?\s+(\d{4}),?\s+)?`
        /// `(\d{1,2})[.:](\d{2})\s?(am|pm|AM|PM)?(?:\s+\(?([A-Z]{2,4})\)?)?`
        init?(_ bytes: UnsafeBufferPointer<UInt8>) {
            // The date in front either matches in exactly one way or not at all: a weekday
            // starts with a capital, a day with digits then a space, the time with digits then
            // `.` or `:`. When it does not match, the regex tries the time from the start.
            if let date = Self.date(bytes), let time = Self.time(bytes, from: date.end) {
                self.init(day: date.day, month: date.month, year: date.year, time: time)
                return
            }
            guard let time = Self.time(bytes, from: 0) else { return nil }
            self.init(day: nil, month: nil, year: nil, time: time)
        }

        private init(day: Range<Int>?, month: Range<Int>?, year: Range<Int>?,
                     time: (hour: Range<Int>, minute: Range<Int>, meridiem: Range<Int>?, zone: Range<Int>?)) {
            self.day = day
            self.month = month
            self.year = year
            hour = time.hour
            minute = time.minute
            meridiem = time.meridiem
            zone = time.zone
        }

        /// Skips `,?\s+` from `index`; nil when there is no white space.
        private static func separator(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int? {
            var index = index
            if index < bytes.count, bytes[index] == UInt8(ascii: ",") { index += 1 }
            let start = index
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            return index > start ? index : nil
        }

        /// Runs of `predicate` bytes from `index`: where the run ends.
        private static func run(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ predicate: (UInt8) -> Bool) -> Int {
            var end = index
            while end < bytes.count, predicate(bytes[end]) { end += 1 }
            return end
        }

        /// `(?:[A-Z][a-z]{2},?\s+)?(\d{1,2})\s+([A-Z][a-z]{2,8}),?\s+(\d{4}),?\s+`
        private static func date(_ bytes: UnsafeBufferPointer<UInt8>)
            -> (day: Range<Int>, month: Range<Int>, year: Range<Int>, end: Int)? {
            var index = 0
            // The weekday: a capital and two small letters, then `,?\s+`. Without it the day
            // must start the line, which a capital cannot.
            if index < bytes.count, isUpper(bytes[index]) {
                guard index + 3 <= bytes.count, isLower(bytes[index + 1]), isLower(bytes[index + 2]),
                      let next = separator(bytes, index + 3) else { return nil }
                index = next
            }
            let dayEnd = run(bytes, index, isDigit)
            guard (1...2).contains(dayEnd - index) else { return nil }
            let day = index..<dayEnd
            let spacesEnd = run(bytes, dayEnd, isSpace)
            guard spacesEnd > dayEnd, spacesEnd < bytes.count, isUpper(bytes[spacesEnd]) else { return nil }
            let monthEnd = run(bytes, spacesEnd + 1, isLower)
            guard (2...8).contains(monthEnd - spacesEnd - 1), let yearStart = separator(bytes, monthEnd) else { return nil }
            let month = spacesEnd..<monthEnd
            let yearEnd = run(bytes, yearStart, isDigit)
            guard yearEnd - yearStart == 4, let end = separator(bytes, yearEnd) else { return nil }
            return (day, month, yearStart..<yearEnd, end)
        }

        /// `(\d{1,2})[.:](\d{2})\s?(am|pm|AM|PM)?(?:\s+\(?([A-Z]{2,4})\)?)?` to the end of the line,
        /// the optional parts tried in the regex's order: each present before absent, left to right.
        private static func time(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int)
            -> (hour: Range<Int>, minute: Range<Int>, meridiem: Range<Int>?, zone: Range<Int>?)? {
            let hourEnd = run(bytes, start, isDigit)
            guard (1...2).contains(hourEnd - start), hourEnd < bytes.count,
                  bytes[hourEnd] == UInt8(ascii: ".") || bytes[hourEnd] == UInt8(ascii: ":"),
                  hourEnd + 3 <= bytes.count, isDigit(bytes[hourEnd + 1]), isDigit(bytes[hourEnd + 2]) else { return nil }
            let hour = start..<hourEnd, minute = (hourEnd + 1)..<(hourEnd + 3)
            let afterMinute = hourEnd + 3
            for space in [true, false] {
                if space, !(afterMinute < bytes.count && isSpace(bytes[afterMinute])) { continue }
                let afterSpace = afterMinute + (space ? 1 : 0)
                for hasMeridiem in [true, false] {
                    if hasMeridiem, !isMeridiem(bytes, afterSpace) { continue }
                    let afterMeridiem = afterSpace + (hasMeridiem ? 2 : 0)
                    let meridiem = hasMeridiem ? afterSpace..<afterMeridiem : nil
                    if let zone = zone(bytes, from: afterMeridiem) {
                        return (hour, minute, meridiem, zone)
                    }
                    if afterMeridiem == bytes.count { return (hour, minute, meridiem, nil) }
                }
            }
            return nil
        }

        /// `am`, `pm`, `AM` or `PM` at `index`.
        private static func isMeridiem(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
            guard index + 2 <= bytes.count else { return false }
            let first = bytes[index], second = bytes[index + 1]
            return (first == UInt8(ascii: "a") || first == UInt8(ascii: "p")) && second == UInt8(ascii: "m")
                || (first == UInt8(ascii: "A") || first == UInt8(ascii: "P")) && second == UInt8(ascii: "M")
        }

        /// `\s+\(?([A-Z]{2,4})\)?` from `index` to the end of the line: the zone's range. Each
        /// part stops where the next kind of byte begins, so it matches in one way at most.
        private static func zone(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Range<Int>? {
            let spacesEnd = run(bytes, index, isSpace)
            guard spacesEnd > index else { return nil }
            var start = spacesEnd
            if start < bytes.count, bytes[start] == UInt8(ascii: "(") { start += 1 }
            let end = run(bytes, start, isUpper)
            guard (2...4).contains(end - start) else { return nil }
            var close = end
            if close < bytes.count, bytes[close] == UInt8(ascii: ")") { close += 1 }
            return close == bytes.count ? start..<end : nil
        }
    }
}
