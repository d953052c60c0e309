import RedlineCorpus
import Foundation
import Testing
import RedlineModel
@testable import RedlineDiff

/// Small, readable cases with exact expectations; each file's worked example is one of them.
struct ArticleDifferExampleTests {
    let a = "Police said the two men arrested on Sunday remain in custody in east London."
    let b = "The prime minister will chair a meeting of the Cobra emergency committee later today."
    let c = "Witnesses described a van mounting the pavement on London Bridge at speed."

    @Test func wordDiffSnapsToWordsAndJoinsAChangeSplitByOneSpace() {
        let old = Article(blocks: [Block(.paragraph, "Ukraine may not accept the plan.")])
        let new = Article(blocks: [Block(.paragraph, "Ukraine will never accept the plan.")])
        let diff = ArticleDiffer.diff(old, new)
        #expect(diff.blocks.count == 1)
        #expect(diff.blocks[0].change == .edited)
        #expect(diff.blocks[0].words == [WordChange(.equal, "Ukraine "), WordChange(.delete, "may not"),
                                         WordChange(.insert, "will never"), WordChange(.equal, " accept the plan.")])
    }

    @Test func fieldsAreChangesWordByWord() {
        let old = Article(title: "Talks in London end", standfirst: "Negotiators meet", blocks: [Block(.paragraph, a)])
        let new = Article(title: "Talks collapse", byline: "Dan Sabbagh", blocks: [Block(.paragraph, a)])
        let diff = ArticleDiffer.diff(old, new)
        let words = try? #require(diff.fields.first?.words)
        #expect(words?.filter { $0.op != .insert }.map(\.text).joined() == "Talks in London end")
        #expect(words?.filter { $0.op != .delete }.map(\.text).joined() == "Talks collapse")
        #expect(words?.first == WordChange(.equal, "Talks "))
        #expect(diff.fields.map { FieldChange(field: $0.field, change: $0.change, oldText: $0.oldText, newText: $0.newText) } == [
            FieldChange(field: .title, change: .edited, oldText: "Talks in London end", newText: "Talks collapse"),
            FieldChange(field: .standfirst, change: .removed, oldText: "Negotiators meet"),
            FieldChange(field: .byline, change: .added, newText: "Dan Sabbagh"),
        ])
        #expect(diff.summary.fieldsChanged == 3 && diff.summary.headlineChanged)
        #expect(diff.blocks.map(\.change) == [.unchanged])
        // White space alone is no change.
        #expect(ArticleDiffer.diff(Article(title: "Talks  end"), Article(title: "Talks end\n")).fields.isEmpty)
    }

    @Test func anEntrysTimeAndAuthorAreFieldsOfThatEntry() {
        let ten = Date(timeIntervalSince1970: 36_000)
        let old = Article(entries: [Entry(id: "block-1", time: ten, author: "A. Writer", blocks: [Block(.paragraph, a)]),
                                    Entry(time: ten, author: "B. Writer", blocks: [Block(.paragraph, b), Block(.paragraph, c)])])
        let new = Article(entries: [Entry(id: "block-1", time: ten.addingTimeInterval(300), author: "A. Writer", blocks: [Block(.paragraph, a)]),
                                    Entry(time: ten, author: "C. Writer", blocks: [Block(.paragraph, b), Block(.paragraph, c)])])
        let fields = ArticleDiffer.diff(old, new).fields
        #expect(fields.map(\.field) == [.entryTime, .entryAuthor])
        #expect(fields[0].oldText == "1970-01-01T10:00:00Z" && fields[0].newText == "1970-01-01T10:05:00Z")
        #expect(fields[0].entry?.id == "block-1")
        #expect(fields[1].oldText == "B. Writer" && fields[1].newText == "C. Writer")
    }

    /// Found by the quality suite (BBC blog, no ids): entries whose one paragraph repeats their
    /// title are repeated blocks, so the only unique one, a paragraph moved up past them, anchored
    /// the alignment, and the four repeated blocks were reported moved instead of it.
    @Test func aUniqueParagraphMovedPastRepeatedBlocksIsTheOneMove() {
        let moved = "Thirty families were evacuated in East Tilbury."
        let old = Article(entries: [
            Entry(title: "Southend United v Gillingham", blocks: [Block(.paragraph, "Southend United v Gillingham")]),
            Entry(title: "Forest Green Rovers v Colchester", blocks: [Block(.paragraph, "Forest Green Rovers v Colchester")]),
            Entry(blocks: [Block(.paragraph, moved), Block(.paragraph, b)]),
        ])
        var new = old
        new.entries[2].blocks.removeFirst()
        new.entries[0].blocks.insert(Block(.paragraph, moved), at: 0)
        let diff = ArticleDiffer.diff(old, new)
        #expect(diff.blocks.map(\.change) == [.unchanged, .moved, .unchanged, .unchanged, .unchanged, .unchanged])
        #expect(diff.blocks[1].oldIndex == 4 && diff.blocks[1].newIndex == 1)
        #expect(invariantProblems(old, new, diff).isEmpty)
    }

    @Test func entriesAddedOnTopAreNotMoves() {
        let e1 = Entry(id: "e1", title: "Talks begin", blocks: [Block(.paragraph, a)])
        let e2 = Entry(id: "e2", blocks: [Block(.paragraph, b), Block(.paragraph, c)])
        let e0 = Entry(id: "e0", title: "Talks end", blocks: [Block(.paragraph, "No agreement was reached after six hours.")])
        for stripIDs in [false, true] {
            var old = Article(entries: [e1, e2]), new = Article(entries: [e0, e1, e2])
            if stripIDs {
                for k in old.entries.indices { old.entries[k].id = nil }
                for k in new.entries.indices { new.entries[k].id = nil }
            }
            let diff = ArticleDiffer.diff(old, new)
            #expect(diff.blocks.map(\.change) == [.added, .added, .unchanged, .unchanged, .unchanged, .unchanged])
            #expect(diff.blocks[2].oldIndex == 0 && diff.blocks[2].newIndex == 2)
        }
    }

    /// An entry pinned to the top moves whole, its short title too: the title (under the 20
    /// letters a line needs to be called moved on its own) read as removed and added, and
    /// `--fail-on edits` failed on a page where nothing published had changed (the sixteenth
    /// session's newcomer trial).
    @Test func anEntryPinnedToTheTopMovesWithItsShortTitle() {
        let e1 = Entry(id: "e1", title: "Landfall", blocks: [Block(.paragraph, a), Block(.paragraph, b)])
        let e2 = Entry(id: "e2", title: "Warnings", blocks: [Block(.paragraph, c)])
        let e3 = Entry(id: "e3", title: "Power cuts", blocks: [Block(.paragraph, "About 40,000 homes are without power in Cornwall tonight.")])
        let diff = ArticleDiffer.diff(Article(entries: [e3, e2, e1]), Article(entries: [e1, e3, e2]))
        #expect(!diff.blocks.contains { $0.change == .added || $0.change == .removed }, "\(diff.blocks.map(\.change))")
        #expect(diff.blocks.filter { $0.change == .moved }.count == 3)
        #expect(!diff.hasEdits)
        #expect(invariantProblems(Article(entries: [e3, e2, e1]), Article(entries: [e1, e3, e2]), diff).isEmpty)
    }

    @Test func aParagraphMovedToAnotherEntryAndEditedIsOneMove() {
        let edited = "Police said the three men arrested on Sunday remain in custody in east London."
        let old = Article(entries: [Entry(id: "e1", title: "Arrests", blocks: [Block(.paragraph, a), Block(.paragraph, b)]),
                                    Entry(id: "e2", title: "Attack", blocks: [Block(.paragraph, c)])])
        let new = Article(entries: [Entry(id: "e1", title: "Arrests", blocks: [Block(.paragraph, b)]),
                                    Entry(id: "e2", title: "Attack", blocks: [Block(.paragraph, c), Block(.paragraph, edited)])])
        let diff = ArticleDiffer.diff(old, new)
        let moved = diff.blocks.filter { $0.change == .moved }
        #expect(moved.count == 1)
        #expect(moved.first?.edited == true && moved.first?.oldIndex == 1 && moved.first?.newIndex == 4)
        #expect(moved.first?.entry?.id == "e2")
        #expect(moved.first?.words?.contains(WordChange(.delete, "two")) == true)
        #expect(moved.first?.words?.contains(WordChange(.insert, "three")) == true)
        #expect(diff.summary.added == 0 && diff.summary.removed == 0 && diff.summary.unchanged == 4)
    }

    @Test func shortLinesSuchAsTimesAreNeverMoves() {
        let old = Article(blocks: [Block(.paragraph, "12:20"), Block(.paragraph, a), Block(.paragraph, b)])
        let new = Article(blocks: [Block(.paragraph, b), Block(.paragraph, "12:20"), Block(.paragraph, a)])
        let diff = ArticleDiffer.diff(old, new)
        #expect(!diff.blocks.contains { $0.change == .moved && ($0.newText ?? "").count < 20 })
        // The anchors keep the most text in place (b); a moves; the time line is removed and added.
        #expect(diff.blocks.filter { $0.change == .moved }.map(\.newText) == [a])
        #expect(diff.blocks.filter { $0.newText == "12:20" || $0.oldText == "12:20" }.map(\.change) == [.removed, .added])
    }

    @Test func swappedNeighboursAreOneMove() {
        let old = Article(blocks: [Block(.paragraph, a), Block(.paragraph, b), Block(.paragraph, c)])
        let new = Article(blocks: [Block(.paragraph, b), Block(.paragraph, a), Block(.paragraph, c)])
        let diff = ArticleDiffer.diff(old, new)
        #expect(diff.summary.moved == 1 && diff.summary.unchanged == 2 && diff.summary.edited == 0)
    }

    @Test func keyEventsAreRetitledNotRemovedAndAdded() {
        let time = Date(timeIntervalSince1970: 1_496_530_000)
        let old = Article(keyEvents: [KeyEvent(id: "k1", time: time, title: "Talks begin"),
                                      KeyEvent(time: time.addingTimeInterval(60), title: "Minister resigns over leak"),
                                      KeyEvent(id: "k3", title: "Polls close")])
        let new = Article(keyEvents: [KeyEvent(title: "Talks end without agreement"),
                                      KeyEvent(id: "k1", time: time, title: "Talks begin in London"),
                                      KeyEvent(time: time.addingTimeInterval(60), title: "Minister resigns over leaked memo")])
        let changes = ArticleDiffer.diff(old, new).keyEvents
        #expect(changes.added.map(\.title) == ["Talks end without agreement"])
        #expect(changes.removed.map(\.title) == ["Polls close"])
        #expect(changes.retitled.map(\.newTitle) == ["Talks begin in London", "Minister resigns over leaked memo"])
    }

    @Test func whiteSpaceOnlyChangesAreNoChange() {
        let old = Article(entries: [Entry(title: "12:20", blocks: [Block(.paragraph, a), Block(.paragraph, "Share")])])
        let new = Article(entries: [Entry(title: " 12:20", blocks: [Block(.paragraph, a.replacingOccurrences(of: " ", with: "  ")),
                                                                   Block(.paragraph, "Share\u{00A0}")])])
        let diff = ArticleDiffer.diff(old, new)
        #expect(!diff.summary.hasChanges)
        #expect(diff.blocks.map(\.oldIndex) == [0, 1, 2])
    }

    @Test func aHugeEditAboveTheWorkCapIsShownReplacedWhole() {
        var rng = SeededGenerator(seed: 9)
        let words = (0..<3000).map { _ in RandomArticles.vocabulary.randomElement(using: &rng)! }
        let changed = words.enumerated().map { $0.offset % 2 == 0 ? $0.element : "x\($0.offset)" }
        let oldText = words.joined(separator: " "), newText = changed.joined(separator: " ")
        let diff = ArticleDiffer.diff(Article(blocks: [Block(.paragraph, oldText)]), Article(blocks: [Block(.paragraph, newText)]))
        #expect(diff.blocks.count == 1 && diff.blocks[0].change == .edited)
        #expect(diff.blocks[0].words == [WordChange(.delete, oldText), WordChange(.insert, newText)])
    }
}
