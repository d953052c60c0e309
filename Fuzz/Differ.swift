import Foundation
import RedlineExtract
import RedlineModel
@testable import RedlineDiff

/// libFuzzer entry point: the input is split at its first 0xFF byte into two captures (HTML when
/// a side has a tag, text otherwise), each extracted into an article; the diff between them must
/// satisfy the differ's properties, checked with the test suite's own `invariantProblems`:
/// reconstruction (every block once, the new version rebuilt), self-diff (no change) and symmetry
/// (swapping the sides swaps added and removed). Any violation traps.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDiffer(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: start, count: count))
    let cut = bytes.firstIndex(of: 0xFF) ?? bytes.count / 2
    let old = ArticleExtractor.extract(Data(bytes[..<cut])).article
    let new = ArticleExtractor.extract(Data(bytes[min(cut + 1, bytes.count)...])).article

    let forward = ArticleDiffer.diff(old, new)
    let problems = invariantProblems(old, new, forward)
    if !problems.isEmpty { fatalError("reconstruction: \(problems.prefix(3))") }

    let backward = ArticleDiffer.diff(new, old)
    let backProblems = invariantProblems(new, old, backward)
    if !backProblems.isEmpty { fatalError("reconstruction (swapped): \(backProblems.prefix(3))") }
    let f = forward.summary, b = backward.summary
    if !(f.added == b.removed && f.removed == b.added && f.moved == b.moved && f.edited == b.edited
         && f.unchanged == b.unchanged && f.keyEventsAdded == b.keyEventsRemoved
         && f.keyEventsRemoved == b.keyEventsAdded && f.keyEventsRetitled == b.keyEventsRetitled) {
        fatalError("symmetry: forward \(f) backward \(b)")
    }

    for article in [old, new] {
        let same = ArticleDiffer.diff(article, article)
        if same.summary.hasChanges || !same.blocks.allSatisfy({ $0.change == .unchanged && $0.oldIndex == $0.newIndex }) {
            fatalError("self-diff: \(same.summary)")
        }
    }
    return 0
}
