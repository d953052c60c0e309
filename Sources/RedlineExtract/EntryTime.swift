import Foundation
import RedlineModel

/// The time of an entry as redline keeps it: to the whole second, as the stored JSON writes it.
///
///     "2020-10-06T21:22:53.212+01:00" → 2020-10-06T20:22:53Z   (the .212 is dropped)
///
/// Without this, an article read back from its stored JSON would differ from the same page
/// extracted again, and every capture of an unchanged page would count as a new version.
enum EntryTime {
    /// The time `text` names (see ``Timestamp/parse(_:)``), truncated to the second.
    static func parse(_ text: String) -> Date? {
        Timestamp.parse(text).map(wholeSeconds)
    }

    /// `date` without its fraction of a second.
    static func wholeSeconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }
}
