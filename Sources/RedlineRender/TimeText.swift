import Foundation
import RedlineModel

/// Times as people read them in a diff: UTC, to the minute.
///
///     2025-04-23T15:10:42Z → "2025-04-23 15:10"
///
/// Renderers that also need a machine-readable time (HTML's `datetime`) use `Timestamp.format`.
enum TimeText {
    /// `date` as `2025-04-23 15:10` (UTC).
    static func short(_ date: Date) -> String {
        let t = Timestamp.utc(date)
        return "\(Timestamp.pad(t.year, 4))-\(Timestamp.pad(t.month, 2))-\(Timestamp.pad(t.day, 2)) "
            + "\(Timestamp.pad(t.hour, 2)):\(Timestamp.pad(t.minute, 2))"
    }

    /// `date` as `2025-04-23 15:10 UTC`, for headers.
    static func long(_ date: Date) -> String { short(date) + " UTC" }
}
