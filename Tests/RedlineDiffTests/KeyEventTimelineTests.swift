import Foundation
import RedlineModel
import Testing
@testable import RedlineDiff

@Suite struct KeyEventTimelineTests {
    let t = (1...6).map { Date(timeIntervalSince1970: TimeInterval($0) * 3600) }

    @Test func followsAppearancesRetitlesAndDrops() {
        var timeline = KeyEventTimeline()
        let a = KeyEvent(id: "block-a", title: "Talks begin")
        let b = KeyEvent(id: "block-b", title: "Talks end")
        timeline.add([a], version: 1, capturedAt: t[0])
        timeline.add([b, KeyEvent(id: "block-a", title: "Talks begin in London")], version: 2, capturedAt: t[1])
        timeline.add([b], version: 3, capturedAt: t[2])

        let records = timeline.records
        #expect(records.count == 2)
        #expect(records[0].title == "Talks begin in London")
        #expect(records[0].firstVersion == 1)
        #expect(records[0].retitles == [.init(version: 2, at: t[1], oldTitle: "Talks begin", newTitle: "Talks begin in London")])
        #expect(records[0].droppedVersion == 3)
        #expect(records[0].droppedAt == t[2])
        #expect(records[1].firstVersion == 2)
        #expect(records[1].firstSeenAt == t[1])
        #expect(records[1].retitles.isEmpty)
        #expect(records[1].droppedVersion == nil)
    }

    /// An event's time corrected on the page is its time from then on, as its newest title is:
    /// `events` showed the newest title beside the first time (the sixteenth session's trial).
    @Test func aCorrectedTimeIsTheEventsTime() {
        var timeline = KeyEventTimeline()
        timeline.add([KeyEvent(id: "block-1", time: t[0], title: "Storm makes landfall")], version: 1, capturedAt: t[2])
        timeline.add([KeyEvent(id: "block-1", time: t[1], title: "Storm makes landfall")], version: 2, capturedAt: t[3])
        #expect(timeline.records.map(\.time) == [t[1]])
        timeline.add([KeyEvent(id: "block-1", title: "Storm makes landfall")], version: 3, capturedAt: t[4])
        #expect(timeline.records.map(\.time) == [t[1]], "a time no longer shown is not forgotten")
    }

    @Test func withoutIdsMatchesByTitleThenTime() {
        var timeline = KeyEventTimeline()
        let noon = Date(timeIntervalSince1970: 43_200)
        timeline.add([KeyEvent(time: noon, title: "Minister resigns"), KeyEvent(title: "Polls open")], version: 1, capturedAt: t[0])
        timeline.add([KeyEvent(title: "Polls open"), KeyEvent(time: noon, title: "Minister resigns after vote")],
                     version: 2, capturedAt: t[1])
        #expect(timeline.records.count == 2)
        #expect(timeline.records[0].retitles.map(\.newTitle) == ["Minister resigns after vote"])
        #expect(timeline.records[1].retitles.isEmpty)
    }

    @Test func theOnlyEventLeftAtATimeIsRetitledHoweverItsWordsChanged() {
        let nine = Date(timeIntervalSince1970: 32_400)
        let old = [KeyEvent(time: nine, title: "Minister resigns"), KeyEvent(title: "Polls open")]
        let new = [KeyEvent(time: nine, title: "Cabinet loses its second member"), KeyEvent(title: "Polls open in Scotland")]
        let changes = KeyEventMatching.changes(old, new)
        #expect(changes.added.isEmpty && changes.removed.isEmpty)
        #expect(changes.retitled.map(\.newTitle) == ["Cabinet loses its second member", "Polls open in Scotland"])
    }

    @Test func diffAndEventsAgree() {
        let nine = Date(timeIntervalSince1970: 32_400)
        let old = [KeyEvent(time: nine, title: "Talks begin"), KeyEvent(time: nine, title: "Minister resigns"),
                   KeyEvent(id: "block-c", title: "Polls open")]
        let new = [KeyEvent(time: nine, title: "Talks begin in London"), KeyEvent(id: "block-c", title: "Polls opened"),
                   KeyEvent(time: nine.addingTimeInterval(60), title: "Minister resigns")]
        var timeline = KeyEventTimeline()
        timeline.add(old, version: 1, capturedAt: t[0])
        timeline.add(new, version: 2, capturedAt: t[1])
        let changes = KeyEventMatching.changes(old, new)
        #expect(timeline.records.flatMap(\.retitles).map(\.newTitle).sorted() == changes.retitled.map(\.newTitle).sorted())
        #expect(timeline.records.filter { $0.firstVersion == 2 }.map(\.title) == changes.added.map(\.title))
        #expect(timeline.records.filter { $0.droppedVersion == 2 }.map(\.title) == changes.removed.map(\.title))
    }

    /// `events` lists every key event ever seen with the version it first appeared in (SPEC):
    /// one dropped and listed again is the same event, its return told, not a new one.
    @Test func anEventListedAgainKeepsItsFirstVersion() {
        var timeline = KeyEventTimeline()
        let a = KeyEvent(id: "block-a", title: "Talks begin")
        timeline.add([a], version: 1, capturedAt: t[0])
        timeline.add([], version: 2, capturedAt: t[1])
        timeline.add([KeyEvent(id: "block-a", title: "Talks begin in London")], version: 3, capturedAt: t[2])
        #expect(timeline.records.count == 1)
        #expect(timeline.records[0].firstVersion == 1)
        #expect(timeline.records[0].returns == [.init(droppedVersion: 2, droppedAt: t[1], version: 3, at: t[2])])
        #expect(timeline.records[0].retitles.map(\.version) == [3])
        #expect(timeline.records[0].droppedVersion == nil)
        timeline.add([], version: 4, capturedAt: t[3])
        #expect(timeline.records[0].droppedVersion == 4)
    }

    /// Without ids, the same title dropped earlier is the event listed again; another title is new.
    @Test func withoutIdsAnEventListedAgainIsFoundByItsTitle() {
        var timeline = KeyEventTimeline()
        timeline.add([KeyEvent(title: "Polls open"), KeyEvent(title: "Minister resigns")], version: 1, capturedAt: t[0])
        timeline.add([KeyEvent(title: "Polls open")], version: 2, capturedAt: t[1])
        timeline.add([KeyEvent(title: "Minister resigns"), KeyEvent(title: "Count begins"), KeyEvent(title: "Polls open")],
                     version: 3, capturedAt: t[2])
        #expect(timeline.records.map(\.title) == ["Polls open", "Minister resigns", "Count begins"])
        #expect(timeline.records.map(\.firstVersion) == [1, 1, 3])
        #expect(timeline.records[1].returns.map(\.version) == [3])
    }
}

@Suite struct BlameTests {
    @Test func carriesOriginsThroughADiff() throws {
        let previous = [BlockOrigin(firstVersion: 1, lastChangedVersion: 1), BlockOrigin(firstVersion: 1, lastChangedVersion: 2),
                        BlockOrigin(firstVersion: 2, lastChangedVersion: 2)]
        let diff = ArticleDiff(blocks: [
            BlockChange(change: .added, newIndex: 0, newText: "new"),
            BlockChange(change: .unchanged, oldIndex: 0, newIndex: 1, oldText: "a", newText: "a"),
            BlockChange(change: .moved, edited: true, oldIndex: 2, newIndex: 2, oldText: "c", newText: "c!"),
            BlockChange(change: .moved, oldIndex: 1, newIndex: 3, oldText: "b", newText: "b"),
        ])
        let origins = try #require(Blame.carry(previous, through: diff, version: 3))
        #expect(origins == [BlockOrigin(firstVersion: 3, lastChangedVersion: 3), BlockOrigin(firstVersion: 1, lastChangedVersion: 1),
                            BlockOrigin(firstVersion: 2, lastChangedVersion: 3), BlockOrigin(firstVersion: 1, lastChangedVersion: 2)])
    }

    @Test func refusesOriginsThatDoNotFit() {
        let diff = ArticleDiff(blocks: [BlockChange(change: .unchanged, oldIndex: 4, newIndex: 0, oldText: "a", newText: "a")])
        #expect(Blame.carry([BlockOrigin(firstVersion: 1, lastChangedVersion: 1)], through: diff, version: 2) == nil)
    }

    @Test func removedBlocksLeaveNoOrigin() throws {
        let diff = ArticleDiff(blocks: [
            BlockChange(change: .removed, oldIndex: 0, oldText: "gone"),
            BlockChange(change: .edited, edited: true, oldIndex: 1, newIndex: 0, oldText: "x", newText: "y"),
        ])
        let origins = try #require(Blame.carry(Blame.start(blockCount: 2, version: 1), through: diff, version: 2))
        #expect(origins == [BlockOrigin(firstVersion: 1, lastChangedVersion: 2)])
    }
}
