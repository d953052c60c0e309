import Foundation
import Testing
import RedlineDiff
import RedlineExtract
import RedlineModel

/// The page-shape suite (`Tests/Shapes`): real coverage in six shapes (Guardian and BBC live-blog
/// markup and their browser copies, ordinary articles, the corpus's real pages), each pair with
/// the changes a reader sees written down before the extractor ever ran on it. Per shape: key
/// events found (precision and recall ≥ 0.98), every field change found, noise-only pairs report
/// nothing, unchanged blocks reported as changed ≤ 0.1 %, and `diff` and `events` agree.
@Suite struct ShapeSuiteTests {
    @Test func tuningSet() throws {
        try check(ShapeCase.all(holdout: false), label: "tuning")
    }

    @Test func holdoutSet() throws {
        try check(ShapeCase.all(holdout: true), label: "holdout")
    }

    private func check(_ cases: [ShapeCase], label: String) {
        var scores: [String: ShapeScore] = [:]
        for shapeCase in cases { scores[shapeCase.shape, default: ShapeScore()].add(shapeCase) }
        print("Shape suite (\(label)): " + ShapeScore.header)
        for (shape, score) in scores.sorted(by: { $0.key < $1.key }) { print("  " + score.row(shape)) }
        for (shape, score) in scores.sorted(by: { $0.key < $1.key }) {
            for problem in score.problems { Issue.record("\(shape)/\(problem)") }
            if let precision = score.keyEventPrecision {
                #expect(precision >= 0.98, "\(shape): key-event precision \(precision)")
            }
            if let recall = score.keyEventRecall {
                #expect(recall >= 0.98, "\(shape): key-event recall \(recall)")
            }
            #expect(score.falseChangeRate <= 0.001, "\(shape): \(score.falseChanges) of \(score.blocks) blocks reported as changed")
        }
    }
}

/// What one shape's cases came to.
struct ShapeScore {
    var cases = 0
    var eventsExpected = 0, eventsFound = 0, eventsMatched = 0
    var blocks = 0, falseChanges = 0, missedChanges = 0
    var problems: [String] = []

    static let header = "shape | cases | key events P / R | blocks missed | false changes / blocks"

    var keyEventPrecision: Double? { eventsFound + eventsExpected == 0 ? nil : eventsFound == 0 ? 0 : Double(eventsMatched) / Double(eventsFound) }
    var keyEventRecall: Double? { eventsExpected == 0 ? nil : Double(eventsMatched) / Double(eventsExpected) }
    var falseChangeRate: Double { blocks == 0 ? 0 : Double(falseChanges) / Double(blocks) }

    func row(_ shape: String) -> String {
        func ratio(_ value: Double?) -> String { value.map { String(format: "%.3f", $0) } ?? "–" }
        return "\(shape) | \(cases) | \(ratio(keyEventPrecision)) / \(ratio(keyEventRecall)) | \(missedChanges) | \(falseChanges) / \(blocks)"
            + (problems.isEmpty ? "" : " | \(problems.count) problems")
    }

    mutating func add(_ shapeCase: ShapeCase) {
        cases += 1
        let old = ArticleExtractor.extract(shapeCase.old).article
        let new = ArticleExtractor.extract(shapeCase.new).article
        let diff = ArticleDiffer.diff(old, new)
        let expected = shapeCase.expected
        let name = shapeCase.name
        func problem(_ text: String) { problems.append("\(name): \(text)") }

        // The key events each page shows: the absolute time (to the minute) and the visible title.
        for (events, want) in [(old.keyEvents, expected.keyEvents.old), (new.keyEvents, expected.keyEvents.new)] {
            guard let want else { continue }
            eventsExpected += want.count
            eventsFound += events.count
            var unused = Array(events)
            for event in want {
                if let k = unused.firstIndex(where: { folded($0.title) == folded(event.title) && minute($0.time) == event.time.map { String($0.prefix(16)) } }) {
                    unused.remove(at: k)
                    eventsMatched += 1
                } else {
                    problem("key event not found: \(event.time ?? "no time") \(event.title)")
                }
            }
            for event in unused { problem("key event not on the page: \(minute(event.time) ?? "no time") \(event.title)") }
        }

        // The key-event changes, and `events` telling the same story as `diff`.
        let changes = diff.keyEvents
        compare(changes.added.map(\.title), expected.keyEvents.added, "key event added", problem)
        compare(changes.removed.map(\.title), expected.keyEvents.removed, "key event removed", problem)
        compare(changes.retitled.map { "\($0.oldTitle) → \($0.newTitle)" },
                expected.keyEvents.retitled.map { "\($0.oldTitle) → \($0.newTitle)" }, "key event retitled", problem)
        var timeline = KeyEventTimeline()
        timeline.add(old.keyEvents, version: 1, capturedAt: Date(timeIntervalSince1970: 0))
        timeline.add(new.keyEvents, version: 2, capturedAt: Date(timeIntervalSince1970: 60))
        let told = (added: timeline.records.filter { $0.firstVersion == 2 }.map(\.title),
                    removed: timeline.records.filter { $0.droppedVersion == 2 }.map(\.title),
                    retitled: timeline.records.flatMap(\.retitles).map { "\($0.oldTitle) → \($0.newTitle)" })
        if told.added.sorted() != changes.added.map(\.title).sorted()
            || told.removed.sorted() != changes.removed.map(\.title).sorted()
            || told.retitled.sorted() != changes.retitled.map({ "\($0.oldTitle) → \($0.newTitle)" }).sorted() {
            problem("events and diff disagree: events \(told), diff \(changes)")
        }

        // Fields.
        compare(diff.fields.map { "\($0.field.rawValue) \($0.change.rawValue): \(folded($0.oldText)) → \(folded($0.newText))" },
                expected.fields.map { "\($0.field) \($0.change): \(folded($0.oldText)) → \(folded($0.newText))" }, "field", problem)

        // Blocks: every reported change is one the reader sees, and every one the reader sees is reported.
        blocks += diff.blocks.count
        var want = (added: expected.blocks.added, removed: expected.blocks.removed,
                    edited: expected.blocks.edited, moved: expected.blocks.moved)
        for block in diff.blocks where block.change != .unchanged {
            let found: Bool
            switch block.change {
            case .added: found = take(block.newText, from: &want.added)
            case .removed: found = take(block.oldText, from: &want.removed)
            case .edited:
                if let k = want.edited.firstIndex(where: { same(block.oldText, $0.old) && same(block.newText, $0.new) }) {
                    want.edited.remove(at: k); found = true
                } else { found = false }
            case .moved: found = take(block.newText, from: &want.moved)
            case .unchanged: found = true
            }
            if !found {
                falseChanges += 1
                problem("false change: \(block.change.rawValue) \(folded(block.oldText ?? block.newText).prefix(80))")
            }
        }
        let missed = want.added.map { "added \($0)" } + want.removed.map { "removed \($0)" }
            + want.edited.map { "edited \($0.old) → \($0.new)" } + want.moved.map { "moved \($0)" }
        missedChanges += missed.count
        for text in missed { problem("missed: \(text.prefix(100))") }

        if expected.noiseOnly, diff.summary.hasChanges { problem("noise-only pair reports \(diff.summary.line)") }
    }

    private func compare(_ got: [String], _ want: [String], _ what: String, _ problem: (String) -> Void) {
        var want = want.map(folded)
        for item in got.map(folded) {
            if let k = want.firstIndex(of: item) { want.remove(at: k) } else { problem("unexpected \(what): \(item)") }
        }
        for item in want { problem("missing \(what): \(item)") }
    }

    /// The same block text: equal once white space is folded, or one holds the other (a long one).
    private func same(_ got: String?, _ want: String) -> Bool {
        let a = folded(got), b = folded(want)
        return a == b || (min(a.count, b.count) >= 20 && (a.contains(b) || b.contains(a)))
    }

    private func take(_ text: String?, from list: inout [String]) -> Bool {
        guard let k = list.firstIndex(where: { same(text, $0) }) else { return false }
        list.remove(at: k)
        return true
    }

    private func minute(_ date: Date?) -> String? {
        date.map { String(Timestamp.format($0).prefix(16)) }
    }
}
