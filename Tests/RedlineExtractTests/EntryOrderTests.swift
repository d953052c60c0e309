import Testing
import RedlineModel
@testable import RedlineExtract

/// Entries in page order also when an update the data lists is not in the markup (found by a
/// newcomer trial: an entry shown only in the markup went last, and read as removed and added).
struct EntryOrderTests {
    @Test func entriesTheMarkupShowsStayWhereTheyAre() {
        func entry(_ title: String) -> Entry { Entry(title: title) }
        // The data's A (element 5), B (not in the markup), C (element 2); then D, shown only in the markup (element 1).
        let ordered = MarkupEntryMatching.inPageOrder([(5, entry("A")), (nil, entry("B")), (2, entry("C")), (1, entry("D"))])
        #expect(ordered.map(\.entry.title) == ["D", "C", "A", "B"])
        let first = MarkupEntryMatching.inPageOrder([(nil, entry("B")), (7, entry("A")), (3, entry("C"))])
        #expect(first.map(\.entry.title) == ["B", "C", "A"])
    }
}
