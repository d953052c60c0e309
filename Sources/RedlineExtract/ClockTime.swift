import Foundation

/// What a time-stamp line of copied text says when it names no full date: the clock time, and the
/// day and zone when it gives them; read on bytes, only for the stamps the extractor keeps.
///
///     "09.36 BST"             → 09:36, zone UTC+1, no day
///     "09:36"                 → 09:36, no zone, no day
///     "15:56 27 Feb"          → 15:56 on 27 February (no year), no zone
///     "12:30pm"               → 12:30
///     "52 minutes ago"        → nil (see ``age(of:)``: 3,120 seconds)
///     "09.15 BST Talks end"   → ``leading(in:)``: 09:15 UTC+1, then "Talks end"
///
/// ``PageCalendar`` completes it into a date from what the page says elsewhere (its dateline,
/// "All times stated are UK", the year in its copyright line).
struct ClockTime: Sendable, Equatable {
    var hour: Int
    var minute: Int
    /// The day of the month and the month (1–12), when the stamp names them.
    var day: Int?
    var month: Int?
    /// The zone's offset from UTC in seconds, when the stamp names a zone.
    var zoneOffset: Int?

    /// The clock time `text` is, as a whole line; nil when it is not one.
    init?(_ text: String) {
        guard let read = Self.read(text), read.end == text.utf8.count else { return nil }
        self = read.clock
    }

    private init(hour: Int, minute: Int) {
        self.hour = hour
        self.minute = minute
    }

    /// A line that opens with a clock time and a zone, then text: "08.25 BST FTSE 100 plunges"
    /// (a key event as one line). Nil unless both the zone and some text follow.
    static func leading(in text: String) -> (clock: ClockTime, rest: String)? {
        guard let read = read(text, stopAtText: true), read.clock.zoneOffset != nil, read.clock.day == nil else { return nil }
        let utf8 = text.utf8
        let rest = String(Substring(utf8[utf8.index(utf8.startIndex, offsetBy: read.end)...]))
        return rest.isEmpty ? nil : (read.clock, rest)
    }

    /// How long ago a relative label says, in seconds, at least: "52 minutes ago" → 3,120,
    /// "18 hours ago" → 64,800, "1 day ago" → 86,400, "2h ago" → 7,200. Nil for other text.
    static func age(of text: String) -> Int? {
        let bytes = Array(text.utf8)
        var index = 0
        var value = 0
        while index < bytes.count, isDigit(bytes[index]), index < 4 {
            value = value * 10 + Int(bytes[index] - 0x30)
            index += 1
        }
        guard index > 0 else { return nil }
        if index < bytes.count, bytes[index] == 0x20 { index += 1 }
        let unitStart = index
        while index < bytes.count, bytes[index] >= 0x61, bytes[index] <= 0x7A { index += 1 }
        let unit = String(decoding: bytes[unitStart..<index], as: UTF8.self)
        guard bytes[index...].elementsEqual(" ago".utf8) else { return nil }
        switch unit {
        case "m", "min", "mins", "minute", "minutes": return value * 60
        case "h", "hr", "hrs", "hour", "hours": return value * 3600
        case "d", "day", "days": return value * 86_400
        default: return nil
        }
    }

    /// Reads `\d{1,2}[.:]\d{2}`, then an optional `am`/`pm`, then an optional zone (`BST`) or
    /// day and month (`27 Feb`); where the reading stopped. With `stopAtText`, the reading may
    /// stop before other text (after the space that ends the stamp).
    private static func read(_ text: String, stopAtText: Bool = false) -> (clock: ClockTime, end: Int)? {
        let bytes = Array(text.utf8)
        func run(_ start: Int, _ predicate: (UInt8) -> Bool) -> Int {
            var end = start
            while end < bytes.count, predicate(bytes[end]) { end += 1 }
            return end
        }
        guard let clockEnd = leadingClock(bytes) else { return nil }
        let hourEnd = clockEnd - 3
        var hour = bytes[0..<hourEnd].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        let minute = Int(bytes[hourEnd + 1] - 0x30) * 10 + Int(bytes[hourEnd + 2] - 0x30)
        var index = clockEnd
        // am / pm, with or without a space before it.
        let meridiemStart = index < bytes.count && bytes[index] == 0x20 ? index + 1 : index
        if meridiemStart + 2 <= bytes.count, [0x61, 0x70].contains(bytes[meridiemStart] | 0x20), bytes[meridiemStart + 1] | 0x20 == 0x6D,
           meridiemStart + 2 == bytes.count || bytes[meridiemStart + 2] == 0x20 {
            let pm = bytes[meridiemStart] | 0x20 == 0x70
            if pm, hour < 12 { hour += 12 }
            if !pm, hour == 12 { hour = 0 }
            index = meridiemStart + 2
        }
        var clock = ClockTime(hour: hour, minute: minute)
        guard hour <= 23, minute <= 59 else { return nil }
        if index == bytes.count { return (clock, index) }
        guard bytes[index] == 0x20 else { return nil }
        let wordStart = index + 1
        // A zone: "BST", "(GMT)".
        let zoneStart = wordStart < bytes.count && bytes[wordStart] == UInt8(ascii: "(") ? wordStart + 1 : wordStart
        let zoneEnd = run(zoneStart, { $0 >= 0x41 && $0 <= 0x5A })
        if (2...4).contains(zoneEnd - zoneStart), let offset = zoneOffsets[String(decoding: bytes[zoneStart..<zoneEnd], as: UTF8.self)] {
            let close = zoneEnd < bytes.count && bytes[zoneEnd] == UInt8(ascii: ")") ? zoneEnd + 1 : zoneEnd
            if close == bytes.count || stopAtText && bytes[close] == 0x20 {
                clock.zoneOffset = offset
                return (clock, close == bytes.count ? close : close + 1)
            }
        }
        // A day and month: "27 Feb".
        let dayEnd = run(wordStart, isDigit)
        if (1...2).contains(dayEnd - wordStart), dayEnd < bytes.count, bytes[dayEnd] == 0x20,
           let month = month(String(decoding: bytes[(dayEnd + 1)...], as: UTF8.self)) {
            clock.day = Int(String(decoding: bytes[wordStart..<dayEnd], as: UTF8.self))
            clock.month = month
            return (clock, bytes.count)
        }
        return stopAtText ? nil : (clock, index)
    }

    /// The month `name` is ("Feb", "February"), 1–12.
    private static func month(_ name: String) -> Int? {
        let lower = name.lowercased()
        guard lower.count >= 3, lower.allSatisfy(\.isLetter) else { return nil }
        return months.firstIndex { lower.hasPrefix($0) }.map { $0 + 1 }
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Offsets from UTC of the zones a stamp may name, in seconds.
    static let zoneOffsets: [String: Int] = [
        "GMT": 0, "UTC": 0, "BST": 3600, "CET": 3600, "CEST": 7200, "EST": -18000, "EDT": -14400, "PST": -28800,
        "PDT": -25200, "IST": 19800, "AEST": 36000, "AEDT": 39600,
    ]

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Where a clock that opens `bytes` ends: `\d{1,2}[.:]\d{2}` ("9.05", "21:04"), its hour's
    /// digits ending three bytes before; nil when `bytes` do not open with one.
    static func leadingClock<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes) -> Int? where Bytes.Index == Int {
        let hourEnd = bytes.firstIndex { !isDigit($0) } ?? bytes.count
        guard (1...2).contains(hourEnd), hourEnd + 3 <= bytes.count,
              bytes[hourEnd] == UInt8(ascii: ".") || bytes[hourEnd] == UInt8(ascii: ":"),
              isDigit(bytes[hourEnd + 1]), isDigit(bytes[hourEnd + 2]) else { return nil }
        return hourEnd + 3
    }
}
