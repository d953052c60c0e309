import RedlineModel
import Testing
@testable import RedlineDiff

/// Inputs the differ fuzzer (Fuzz/Differ.swift) found; each replays one finding as two articles.
struct FuzzRegressionTests {
    /// Diffs `old` with `new` and back: both diffs sound, the second the first with its sides swapped.
    private func expectTheSameBothWays(_ old: Article, _ new: Article) {
        let forward = ArticleDiffer.diff(old, new), backward = ArticleDiffer.diff(new, old)
        #expect(invariantProblems(old, new, forward).isEmpty)
        #expect(invariantProblems(new, old, backward).isEmpty)
        #expect(withSidesSwapped(forward.summary) == backward.summary,
                "forward \(forward.summary) backward \(backward.summary)")
    }

    /// Fuzz/regressions/differ-symmetry-moved-vs-edited, as extracted. No block is unique on both
    /// sides, so Myers aligns them and has two longest common subsequences to choose from; it
    /// used to choose by direction (forward "e" edited into "e version"; backward 2 added and 1
    /// removed). Regions are now aligned from the same side whichever version is old.
    @Test func repeatedShortBlocksDiffTheSameBothWays() {
        let old = Article(blocks: [Block(.paragraph, "are."), Block(.heading, "e version"), Block(.paragraph, "are."), Block(.paragraph, "e")])
        let new = Article(blocks: [Block(.heading, "e version"), Block(.paragraph, "are."), Block(.paragraph, "e version")])
        expectTheSameBothWays(old, new)
    }

    /// Fuzz/regressions/differ-symmetry-candidate-search, as extracted. Fuzzy candidates were
    /// looked up one way only (new blocks in an index of old ones, the best six each), so the
    /// short "e" was paired with the new paragraph forward (8 removed, 1 edited) but, backward,
    /// the pairing came out different. Both sides are now looked up in the other's index.
    @Test func fuzzyCandidatesAreFoundBothWays() {
        let headings = ["\u{03}", "n", "x", "b", "E", "x", "E", "e"].map { Block(.heading, $0) }
        let old = Article(blocks: headings + [Block(.paragraph, "\u{02}")])
        let new = Article(blocks: [Block(.paragraph, "n\u{01}i\u{00}e v")])
        expectTheSameBothWays(old, new)
    }
}
