import Foundation
import RedlineModel

/// Follows an article's key-events list from version to version, as `redline events` shows it.
///
///     v1: [A "Talks begin"]
///     v2: [B "Talks end", A "Talks begin in London"]
///     v3: [B "Talks end"]
///     v4: [A "Talks begin in London", B "Talks end"]
///     → B first seen v2; A first seen v1, retitled in v2, dropped in v3, listed again in v4
///
/// Events are matched from one version to the next as `diff` matches them (``KeyEventMatching``),
/// so a new title on the same event is a retitle, not a new event, and the two always agree. An
/// event the list does not hold that was dropped earlier (the same id, or, without ids, the same
/// title) is that event listed again, not a new one.
public struct KeyEventTimeline: Sendable {
    /// Every event seen so far, in order of first appearance.
    public private(set) var records: [KeyEventRecord] = []
    /// The events of the newest version taken in, and the index in `records` of each.
    public private(set) var listed: [KeyEvent] = []
    private var listedRecords: [Int] = []
    private var newest: (version: Int, capturedAt: Date)?

    /// An empty timeline.
    public init() {}

    /// Takes in the key events `events` of `version`, captured at `capturedAt`.
    public mutating func add(_ events: [KeyEvent], version: Int, capturedAt: Date) {
        if events == listed, newest != nil {
            newest = (version, capturedAt)   // the same list again: nothing to match
            return
        }
        take(events, version: version, capturedAt: capturedAt, retitling: true)
    }

    /// Takes `events` as the newest version's list read again (by another extractor), so that
    /// the next version is compared with it. Nothing is reported for the difference: an event
    /// matched keeps its record and takes the title as read now; an event only this reading
    /// finds starts at the newest version; one only the earlier reading found ends there.
    public mutating func reread(_ events: [KeyEvent]) {
        guard let newest else { return }
        take(events, version: newest.version, capturedAt: newest.capturedAt, retitling: false)
    }

    private mutating func take(_ events: [KeyEvent], version: Int, capturedAt: Date, retitling: Bool) {
        let pairs = KeyEventMatching.partners(listed, events)
        var nowListed: [Int] = []
        for (index, event) in events.enumerated() {
            if let old = pairs[index] {
                relist(listedRecords[old], as: event, version: version, capturedAt: capturedAt, retitling: retitling)
                nowListed.append(listedRecords[old])
            } else if retitling, let record = dropped(event) {
                records[record].returns.append(.init(droppedVersion: records[record].droppedVersion!, droppedAt: records[record].droppedAt!,
                                                     version: version, at: capturedAt))
                records[record].droppedVersion = nil
                records[record].droppedAt = nil
                relist(record, as: event, version: version, capturedAt: capturedAt, retitling: true)
                nowListed.append(record)
            } else {
                records.append(KeyEventRecord(id: event.id, time: event.time, title: event.title,
                                              firstVersion: version, firstSeenAt: capturedAt))
                nowListed.append(records.count - 1)
            }
        }
        let kept = Set(pairs.compactMap { $0 })
        for old in listed.indices where !kept.contains(old) {
            records[listedRecords[old]].droppedVersion = version
            records[listedRecords[old]].droppedAt = capturedAt
        }
        listedRecords = nowListed
        listed = events
        newest = (version, capturedAt)
    }

    /// `records[record]` listed as `event` in `version`: a new title is a retitle (when
    /// `retitling`), the event's time is its time now (a corrected time is shown, as the newest
    /// title is), and an id the record lacks the event gives.
    private mutating func relist(_ record: Int, as event: KeyEvent, version: Int, capturedAt: Date, retitling: Bool) {
        if retitling, !KeyEventMatching.sameTitle(records[record].title, event.title) {
            records[record].retitles.append(.init(version: version, at: capturedAt, oldTitle: records[record].title, newTitle: event.title))
        }
        records[record].title = event.title
        records[record].id = records[record].id ?? event.id
        records[record].time = event.time ?? records[record].time
    }

    /// The record of `event` when it was listed before and dropped: the one of its id, or, when
    /// it has none, the newest dropped without an id under the same title.
    private func dropped(_ event: KeyEvent) -> Int? {
        if let id = event.id {
            return records.lastIndex { $0.id == id && $0.droppedVersion != nil }
        }
        return records.lastIndex { $0.id == nil && $0.droppedVersion != nil && KeyEventMatching.sameTitle($0.title, event.title) }
    }
}
