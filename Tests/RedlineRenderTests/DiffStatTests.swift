import RedlineModel
import RedlineDiff
@testable import RedlineRender
import Testing

struct DiffStatTests {
    /// A block moved and edited counts once, as moved, and its edit is said beside the count: the
    /// stat read "edited 0" while `--fail-on edits` failed (the sixteenth session's newcomer trial).
    @Test func aBlockMovedAndEditedIsSaidToBeEdited() {
        let texts = ["The council voted nine to two on Tuesday night to approve the footbridge.",
                     "Construction is expected to begin in the spring and take eighteen months.",
                     "Opponents said the bridge would spoil the view from the old town walls.",
                     "A public consultation last year drew more than three thousand responses, most in favour.",
                     "The mayor said the first stone would be laid before the summer holidays."]
        let old = Article(title: "Footbridge approved", blocks: texts.map { Block(.paragraph, $0) })
        var moved = texts
        moved.insert(moved.remove(at: 3).replacingOccurrences(of: "three thousand", with: "3,000"), at: 0)
        let diff = ArticleDiffer.diff(old, Article(title: "Footbridge approved", blocks: moved.map { Block(.paragraph, $0) }))
        let stat = DiffStat.render(diff)
        #expect(stat.contains(" moved     | 1 > (1 also edited)\n"), "\(stat)")
        #expect(stat.contains(" edited    | 0\n"), "\(stat)")
        let unedited = DiffStat.render(ArticleDiffer.diff(old, Article(title: "Footbridge approved", blocks: [texts[3]] .map { Block(.paragraph, $0) }
            + texts.enumerated().filter { $0.offset != 3 }.map { Block(.paragraph, $0.element) })))
        #expect(!unedited.contains("also edited"), "\(unedited)")
    }
}
