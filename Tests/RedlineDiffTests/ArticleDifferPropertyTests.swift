import RedlineCorpus
import Foundation
import Testing
import RedlineModel
@testable import RedlineDiff

/// Random article pairs from a fixed seed: the diff rebuilds the new version, a version diffed
/// with itself reports nothing, and swapping the sides swaps added and removed and keeps moves.
struct ArticleDifferPropertyTests {
    static let cases = 2_000

    @Test func diffRebuildsTheNewVersionAndListsEveryBlockOnce() {
        var rng = SeededGenerator(seed: 0x5EED_0001)
        for n in 0..<Self.cases {
            let old = RandomArticles.article(&rng)
            let new = RandomArticles.mutate(old, &rng)
            let problems = invariantProblems(old, new, ArticleDiffer.diff(old, new))
            #expect(problems.isEmpty, "case \(n): \(problems.prefix(5))")
            if !problems.isEmpty { return }
        }
    }

    /// Pairs of over 8 192 blocks, whose changes are assembled in pieces on two threads at once.
    @Test func largeDiffsAssembledInPiecesKeepEveryBlockOnce() {
        var rng = SeededGenerator(seed: 0x5EED_0006)
        for n in 0..<3 {
            var old = Article(title: "Live", entries: (0..<3_000).map { RandomArticles.entry($0, &rng) })
            old.blocks = [Block(.paragraph, RandomArticles.paragraph(&rng))]
            var new = old
            for _ in 0..<40 { new = RandomArticles.mutate(new, &rng) }
            let diff = ArticleDiffer.diff(old, new)
            #expect(diff.blocks.count > 8_192)
            let problems = invariantProblems(old, new, diff)
            #expect(problems.isEmpty, "case \(n): \(problems.prefix(5))")
            #expect(ArticleDiffer.diff(old, new) == diff, "case \(n): not the same diff twice")
        }
    }

    @Test func selfDiffReportsNothing() {
        var rng = SeededGenerator(seed: 0x5EED_0002)
        for n in 0..<Self.cases {
            let article = RandomArticles.article(&rng)
            let diff = ArticleDiffer.diff(article, article)
            #expect(!diff.summary.hasChanges, "case \(n): \(diff.summary)")
            #expect(diff.blocks.allSatisfy { $0.change == .unchanged && $0.oldIndex == $0.newIndex }, "case \(n)")
        }
    }

    @Test func swappingTheSidesSwapsAddedAndRemovedAndKeepsMoves() {
        var rng = SeededGenerator(seed: 0x5EED_0003)
        var failures = 0
        for n in 0..<Self.cases {
            let old = RandomArticles.article(&rng)
            let new = RandomArticles.mutate(old, &rng)
            let forward = ArticleDiffer.diff(old, new), backward = ArticleDiffer.diff(new, old)
            #expect(invariantProblems(new, old, backward).isEmpty, "case \(n)")
            let f = forward.summary, b = backward.summary
            let ok = withSidesSwapped(f) == b
            if !ok { failures += 1 }
            #expect(ok, "case \(n): forward \(f) backward \(b)")
            if failures > 3 { return }
        }
    }
}

extension ArticleDifferPropertyTests {
    /// Short versions drawn from a handful of short texts (the shape of the differ fuzzer's
    /// finding): no block unique on both sides, so Myers chooses among equally long alignments,
    /// and must choose the same one whichever version is old.
    @Test func repeatedShortBlocksSwapCleanly() {
        var rng = SeededGenerator(seed: 0x5EED_0005)
        let texts = ["are.", "e", "e version", "12:20", "Share", "Police said the investigation was continuing."]
        func version() -> Article {
            Article(blocks: (0..<Int.random(in: 0...8, using: &rng)).map { _ in
                Block(Bool.random(using: &rng) ? .paragraph : .heading, texts.randomElement(using: &rng)!)
            })
        }
        var failures = 0
        for n in 0..<Self.cases {
            let old = version(), new = version()
            let f = ArticleDiffer.diff(old, new).summary, b = ArticleDiffer.diff(new, old).summary
            let ok = withSidesSwapped(f) == b
            if !ok { failures += 1 }
            #expect(ok, "case \(n): \(old.blocks.map(\.text)) → \(new.blocks.map(\.text)): forward \(f) backward \(b)")
            if failures > 3 { return }
        }
    }

    /// Thousands of blocks drawn from three texts, in random order on both sides: no unique block,
    /// Myers beyond its cap. Must stay correct and fast.
    @Test func repetitiveVersionsStayCorrectAndFast() {
        var rng = SeededGenerator(seed: 0x5EED_0004)
        let texts = ["Share", "12:20", "Police said the investigation was continuing this morning."]
        let old = Article(blocks: (0..<3000).map { _ in Block(.paragraph, texts.randomElement(using: &rng)!) })
        let new = Article(blocks: (0..<3000).map { _ in Block(.paragraph, texts.randomElement(using: &rng)!) })
        let clock = ContinuousClock()
        let start = clock.now
        let diff = ArticleDiffer.diff(old, new)
        #expect(clock.now - start < .seconds(20))
        #expect(invariantProblems(old, new, diff).isEmpty)
    }
}

/// Random live blogs: entries with and without ids and titles, paragraphs from a small vocabulary
/// (so texts repeat and collide), short time lines, key events; and random edits of them.
enum RandomArticles {
    static let vocabulary: [String] = {
        var rng = SeededGenerator(seed: 42)
        let letters = Array("abcdefghijklmnopqrstuvwxyzéß")
        return (0..<300).map { _ in String((0..<Int.random(in: 2...9, using: &rng)).map { _ in letters.randomElement(using: &rng)! }) }
    }()
    static let shortLines = ["12:20", "Share", "Updated", "Read more", "—"]

    static func paragraph(_ rng: inout SeededGenerator) -> String {
        if Int.random(in: 0..<10, using: &rng) == 0 { return shortLines.randomElement(using: &rng)! }
        let count = Int.random(in: 3...25, using: &rng)
        var words = (0..<count).map { _ in vocabulary.randomElement(using: &rng)! }
        if Bool.random(using: &rng) { words[words.count - 1] += "." }
        if Int.random(in: 0..<4, using: &rng) == 0 { words.insert(",", at: Int.random(in: 0..<words.count, using: &rng)) }
        return words.joined(separator: " ")
    }

    static func entry(_ serial: Int, _ rng: inout SeededGenerator) -> Entry {
        let title: String? = Bool.random(using: &rng) ? paragraph(&rng) : nil
        let blocks = (0..<Int.random(in: 0...5, using: &rng)).map { _ in Block(.paragraph, paragraph(&rng)) }
        let id: String? = Int.random(in: 0..<10, using: &rng) < 7 ? "e\(serial)" : nil
        return Entry(id: id, time: nil, title: title, blocks: blocks)
    }

    static func article(_ rng: inout SeededGenerator) -> Article {
        let entries = (0..<Int.random(in: 0...10, using: &rng)).map { entry($0, &rng) }
        let top = (0..<Int.random(in: 0...2, using: &rng)).map { _ in Block(.paragraph, paragraph(&rng)) }
        let events = entries.filter { $0.title != nil && Bool.random(using: &rng) }.map { KeyEvent(id: $0.id, title: $0.title!) }
        return Article(title: "Live", keyEvents: events, blocks: top, entries: entries)
    }

    static func mutate(_ old: Article, _ rng: inout SeededGenerator) -> Article {
        var a = old
        for _ in 0..<Int.random(in: 0...6, using: &rng) {
            let nonEmpty = a.entries.indices.filter { !a.entries[$0].blocks.isEmpty }
            switch Int.random(in: 0..<10, using: &rng) {
            case 0: a.entries.insert(entry(100 + Int.random(in: 0..<1000, using: &rng), &rng), at: 0)
            case 1: if !a.entries.isEmpty { a.entries.remove(at: Int.random(in: 0..<a.entries.count, using: &rng)) }
            case 2, 3:
                if let e = nonEmpty.randomElement(using: &rng) {
                    let k = Int.random(in: 0..<a.entries[e].blocks.count, using: &rng)
                    var words = a.entries[e].blocks[k].text.split(separator: " ").map(String.init)
                    let w = Int.random(in: 0..<words.count, using: &rng)
                    words[w] = vocabulary.randomElement(using: &rng)!
                    a.entries[e].blocks[k].text = words.joined(separator: " ")
                }
            case 4:
                if let e = nonEmpty.randomElement(using: &rng) { a.entries[e].blocks.remove(at: Int.random(in: 0..<a.entries[e].blocks.count, using: &rng)) }
            case 5:
                if let e = a.entries.indices.randomElement(using: &rng) {
                    a.entries[e].blocks.insert(Block(.paragraph, paragraph(&rng)), at: Int.random(in: 0...a.entries[e].blocks.count, using: &rng))
                }
            case 6:
                if let e = nonEmpty.randomElement(using: &rng), let f = a.entries.indices.randomElement(using: &rng) {
                    let block = a.entries[e].blocks.remove(at: Int.random(in: 0..<a.entries[e].blocks.count, using: &rng))
                    a.entries[f].blocks.insert(block, at: Int.random(in: 0...a.entries[f].blocks.count, using: &rng))
                }
            case 7:
                if let e = nonEmpty.filter({ a.entries[$0].blocks.count >= 2 }).randomElement(using: &rng) {
                    let k = Int.random(in: 0..<a.entries[e].blocks.count - 1, using: &rng)
                    a.entries[e].blocks.swapAt(k, k + 1)
                }
            case 8:
                if let e = a.entries.indices.randomElement(using: &rng) { a.entries[e].title = Bool.random(using: &rng) ? paragraph(&rng) : nil }
                if !a.keyEvents.isEmpty, Bool.random(using: &rng) { a.keyEvents[Int.random(in: 0..<a.keyEvents.count, using: &rng)].title += " again" }
            default:
                if let e = nonEmpty.randomElement(using: &rng) {
                    let k = Int.random(in: 0..<a.entries[e].blocks.count, using: &rng)
                    a.entries[e].blocks[k].text = "  " + a.entries[e].blocks[k].text.replacingOccurrences(of: " ", with: "\u{00A0} ") + " "
                }
                if !a.keyEvents.isEmpty, Bool.random(using: &rng) { a.keyEvents.remove(at: Int.random(in: 0..<a.keyEvents.count, using: &rng)) }
            }
        }
        return a
    }
}
