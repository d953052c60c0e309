import Foundation

/// What a copied page says about the day and zone of its clock times, and the dates it gives
/// the stamps that name no full date.
///
///     Sun 4 Jun 2017 09.36 BST          (dateline under the byline)
///     "09.15 BST", "09:15"              → 2017-06-04T08:15:00Z (the dateline's day; its zone
///                                          for the stamp that names none)
///
///     All times stated are UK           (Europe/London: GMT in February)
///     18 hours ago / 15:56 27 Feb       → 2018-02-27T15:56:00Z; the page was copied at least 18
///                                          hours later: on 28 February
///     52 minutes ago / 09:15            → 2018-02-28T09:15:00Z
///     Copyright © 2018 BBC              (the year of the stamps that name none)
///
/// A stamp that names neither a zone nor a day the page does not give keeps no date: no time
/// is invented.
struct PageCalendar {
    /// The page's own date line ("Sun 4 Jun 2017 09.36 BST") and its zone.
    var dateline: Date?
    var datelineZone: TimeZone?
    /// True once the page says "All times stated are UK".
    var timesAreUK = false
    /// The year of the page's copyright line ("Copyright © 2018 BBC").
    var copyrightYear: Int?

    /// A stamp of an entry or key event as read: the lines of its clock time ("09:15", "15:56 27
    /// Feb") and of its relative label ("52 minutes ago"), read only when the page can be dated.
    /// Two short strings and nothing else: a blog keeps one per entry, thousands of them.
    struct Stamp: Sendable {
        var clockText: String?
        var ageText: String?

        /// Keeps `line`, a time-stamp line, as the clock or the relative label (a stamp that ends
        /// in "o" is "… ago"); a stamp that names its full date (`dated`) needs no keeping.
        mutating func note(_ line: PlainTextLine, dated: Bool) {
            if line.text.utf8.last == UInt8(ascii: "o") {
                ageText = ageText ?? line.text
            } else if !dated, clockText == nil {
                clockText = line.text
            }
        }
    }

    /// True when some stamp may need the copyright line's year.
    var needsYear: Bool { copyrightYear == nil && dateline == nil }

    /// True when the page says enough to date a stamp: a date line, or a year (every stamp with
    /// no date needs one).
    var canDate: Bool { dateline != nil || copyrightYear != nil }

    /// The date of each of `stamps`, in order (`known` gives the clock times already read, by
    /// index: "09.15 BST Talks end"); nil where the page does not say enough.
    func dates(of stamps: [Stamp], known: [Int: ClockTime] = [:]) -> [Date?] {
        let clocks = stamps.indices.map { known[$0] ?? stamps[$0].clockText.flatMap(ClockTime.init) }
        var calendar = Calendar(identifier: .gregorian)
        func zone(_ clock: ClockTime) -> TimeZone? {
            clock.zoneOffset.flatMap(TimeZone.init(secondsFromGMT:)) ?? datelineZone
                ?? (timesAreUK ? TimeZone(identifier: "Europe/London") : nil)
        }
        func date(_ year: Int, _ month: Int, _ day: Int, _ clock: ClockTime, _ zone: TimeZone) -> Date? {
            calendar.timeZone = zone
            return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: clock.hour, minute: clock.minute))
        }
        func day(of date: Date, in zone: TimeZone) -> (year: Int, month: Int, day: Int)? {
            let parts = calendar.dateComponents(in: zone, from: date)
            guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
            return (year, month, day)
        }

        // The day the page was copied: its dateline's, or the day a dated stamp plus its age
        // reaches (an age in minutes or hours before one in days, which is rounded down further).
        var today = dateline.flatMap { dateline in datelineZone.flatMap { day(of: dateline, in: $0) } }
        let year = today?.year ?? copyrightYear
        if today == nil, let year {
            let dated = zip(clocks, stamps).compactMap { clock, stamp -> (date: Date, age: Int?, zone: TimeZone)? in
                guard let clock, let month = clock.month, let dayOfMonth = clock.day, let zone = zone(clock),
                      let date = date(year, month, dayOfMonth, clock, zone) else { return nil }
                return (date, stamp.ageText.flatMap(ClockTime.age), zone)
            }
            if let aged = dated.first(where: { ($0.age ?? .max) < 86_400 }) ?? dated.first(where: { $0.age != nil }) {
                today = day(of: aged.date.addingTimeInterval(Double(aged.age!)), in: aged.zone)
            } else if let newest = dated.max(by: { $0.date < $1.date }) {
                // Posts of earlier days carry their date: the undated ones are of a later day.
                today = day(of: newest.date.addingTimeInterval(86_400), in: newest.zone)
            }
        }

        return clocks.map { clock in
            guard let clock, let zone = zone(clock) else { return nil }
            if let month = clock.month, let dayOfMonth = clock.day {
                return (year ?? today?.year).flatMap { date($0, month, dayOfMonth, clock, zone) }
            }
            return today.flatMap { date($0.year, $0.month, $0.day, clock, zone) }
        }
    }

    /// The year a copyright line names: "Copyright © 2018 BBC", "© 2024 Guardian News & Media".
    static func copyrightYear(in line: String) -> Int? {
        let bytes = Array(line.utf8)
        guard let sign = (0..<max(0, bytes.count - 1)).first(where: { bytes[$0] == 0xC2 && bytes[$0 + 1] == 0xA9 }) else { return nil }
        var index = sign + 2
        while index < bytes.count, bytes[index] == 0x20 { index += 1 }
        guard index + 4 <= bytes.count, bytes[index..<(index + 4)].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              index + 4 == bytes.count || !(0x30...0x39).contains(bytes[index + 4]) else { return nil }
        return Int(String(decoding: bytes[index..<(index + 4)], as: UTF8.self))
    }

    /// The zone a date line names at its end: "Sun 4 Jun 2017 09.36 BST" → UTC+1.
    static func zone(ofDateline line: String) -> TimeZone? {
        guard let last = line.split(separator: " ").last?.trimmingCharacters(in: CharacterSet(charactersIn: "()")),
              let offset = ClockTime.zoneOffsets[last] else { return nil }
        return TimeZone(secondsFromGMT: offset)
    }
}
