import Foundation

/// What changed among an article's key events.
public struct KeyEventChanges: Sendable, Hashable {
    /// Key events new in the list.
    public var added: [KeyEvent]
    /// Key events no longer in the list.
    public var removed: [KeyEvent]
    /// Key events still listed under a new title.
    public var retitled: [Retitle]

    /// Changes with the given lists.
    public init(added: [KeyEvent] = [], removed: [KeyEvent] = [], retitled: [Retitle] = []) {
        self.added = added
        self.removed = removed
        self.retitled = retitled
    }

    /// True when the key events did not change.
    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && retitled.isEmpty }
}

/// A key event whose title changed.
public struct Retitle: Sendable, Hashable {
    /// The entry's id, when the page gives one.
    public var id: String?
    /// When the entry was published, when known.
    public var time: Date?
    /// The title before.
    public var oldTitle: String
    /// The title after.
    public var newTitle: String

    /// A retitle with the given fields.
    public init(id: String? = nil, time: Date? = nil, oldTitle: String, newTitle: String) {
        self.id = id
        self.time = time
        self.oldTitle = oldTitle
        self.newTitle = newTitle
    }
}
