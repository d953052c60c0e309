import Foundation

/// ISO 8601 times as redline writes and reads them: UTC with seconds (`2025-04-23T15:10:00Z`)
/// out; several common shapes in (`2025-04-23T10:00Z`, `2025-04-23T10:00:00+01:00`,
/// `2025-04-23T10:00:00.123Z`, `2025-04-23`, `20250423T1000Z`).
public enum Timestamp {
    /// `date` as `2025-04-23T15:10:00Z` (whole seconds, rounded down).
    public static func format(_ date: Date) -> String {
        let t = utc(date)
        return "\(pad(t.year, 4))-\(pad(t.month, 2))-\(pad(t.day, 2))T\(pad(t.hour, 2)):\(pad(t.minute, 2)):\(pad(t.second, 2))Z"
    }

    /// `date` without its fraction of a second, as a version's time is kept (a commit holds whole
    /// seconds).
    public static func wholeSeconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }

    /// The UTC date and clock time of `date`, to the second (rounded down), computed from the Unix
    /// time directly: no calendar or formatter objects.
    public static func utc(_ date: Date) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let clock = seconds - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        return (year, month, day, clock / 3600, clock / 60 % 60, clock % 60)
    }

    /// `value` in decimal, padded with zeros to `width` digits.
    public static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// The time `text` names, or nil when it is not one of the accepted shapes: year-month-day,
    /// then optionally `T` (or a space) hour:minute[:second[.fraction]], and a zone (`Z`, `+01`,
    /// `+01:00`, `+0100`); the separators `-` and `:` may be left out. Read from the bytes, as
    /// history commands read one per version.
    public static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { bytes in
            var start = 0, end = bytes.count
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            var reader = ByteReader(bytes: UnsafeBufferPointer(rebasing: bytes[start..<end]))
            return reader.timestamp()
        }
    }

    /// Decodes an optional ISO 8601 string, failing on one that is present but malformed.
    static func decode(_ text: String?) throws -> Date? {
        guard let text else { return nil }
        guard let date = parse(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "not an ISO 8601 time: \(text)"))
        }
        return date
    }

    /// Days since 1970-01-01 of a day of the proleptic Gregorian calendar (Howard Hinnant's
    /// `days_from_civil`).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day `days` after 1970-01-01 (`civil_from_days`).
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, dayOfYear - (153 * mp + 2) / 5 + 1)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// Reads one timestamp from the bytes, front to back.
private struct ByteReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var at = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var atEnd: Bool { at == bytes.count }

    mutating func skip(_ byte: UInt8) -> Bool {
        guard !atEnd, bytes[at] == byte else { return false }
        at += 1
        return true
    }

    mutating func skip(oneOf options: [UInt8]) -> UInt8? {
        guard !atEnd, options.contains(bytes[at]) else { return nil }
        at += 1
        return bytes[at - 1]
    }

    /// `count` decimal digits as a number.
    mutating func number(_ count: Int) -> Int? {
        guard at + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[at..<at + count] {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        at += count
        return value
    }

    mutating func timestamp() -> Date? {
        let dash = UInt8(ascii: "-"), colon = UInt8(ascii: ":")
        guard let year = number(4) else { return nil }
        _ = skip(dash)
        guard let month = number(2) else { return nil }
        _ = skip(dash)
        guard let day = number(2), (1...12).contains(month), (1...Timestamp.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var seconds = Timestamp.days(year: year, month: month, day: day) * 86_400
        var fraction = 0.0
        if skip(oneOf: [UInt8(ascii: "T"), UInt8(ascii: " ")]) != nil {
            guard let hour = number(2), (0...23).contains(hour) else { return nil }
            _ = skip(colon)
            guard let minute = number(2), (0...59).contains(minute) else { return nil }
            seconds += hour * 3600 + minute * 60
            let beforeSeconds = at
            _ = skip(colon)
            if let second = number(2) {
                guard (0...60).contains(second) else { return nil }
                seconds += second
                if skip(oneOf: [UInt8(ascii: "."), UInt8(ascii: ",")]) != nil {
                    let digits = at
                    while !atEnd, bytes[at] >= 0x30, bytes[at] <= 0x39 { at += 1 }
                    guard at > digits else { return nil }
                    fraction = Double("0." + String(decoding: bytes[digits..<at], as: UTF8.self)) ?? 0
                }
            } else {
                at = beforeSeconds
            }
        }
        if let sign = skip(oneOf: [UInt8(ascii: "+"), dash]) {
            guard let hours = number(2) else { return nil }
            var minutes = 0
            if !atEnd {
                _ = skip(colon)
                guard let value = number(2) else { return nil }
                minutes = value
            }
            let offset = hours * 3600 + minutes * 60
            guard offset <= 18 * 3600 else { return nil }
            seconds -= sign == dash ? -offset : offset
        } else {
            _ = skip(oneOf: [UInt8(ascii: "Z"), UInt8(ascii: "z")])
        }
        guard atEnd else { return nil }
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }
}
