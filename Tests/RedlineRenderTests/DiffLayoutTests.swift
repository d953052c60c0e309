import RedlineModel
@testable import RedlineRender
import Testing

@Suite struct DiffLayoutTests {
    static func same(_ i: Int, entry: EntryReference? = nil) -> BlockChange {
        BlockChange(change: .unchanged, oldIndex: i, newIndex: i, oldText: "s\(i)", newText: "s\(i)", entry: entry)
    }

    static func shape(_ layout: DiffLayout) -> [String] {
        layout.items.map { item in
            switch item {
            case .entry(let entry): "@\(entry?.title ?? "-")"
            case .change(let block): "\(block.change.rawValue)\(block.newIndex ?? block.oldIndex ?? -1)"
            case .context(let block): "=\(block.newIndex!)"
            case .skipped(let count): "…\(count)"
            case .movedAway(let block): "away\(block.oldIndex!)"
            }
        }
    }

    @Test func collapsesLongUnchangedRunsAroundContext() {
        var blocks = (0..<3).map { Self.same($0) }
        blocks.append(BlockChange(change: .added, newIndex: 3, newText: "new"))
        blocks += (4..<8).map { Self.same($0) }
        blocks.append(BlockChange(change: .edited, edited: true, oldIndex: 8, newIndex: 8, oldText: "a", newText: "b"))
        let diff = ArticleDiff(blocks: blocks)
        #expect(Self.shape(DiffLayout(diff, context: 1)) == ["…2", "=2", "added3", "=4", "…2", "=7", "edited8"])
        #expect(Self.shape(DiffLayout(diff, context: 0)) == ["…3", "added3", "…4", "edited8"])
        #expect(Self.shape(DiffLayout(diff, context: 3)) == ["=0", "=1", "=2", "added3", "=4", "=5", "=6", "=7", "edited8"])
    }

    @Test func namesTheEntryWhereTheShownBlocksPassIntoANewOne() {
        let a = EntryReference(title: "A"), b = EntryReference(title: "B")
        let blocks = [Self.same(0), BlockChange(change: .added, newIndex: 1, newText: "x", entry: a), Self.same(2, entry: a),
                      Self.same(3, entry: b), BlockChange(change: .removed, oldIndex: 4, oldText: "y", entry: b)]
        #expect(Self.shape(DiffLayout(ArticleDiff(blocks: blocks), context: 1)) == ["=0", "@A", "added1", "=2", "@B", "=3", "removed4"])
    }

    @Test func aMovedBlockLeavesAMarkWhereItStood() {
        let blocks = [BlockChange(change: .moved, oldIndex: 7, newIndex: 2, oldText: "m", newText: "m"),
                      BlockChange(change: .unchanged, oldIndex: 5, newIndex: 3, oldText: "a", newText: "a"),
                      BlockChange(change: .unchanged, oldIndex: 8, newIndex: 4, oldText: "b", newText: "b")]
        let diff = ArticleDiff(blocks: blocks)
        #expect(Self.shape(DiffLayout(diff, context: 1, movedAway: true)) == ["moved2", "=3", "away7", "=4"])
        #expect(Self.shape(DiffLayout(diff, context: 1)) == ["moved2", "=3", "…1"])
    }

    @Test func everyAnchorInTheHTMLHasItsTarget() {
        let page = DiffHTML.render(Fixtures.liveBlog)
        let ids = Set(page.matches(of: try! Regex(#"id="([^"]+)""#)).map { String(page[$0.range].dropFirst(4).dropLast()) })
        let links = page.matches(of: try! Regex(##"href="#([^"]+)""##)).map { String(page[$0.range].dropFirst(7).dropLast()) }
        #expect(links.count == 4, "two moved blocks, each linked both ways")
        for link in links { #expect(ids.contains(link), "dangling link #\(link)") }
    }
}
