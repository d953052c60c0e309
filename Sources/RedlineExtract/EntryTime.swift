import Foundation
import RedlineModel

/// The time of an entry as redline keeps it: to the whole second, as the stored JSON writes it.
///
///     "2020-10-06T21:22:53.212+01:00" → 2020-10-06T20:22:53Z   (the .212 is dropped)
///
/// Without this, an article read back from its stored JSON would differ from the same page
/// extracted again, and every capture of an unchanged page would count as a new version.
/// The common shape (`2020-10-06T21:22:53+01:00`, `…Z`, with or without seconds) is read on
/// bytes; anything else goes to ``Timestamp/parse(_:)``, whose results these always equal.
enum EntryTime {
    /// The time `text` names (see ``Timestamp/parse(_:)``), truncated to the second.
    static func parse(_ text: String) -> Date? {
        if let seconds = fastParse(text) { return Date(timeIntervalSince1970: Double(seconds)) }
        return Timestamp.parse(text).map(Timestamp.wholeSeconds)
    }

    /// Seconds since 1970 for `YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM)`; nil for any other shape.
    static func fastParse(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        var index = 0
        func number(_ width: Int) -> Int? {
            guard index + width <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<(index + width)] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            index += width
            return value
        }
        func expect(_ character: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == character else { return false }
            index += 1
            return true
        }
        guard let year = number(4), expect(0x2D), let month = number(2), expect(0x2D), let day = number(2),
              expect(0x54), let hour = number(2), expect(0x3A), let minute = number(2) else { return nil }
        var second = 0
        if expect(0x3A) {
            guard let value = number(2) else { return nil }
            second = value
            if expect(0x2E) {
                let start = index
                while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
                guard index > start else { return nil }
            }
        }
        var offset = 0
        if expect(0x5A) {
            offset = 0
        } else if index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D {
            let sign = bytes[index] == 0x2D ? -1 : 1
            index += 1
            guard let hours = number(2), expect(0x3A), let minutes = number(2) else { return nil }
            offset = sign * (hours * 3600 + minutes * 60)
        } else {
            return nil
        }
        let daysInMonth = [31, year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard index == bytes.count, (1...12).contains(month), (1...daysInMonth[month - 1]).contains(day),
              hour <= 23, minute <= 59, second <= 59, abs(offset) <= 18 * 3600 else { return nil }
        // Days from 1970-01-01 to the civil date (Howard Hinnant's algorithm).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return days * 86_400 + hour * 3600 + minute * 60 + second - offset
    }
}
