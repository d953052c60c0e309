import Foundation

/// ISO 8601 times as redline writes and reads them: UTC with seconds (`2025-04-23T15:10:00Z`)
/// out; several common shapes in (`2025-04-23T10:00Z`, `2025-04-23T10:00:00+01:00`,
/// `2025-04-23T10:00:00.123Z`, `2025-04-23`, `20250423T1000Z`).
public enum Timestamp {
    /// `date` as `2025-04-23T15:10:00Z`.
    public static func format(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false).timeZone(separator: .omitted))
            .replacingOccurrences(of: "+0000", with: "Z")
    }

    /// The time `text` names, or nil when it is not one of the accepted shapes.
    public static func parse(_ text: String) -> Date? {
        let s = text.trimmingCharacters(in: .whitespaces)
        guard let match = s.wholeMatch(of: pattern) else { return nil }
        var parts = DateComponents()
        parts.calendar = Calendar(identifier: .gregorian)
        parts.year = Int(match.1)
        parts.month = Int(match.2)
        parts.day = Int(match.3)
        parts.hour = match.4.flatMap { Int($0) } ?? 0
        parts.minute = match.5.flatMap { Int($0) } ?? 0
        parts.second = match.6.flatMap { Int($0) } ?? 0
        var offset = 0
        if let zone = match.8, zone != "Z", zone != "z" {
            let sign = zone.hasPrefix("-") ? -1 : 1
            let digits = zone.dropFirst().filter(\.isNumber)
            guard digits.count == 2 || digits.count == 4 else { return nil }
            let hours = Int(digits.prefix(2)) ?? 0
            let minutes = digits.count == 4 ? Int(digits.suffix(2)) ?? 0 : 0
            offset = sign * (hours * 3600 + minutes * 60)
        }
        guard let zone = TimeZone(secondsFromGMT: offset) else { return nil }
        parts.timeZone = zone
        guard (1...12).contains(parts.month!), (1...31).contains(parts.day!),
              (0...23).contains(parts.hour!), (0...59).contains(parts.minute!), (0...60).contains(parts.second!),
              let date = parts.date
        else { return nil }
        let fraction = match.7.flatMap { Double("0." + $0) } ?? 0
        return date.addingTimeInterval(fraction)
    }

    /// Decodes an optional ISO 8601 string, failing on one that is present but malformed.
    static func decode(_ text: String?) throws -> Date? {
        guard let text else { return nil }
        guard let date = parse(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "not an ISO 8601 time: \(text)"))
        }
        return date
    }

    // year-month-day, then optionally T hour:minute[:second[.fraction]] and a zone; separators optional.
    nonisolated(unsafe) private static let pattern =
        /(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?/
}
