import Foundation
import RedlineModel

/// Diffs built by hand, so the renderers are tested on every kind of change before the real
/// differ produces them.
enum Fixtures {
    static func time(_ text: String) -> Date { Timestamp.parse(text)! }

    static let talksEnd = EntryReference(id: "block-3", time: time("2025-04-23T15:10:00Z"), title: "Talks end without agreement")
    static let lammy = EntryReference(id: "block-2", time: time("2025-04-23T12:30:00Z"), title: "Lammy hosts the talks")
    static let morning = EntryReference(id: "block-1", time: time("2025-04-23T08:05:00Z"), title: nil)

    /// A live blog between two captures: a new entry on top, an edited paragraph, a paragraph
    /// moved (and edited) into the new entry, one moved as it was, a removed one, key events
    /// added, retitled and dropped, and long unchanged runs to collapse.
    static let liveBlog: ArticleDiff = {
        var blocks: [BlockChange] = []
        blocks.append(BlockChange(change: .unchanged, oldIndex: 0, newIndex: 0, oldText: "Russia-Ukraine war live: talks in London",
                                  newText: "Russia-Ukraine war live: talks in London", kind: .heading))
        blocks.append(BlockChange(change: .added, newIndex: 1, newText: "Talks end without agreement", kind: .heading, entry: talksEnd))
        blocks.append(BlockChange(change: .added, newIndex: 2,
                                  newText: "The London talks ended on Wednesday afternoon without agreement, officials said, after the US envoy left early.",
                                  entry: talksEnd))
        blocks.append(BlockChange(
            change: .moved, edited: true, oldIndex: 9, newIndex: 3,
            oldText: "Ukraine may not accept any plan that recognises Crimea as Russian.",
            newText: "Ukraine will not accept any plan that recognises Crimea as Russian, Zelenskyy said.",
            entry: talksEnd,
            words: [.init(.equal, "Ukraine "), .init(.delete, "may"), .init(.insert, "will"),
                    .init(.equal, " not accept any plan that recognises Crimea as "), .init(.delete, "Russian."),
                    .init(.insert, "Russian, Zelenskyy said.")]))
        blocks.append(BlockChange(change: .unchanged, oldIndex: 1, newIndex: 4, oldText: "Lammy hosts the talks",
                                  newText: "Lammy hosts the talks", kind: .heading, entry: lammy))
        for i in 0..<4 {
            let text = "Paragraph \(i) of the Lammy entry, unchanged between the two captures."
            blocks.append(BlockChange(change: .unchanged, oldIndex: 2 + i, newIndex: 5 + i, oldText: text, newText: text, entry: lammy))
        }
        blocks.append(BlockChange(
            change: .edited, edited: true, oldIndex: 6, newIndex: 9,
            oldText: "The foreign secretary will host negotiators from the US and Europe.",
            newText: "The foreign secretary hosted negotiators from the US, France and Germany.",
            entry: lammy,
            words: [.init(.equal, "The foreign secretary "), .init(.delete, "will host"), .init(.insert, "hosted"),
                    .init(.equal, " negotiators from the US"), .init(.delete, " and Europe."),
                    .init(.insert, ", France and Germany.")]))
        blocks.append(BlockChange(change: .removed, oldIndex: 7,
                                  oldText: "Marco Rubio is expected to attend, a state department official said.", entry: lammy))
        blocks.append(BlockChange(change: .moved, oldIndex: 3, newIndex: 10,
                                  oldText: "A list item that changed position.", newText: "A list item that changed position.",
                                  kind: .listItem, entry: lammy))
        blocks.append(BlockChange(change: .unchanged, oldIndex: 8, newIndex: 11, oldText: "Quoted: “We are ready,” he said.",
                                  newText: "Quoted: “We are ready,” he said.", kind: .quote, entry: lammy))
        for i in 0..<3 {
            let text = "Morning paragraph \(i), unchanged."
            blocks.append(BlockChange(change: .unchanged, oldIndex: 10 + i, newIndex: 12 + i, oldText: text, newText: text, entry: morning))
        }
        return ArticleDiff(
            article: "ukraine-talks",
            from: DiffSide(version: 1, commit: "25ca672d572d6d0d9a3b1c2d3e4f5a6b7c8d9e0f", capturedAt: time("2025-04-23T08:00:00Z"),
                           url: "https://www.theguardian.com/world/live/2025/apr/23/ukraine-talks"),
            to: DiffSide(version: 2, commit: "7c9f8753ad4a5580aabbccddeeff00112233445566", capturedAt: time("2025-04-23T16:00:00Z"),
                         url: "https://www.theguardian.com/world/live/2025/apr/23/ukraine-talks"),
            keyEvents: KeyEventChanges(
                added: [KeyEvent(id: "block-3", time: time("2025-04-23T15:10:00Z"), title: "Talks end without agreement")],
                removed: [KeyEvent(id: "block-0", time: time("2025-04-23T07:00:00Z"), title: "Rubio to attend")],
                retitled: [Retitle(id: "block-2", time: time("2025-04-23T12:30:00Z"), oldTitle: "Lammy to host talks",
                                   newTitle: "Lammy hosts the talks")]),
            blocks: blocks)
    }()

    /// An article whose text tries to attack each output: terminal escape sequences (clipboard
    /// write, clear screen, bell), HTML and attribute injection, `javascript:` links, Markdown
    /// links, images, emphasis, table pipes, math and a heading at the start of a line.
    static let hostileText = "Breaking\u{1B}]52;c;cm0gLXJmIH4=\u{07} news\u{1B}[2J<script>alert(1)</script>"
        + "\"><img src=x onerror=alert(2)> [click](javascript:alert(3)) ![x](https://evil.example/t.png) **bold** | $x$ <!-- c -->"
    static let hostileTitle = "# <b onmouseover=alert(4)>Title</b>\u{1B}[31m\r\nred"

    static let hostile: ArticleDiff = {
        let entry = EntryReference(id: "\"><script>alert(5)</script>", time: time("2025-04-23T10:00:00Z"), title: hostileTitle)
        return ArticleDiff(
            article: "hostile",
            from: DiffSide(version: 1, commit: "1111111111111111111111111111111111111111", capturedAt: time("2025-04-23T08:00:00Z"),
                           url: "javascript:alert(6)"),
            to: DiffSide(version: 2, commit: "2222222222222222222222222222222222222222", capturedAt: time("2025-04-23T09:00:00Z"),
                         url: "javascript:alert(6)//\u{1B}[2J"),
            keyEvents: KeyEventChanges(added: [KeyEvent(time: nil, title: hostileTitle)],
                                       removed: [KeyEvent(title: "- \(hostileText)")],
                                       retitled: [Retitle(oldTitle: hostileText, newTitle: hostileTitle)]),
            blocks: [
                BlockChange(change: .added, newIndex: 0, newText: hostileText, kind: .heading, entry: entry),
                BlockChange(change: .removed, oldIndex: 0, oldText: hostileText, entry: entry),
                BlockChange(change: .edited, edited: true, oldIndex: 1, newIndex: 1, oldText: hostileText, newText: hostileText + "!",
                            entry: entry, words: [.init(.equal, hostileText), .init(.delete, "<i>\u{1B}[2J"), .init(.insert, "\"'><svg onload=alert(7)>")]),
                BlockChange(change: .moved, edited: true, oldIndex: 3, newIndex: 2, oldText: hostileText, newText: hostileText,
                            entry: entry, words: [.init(.equal, hostileText), .init(.insert, "\u{1B}]8;;https://evil.example\u{07}link")]),
                BlockChange(change: .unchanged, oldIndex: 2, newIndex: 3, oldText: hostileText, newText: hostileText, entry: entry),
            ])
    }()

    /// Two files compared with `diff --files`: paths instead of versions, no entries, no times.
    static let files = ArticleDiff(
        article: nil,
        from: DiffSide(path: "old/capture.html"),
        to: DiffSide(path: "new/capture.html"),
        blocks: [
            BlockChange(change: .unchanged, oldIndex: 0, newIndex: 0, oldText: "Headline", newText: "Headline", kind: .heading),
            BlockChange(change: .edited, edited: true, oldIndex: 1, newIndex: 1, oldText: "Old text here.", newText: "New text here.",
                        words: [.init(.delete, "Old"), .init(.insert, "New"), .init(.equal, " text here.")]),
            BlockChange(change: .added, newIndex: 2, newText: "An added paragraph at the end."),
        ])

    /// Nothing changed.
    static let unchanged = ArticleDiff(
        article: "quiet",
        from: DiffSide(version: 3, commit: "3333333333333333333333333333333333333333", capturedAt: time("2025-04-23T08:00:00Z")),
        to: DiffSide(version: 4, commit: "4444444444444444444444444444444444444444", capturedAt: time("2025-04-23T09:00:00Z")),
        blocks: [BlockChange(change: .unchanged, oldIndex: 0, newIndex: 0, oldText: "Same.", newText: "Same.")])
}
