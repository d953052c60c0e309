import Foundation

/// Times as people read them in a diff: UTC, to the minute.
///
///     2025-04-23T15:10:42Z → "2025-04-23 15:10"
///
/// Renderers that also need a machine-readable time (HTML's `datetime`) use `Timestamp.format`.
enum TimeText {
    /// `date` as `2025-04-23 15:10` (UTC). Computed from the Unix time directly: no calendar or
    /// formatter objects on a path that may run once per block.
    static func short(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2)) \(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay % 3600 / 60, 2))"
    }

    /// `date` as `2025-04-23 15:10 UTC`, for headers.
    static func long(_ date: Date) -> String { short(date) + " UTC" }

    /// Year, month and day of the `days`-th day after 1970-01-01 (Howard Hinnant's algorithm).
    private static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
