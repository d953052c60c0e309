import RedlineModel
@testable import RedlineRender
import Testing

struct FieldNotesTests {
    /// Sixteen entries whose authors changed at once are one note, not sixteen.
    @Test func repeatedFieldChangesAreCounted() {
        let authors = (0..<16).map { FieldChange(field: .entryAuthor, change: .edited, oldText: "A", newText: "B", entry: EntryReference(id: "e\($0)")) }
        let notes = FieldNotes.notes([FieldChange(field: .byline, change: .edited, oldText: "A", newText: "B")] + authors
                                     + [FieldChange(field: .entryTime, change: .added, newText: "10:00", entry: EntryReference(id: "e3"))])
        #expect(notes == ["byline edited", "16 entry authors edited", "entry time added"])
    }
}
