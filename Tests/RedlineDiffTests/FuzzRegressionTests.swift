import RedlineModel
import Testing
@testable import RedlineDiff

/// Inputs the differ fuzzer (Fuzz/Differ.swift) found; each replays one finding as two articles.
struct FuzzRegressionTests {
    /// Fuzz/regressions/differ-symmetry-moved-vs-edited, as extracted: forward, the short "e"
    /// is edited into "e version" and the first "are." removed; backward, the same pair is not
    /// matched (2 added, 1 removed, no edit). Reconstruction holds both ways; only symmetry fails.
    /// Open: alignment of repeated short blocks depends on the direction (docs/RELIABILITY.md).
    @Test func repeatedShortBlocksDiffTheSameBothWays() {
        let old = Article(blocks: [Block(.paragraph, "are."), Block(.heading, "e version"), Block(.paragraph, "are."), Block(.paragraph, "e")])
        let new = Article(blocks: [Block(.heading, "e version"), Block(.paragraph, "are."), Block(.paragraph, "e version")])
        let forward = ArticleDiffer.diff(old, new), backward = ArticleDiffer.diff(new, old)
        #expect(invariantProblems(old, new, forward).isEmpty)
        #expect(invariantProblems(new, old, backward).isEmpty)
        let f = forward.summary, b = backward.summary
        withKnownIssue("the differ pairs repeated short blocks differently in each direction") {
            #expect(f.added == b.removed && f.removed == b.added && f.edited == b.edited && f.moved == b.moved,
                    "forward \(f) backward \(b)")
        }
    }
}
