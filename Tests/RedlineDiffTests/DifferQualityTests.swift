import RedlineCorpus
import Foundation
import Testing
import RedlineModel
@testable import RedlineDiff

/// The quality suite: successive versions of real live blogs (the entries published by a time),
/// with known edits applied, diffed; each kind of change must be found at ≥ 98 % and unchanged
/// blocks reported as changed at ≤ 0.1 %.
///
/// Each variant says how both versions reach the differ: as the page gives them (entry ids
/// present) and without any ids (as a plain-text capture gives them). `ExtractedQualityTests` runs
/// the same trials with both versions rendered as plain text and as HTML and extracted again.
struct DifferQualityTests {
    enum Variant: String, CaseIterable {
        case pageIDs = "with entry ids"
        case noIDs = "without ids"

        func prepare(_ article: Article) -> Article {
            switch self {
            case .pageIDs: return article
            case .noIDs:
                var a = article
                for e in a.entries.indices { a.entries[e].id = nil }
                for k in a.keyEvents.indices { a.keyEvents[k].id = nil }
                return a
            }
        }
    }

    static let trialsPerBlog = 20

    @Test func everyKindOfChangeIsFound() throws {
        let blogs = try LiveBlog.names.map(LiveBlog.load)
        var lines: [String] = []
        var overall = QualityScore()
        var diffTime = Duration.zero
        for variant in Variant.allCases {
            var score = QualityScore()
            for (b, blog) in blogs.enumerated() {
                var rng = SeededGenerator(seed: 0xB10C_0000 + UInt64(b))
                for _ in 0..<Self.trialsPerBlog {
                    let trial = EditedVersions.make(blog, &rng)
                    let old = variant.prepare(trial.old), new = variant.prepare(trial.new)
                    let clock = ContinuousClock()
                    let started = clock.now
                    let diff = ArticleDiffer.diff(old, new)
                    diffTime += clock.now - started
                    let problems = invariantProblems(old, new, diff)
                    #expect(problems.isEmpty, "\(blog.name) \(variant.rawValue): \(problems.prefix(3))")
                    score.add(trial.score(diff))
                }
            }
            lines.append(contentsOf: score.report(title: variant.rawValue))
            overall.add(score)
            for kind in ChangeKind.allCases where score.total[kind, default: 0] > 0 {
                #expect(score.rate(kind) >= 0.98, "\(variant.rawValue): \(kind.rawValue) found \(score.rate(kind))")
            }
            #expect(score.falseChangeRate <= 0.001, "\(variant.rawValue): unchanged reported changed \(score.falseChangeRate)")
        }
        lines.append(contentsOf: overall.report(title: "both"))
        lines.append("  (time in the differ: \(diffTime))")
        print(lines.joined(separator: "\n"))
    }

    /// The same with changes packed together (see `EditedVersions.make(dense:)`): reported, and
    /// held to a lower bar, since some of these are ambiguous even to a reader (a paragraph moved
    /// from the end of one untitled entry to the start of the next is, without ids, no move).
    @Test func denseChangesScores() throws {
        let blogs = try LiveBlog.names.map(LiveBlog.load)
        var lines: [String] = []
        for variant in Variant.allCases {
            var score = QualityScore()
            for (b, blog) in blogs.enumerated() {
                var rng = SeededGenerator(seed: 0xDE45_0000 + UInt64(b))
                for _ in 0..<Self.trialsPerBlog {
                    let trial = EditedVersions.make(blog, &rng, dense: true)
                    let old = variant.prepare(trial.old), new = variant.prepare(trial.new)
                    let diff = ArticleDiffer.diff(old, new)
                    #expect(invariantProblems(old, new, diff).isEmpty)
                    score.add(trial.score(diff))
                }
            }
            lines.append(contentsOf: score.report(title: "dense changes, \(variant.rawValue)"))
            for kind in ChangeKind.allCases where score.total[kind, default: 0] > 0 {
                #expect(score.rate(kind) >= 0.9, "dense, \(variant.rawValue): \(kind.rawValue) found \(score.rate(kind))")
            }
            #expect(score.falseChangeRate <= 0.001)
        }
        print(lines.joined(separator: "\n"))
    }

    @Test func whiteSpaceOnlyDifferencesReportNothing() throws {
        let blogs = try LiveBlog.names.map(LiveBlog.load)
        var rng = SeededGenerator(seed: 0x5BAC_E000)
        for blog in blogs {
            let old = blog.version(entryCount: blog.entries.count * 2 / 3)
            var new = old
            for e in new.entries.indices {
                if let title = new.entries[e].title, Bool.random(using: &rng) { new.entries[e].title = " " + title + "\t" }
                for k in new.entries[e].blocks.indices where Int.random(in: 0..<3, using: &rng) == 0 {
                    let text = new.entries[e].blocks[k].text
                    new.entries[e].blocks[k].text = "\n" + text.replacingOccurrences(of: " ", with: ["  ", "\u{00A0}", " \n ", "\t"].randomElement(using: &rng)!) + "  "
                }
            }
            for k in new.keyEvents.indices { new.keyEvents[k].title += " " }
            let diff = ArticleDiffer.diff(old, new)
            #expect(!diff.summary.hasChanges, "\(blog.name): \(diff.summary)")
            #expect(invariantProblems(old, new, diff).isEmpty)
        }
    }
}

/// The kinds of change the suite applies and scores.
enum ChangeKind: String, CaseIterable {
    case entryAdded = "added (entries on top)"
    case edited = "edited"
    case removed = "removed"
    case moved = "moved to another entry"
    case movedEdited = "moved and edited"
    case swapped = "neighbours swapped"
    case keyEventAdded = "key event added"
    case keyEventDropped = "key event dropped"
    case keyEventRetitled = "key event retitled"
}

/// Found / total per kind, and unchanged blocks reported as changed.
struct QualityScore {
    var found: [ChangeKind: Int] = [:]
    var total: [ChangeKind: Int] = [:]
    var unchanged = 0
    var falseChanges = 0
    var falseKeyEvents = 0
    /// Through extraction: blocks of the generated versions that extraction lost (their expected
    /// change, if any, counts as missed), and extracted blocks that match no generated block
    /// (any change reported at one counts as a false change).
    var lostBlocks = 0
    var strayBlocks = 0

    mutating func add(_ other: QualityScore) {
        for (k, v) in other.found { found[k, default: 0] += v }
        for (k, v) in other.total { total[k, default: 0] += v }
        unchanged += other.unchanged
        falseChanges += other.falseChanges
        falseKeyEvents += other.falseKeyEvents
        lostBlocks += other.lostBlocks
        strayBlocks += other.strayBlocks
    }

    mutating func count(_ kind: ChangeKind, _ ok: Bool) {
        total[kind, default: 0] += 1
        if ok { found[kind, default: 0] += 1 }
    }

    func rate(_ kind: ChangeKind) -> Double {
        Double(found[kind, default: 0]) / Double(max(total[kind, default: 0], 1))
    }

    var falseChangeRate: Double { Double(falseChanges) / Double(max(unchanged, 1)) }

    func report(title: String) -> [String] {
        var lines = ["differ quality, \(title):"]
        for kind in ChangeKind.allCases where total[kind, default: 0] > 0 {
            let pct = String(format: "%.1f", 100 * rate(kind))
            lines.append("  \(kind.rawValue.padding(toLength: 24, withPad: " ", startingAt: 0)) \(found[kind, default: 0])/\(total[kind, default: 0]) = \(pct) %")
        }
        lines.append("  unchanged reported changed: \(falseChanges)/\(unchanged) = \(String(format: "%.3f", 100 * falseChangeRate)) %")
        lines.append("  key events misreported: \(falseKeyEvents)")
        if lostBlocks + strayBlocks > 0 { lines.append("  blocks lost in extraction: \(lostBlocks); extracted blocks of no known origin: \(strayBlocks)") }
        return lines
    }
}

/// Two versions of a live blog with known changes between them.
struct EditedVersions {
    var old: Article
    var new: Article
    /// For each new block position: the old position it came from (nil when new) and its change.
    var newOrigins: [(origin: Int?, kind: ChangeKind?)]
    var removedOld: [Int]
    var swappedPairs: [(Int, Int)]   // new positions
    var keyEventsAdded: [KeyEvent]
    var keyEventsDropped: [KeyEvent]
    var keyEventsRetitled: [(old: String, new: String)]
    /// After extraction (see `remapped`): new and old positions no generated block maps to,
    /// and the expected changes whose blocks extraction lost, by kind.
    var strayNew: Set<Int> = []
    var strayOld: Set<Int> = []
    var lost: [ChangeKind: Int] = [:]
    var lostBlocks = 0

    /// Scores `diff` against the known changes.
    func score(_ diff: ArticleDiff) -> QualityScore {
        var score = QualityScore()
        var byNew: [Int: BlockChange] = [:], byOld: [Int: BlockChange] = [:]
        for change in diff.blocks {
            if let j = change.newIndex { byNew[j] = change }
            if let i = change.oldIndex, change.change == .removed { byOld[i] = change }
        }
        let swapped = Set(swappedPairs.flatMap { [$0.0, $0.1] })
        for (kind, count) in lost { score.total[kind, default: 0] += count }
        score.lostBlocks = lostBlocks
        score.strayBlocks = strayNew.count + strayOld.count
        for j in strayNew {
            score.unchanged += 1
            if byNew[j]?.change != .unchanged { score.falseChanges += 1 }
        }
        for i in strayOld where byOld[i] != nil { score.falseChanges += 1 }
        for (j, expected) in newOrigins.enumerated() where !swapped.contains(j) && !strayNew.contains(j) {
            let got = byNew[j]
            switch expected.kind {
            case nil:
                score.unchanged += 1
                if !(got?.change == .unchanged && got?.oldIndex == expected.origin) { score.falseChanges += 1 }
            case .entryAdded?:
                score.count(.entryAdded, got?.change == .added)
            case .edited?:
                score.count(.edited, got?.change == .edited && got?.oldIndex == expected.origin)
            case .moved?:
                score.count(.moved, got?.change == .moved && got?.edited == false && got?.oldIndex == expected.origin)
            case .movedEdited?:
                score.count(.movedEdited, got?.change == .moved && got?.edited == true && got?.oldIndex == expected.origin)
            default:
                break
            }
        }
        for (a, b) in swappedPairs {
            let x = byNew[a], y = byNew[b]
            let right = x?.oldIndex == newOrigins[a].origin && y?.oldIndex == newOrigins[b].origin
                && x?.edited == false && y?.edited == false
                && (x?.change == .moved || y?.change == .moved)
                && [BlockChange.Change.moved, .unchanged].contains(x?.change) && [BlockChange.Change.moved, .unchanged].contains(y?.change)
            score.count(.swapped, right)
        }
        for i in removedOld { score.count(.removed, byOld[i]?.change == .removed) }

        let added = Set(diff.keyEvents.added.map(\.title)), dropped = Set(diff.keyEvents.removed.map(\.title))
        let retitled = Set(diff.keyEvents.retitled.map { "\($0.oldTitle)→\($0.newTitle)" })
        for event in keyEventsAdded { score.count(.keyEventAdded, added.contains(event.title)) }
        for event in keyEventsDropped { score.count(.keyEventDropped, dropped.contains(event.title)) }
        for r in keyEventsRetitled { score.count(.keyEventRetitled, retitled.contains("\(r.old)→\(r.new)")) }
        score.falseKeyEvents = max(0, added.count - keyEventsAdded.count) + max(0, dropped.count - keyEventsDropped.count)
            + max(0, retitled.count - keyEventsRetitled.count)
        return score
    }

    /// A random pair of versions of `blog`: a few entries added on top, and edits, removals,
    /// moves, moves with edits, swaps and key-event changes among the entries both share.
    /// `dense`: changes may touch each other (neighbours of a changed block may change too),
    /// edits reach paragraphs of five words, and moves may go to the next entry.
    static func make(_ blog: LiveBlog, _ rng: inout SeededGenerator, dense: Bool = false) -> EditedVersions {
        let n = blog.entries.count
        let oldCount = Int.random(in: n * 3 / 10...n * 8 / 10, using: &rng)
        let addedCount = Int.random(in: 1...4, using: &rng)
        let old = blog.version(entryCount: oldCount)
        let grown = blog.version(entryCount: oldCount + addedCount)

        // Tag every block of the new version with where it came from.
        struct Tagged { var block: Block; var origin: Int?; var kind: ChangeKind? }
        var entries: [(entry: Entry, title: Tagged?, blocks: [Tagged])] = []
        for entry in grown.entries.prefix(addedCount) {
            entries.append((entry, entry.title.map { Tagged(block: Block(.heading, $0), origin: nil, kind: .entryAdded) },
                            entry.blocks.map { Tagged(block: $0, origin: nil, kind: .entryAdded) }))
        }
        var position = 0
        for entry in old.entries {
            var title: Tagged?
            if let t = entry.title { title = Tagged(block: Block(.heading, t), origin: position, kind: nil); position += 1 }
            var blocks: [Tagged] = []
            for block in entry.blocks { blocks.append(Tagged(block: block, origin: position, kind: nil)); position += 1 }
            entries.append((entry, title, blocks))
        }

        // Candidates: paragraphs of shared entries whose text occurs once, long enough to move.
        // Counted over the new entries too: a paragraph the blog repeats in an entry added on top
        // ("and then ambulances arrived …") could as well have moved there.
        var textCount: [String: Int] = [:]
        for item in grown.positionedBlocks { textCount[item.block.text, default: 0] += 1 }   // corpus text is normalised
        var used = Set<Int>()   // old positions touched, or next to a touched one
        func free(_ e: Int, _ k: Int, words: Int) -> Bool {
            let b = entries[e].blocks[k]
            guard b.kind == nil, let o = b.origin, !used.contains(o), textCount[b.block.text] == 1 else { return false }
            let letters = b.block.text.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.count
            return letters >= 24 && b.block.text.split(separator: " ").count >= words
        }
        func take(_ e: Int, _ k: Int) {
            let o = entries[e].blocks[k].origin!
            used.formUnion(dense ? [o] : [o - 1, o, o + 1])
        }
        let shared = addedCount..<entries.count
        func pick(words: Int) -> (Int, Int)? {
            for _ in 0..<200 {
                let e = Int.random(in: shared, using: &rng)
                guard !entries[e].blocks.isEmpty else { continue }
                let k = Int.random(in: 0..<entries[e].blocks.count, using: &rng)
                if free(e, k, words: words) { take(e, k); return (e, k) }
            }
            return nil
        }
        let vocabulary = old.positionedBlocks.prefix(400).flatMap { $0.block.text.split(separator: " ").filter { $0.count >= 4 } }.map(String.init)
        func edit(_ text: String) -> String {
            var words = text.split(separator: " ").map(String.init)
            let changes = max(1, Int((Double(words.count) * Double.random(in: 0.1...0.3, using: &rng)).rounded()))
            for _ in 0..<changes {
                let w = Int.random(in: 0..<words.count, using: &rng)
                switch Int.random(in: 0..<6, using: &rng) {
                case 0: if words.count > 4 { words.remove(at: w) } else { words[w] = vocabulary.randomElement(using: &rng)! }
                case 1: words.insert(vocabulary.randomElement(using: &rng)!, at: w)
                default: words[w] = vocabulary.randomElement(using: &rng)!
                }
            }
            let result = words.joined(separator: " ")
            return result == text ? result + " indeed" : result
        }

        for _ in 0..<3 { if let (e, k) = pick(words: dense ? 5 : 8) { entries[e].blocks[k].block.text = edit(entries[e].blocks[k].block.text); entries[e].blocks[k].kind = .edited } }
        var swaps = 0
        for _ in 0..<200 where swaps < 2 {
            let e = Int.random(in: shared, using: &rng)
            guard entries[e].blocks.count >= 2 else { continue }
            let k = Int.random(in: 0..<entries[e].blocks.count - 1, using: &rng)
            // The swap must be visible: at least one of the two has a kept neighbour on some side.
            guard free(e, k, words: 1), free(e, k + 1, words: 1) else { continue }
            take(e, k); take(e, k + 1)
            entries[e].blocks.swapAt(k, k + 1)
            entries[e].blocks[k].kind = .swapped
            entries[e].blocks[k + 1].kind = .swapped
            swaps += 1
        }
        var removedOld: [Int] = []
        for _ in 0..<2 {
            if let (e, k) = pick(words: 1) { removedOld.append(entries[e].blocks[k].origin!); entries[e].blocks[k].kind = .removed }
        }
        var moving: [(Int, Int, ChangeKind)] = []
        for kind in [ChangeKind.moved, .moved, .movedEdited, .movedEdited] {
            if let (e, k) = pick(words: kind == .movedEdited ? (dense ? 5 : 8) : 1) { moving.append((e, k, kind)) }
        }
        var carried: [(Tagged, Int)] = []
        for (e, k, kind) in moving {
            var block = entries[e].blocks[k]
            block.kind = kind
            if kind == .movedEdited { block.block.text = edit(block.block.text) }
            entries[e].blocks[k].kind = .removed   // marked for taking out below
            carried.append((block, e))
        }
        for e in entries.indices { entries[e].blocks.removeAll { $0.kind == .removed } }
        for (block, from) in carried {
            // Another shared entry at least two entries away, so the move crosses kept text.
            var target = from
            for _ in 0..<100 {
                target = Int.random(in: shared, using: &rng)
                if abs(target - from) >= (dense ? 1 : 2) { break }
            }
            let at = Int.random(in: 0...entries[target].blocks.count, using: &rng)
            entries[target].blocks.insert(block, at: at)
        }

        // Key events: those of the added entries, plus one added, one dropped, one retitled.
        var keyEvents = grown.keyEvents
        var keyEventsAdded = grown.keyEvents.filter { event in !old.keyEvents.contains { $0.id == event.id } }
        var keyEventsDropped: [KeyEvent] = []
        var keyEventsRetitled: [(old: String, new: String)] = []
        let eventIDs = Set(keyEvents.compactMap(\.id))
        let titles = Set(keyEvents.map(\.title))
        if let e = shared.filter({ entries[$0].entry.title != nil && entries[$0].entry.id != nil && !eventIDs.contains(entries[$0].entry.id!)
            && !titles.contains(entries[$0].entry.title!) }).randomElement(using: &rng) {
            let entry = entries[e].entry
            let event = KeyEvent(id: entry.id, time: entry.time, title: entry.title!)
            let at = keyEvents.firstIndex { ($0.time ?? .distantPast) < (entry.time ?? .distantPast) } ?? keyEvents.count
            keyEvents.insert(event, at: at)
            keyEventsAdded.append(event)
        }
        let existing = keyEvents.indices.filter { i in old.keyEvents.contains { $0.id == keyEvents[i].id } }
        if existing.count >= 2 {
            let picks = Array(existing.shuffled(using: &rng).prefix(2))
            let retitle = picks[0]
            let newTitle = keyEvents[retitle].title + " – " + ["latest", "updated", "what we know", "as it happened"].randomElement(using: &rng)!
            keyEventsRetitled.append((keyEvents[retitle].title, newTitle))
            keyEvents[retitle].title = newTitle
            keyEventsDropped.append(keyEvents[picks[1]])
            keyEvents.remove(at: picks[1])
        }

        // Build the new article and its expectations.
        var newEntries: [Entry] = []
        var origins: [(origin: Int?, kind: ChangeKind?)] = []
        var swapped: [(Int, Int)] = []
        for item in entries {
            var entry = item.entry
            entry.blocks = item.blocks.map(\.block)
            newEntries.append(entry)
            if let t = item.title { origins.append((t.origin, t.kind)) }
            for (k, b) in item.blocks.enumerated() {
                if b.kind == .swapped, k + 1 < item.blocks.count, item.blocks[k + 1].kind == .swapped,
                   swapped.last.map({ $0.1 != origins.count }) ?? true {
                    swapped.append((origins.count, origins.count + 1))
                }
                origins.append((b.origin, b.kind))
            }
        }
        var new = grown
        new.entries = newEntries
        new.keyEvents = keyEvents
        return EditedVersions(old: old, new: new, newOrigins: origins, removedOld: removedOld.sorted(), swappedPairs: swapped,
                              keyEventsAdded: keyEventsAdded, keyEventsDropped: keyEventsDropped, keyEventsRetitled: keyEventsRetitled)
    }
}
