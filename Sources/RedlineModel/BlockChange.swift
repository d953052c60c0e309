import Foundation

/// What happened to one block between two versions.
public struct BlockChange: Sendable, Hashable {
    /// The kind of change; `moved` blocks may also be edited (see ``edited``).
    public enum Change: String, Sendable, Hashable, CaseIterable {
        case unchanged, added, removed, edited, moved
    }

    /// The kind of change.
    public var change: Change
    /// True for every edited block and for moved blocks whose text also changed.
    public var edited: Bool
    /// The block's position in the old version, nil for added blocks.
    public var oldIndex: Int?
    /// The block's position in the new version, nil for removed blocks.
    public var newIndex: Int?
    /// The block's text in the old version, nil for added blocks.
    public var oldText: String?
    /// The block's text in the new version, nil for removed blocks.
    public var newText: String?
    /// The block's kind (in the new version when it has one there).
    public var kind: Block.Kind
    /// The entry the block belongs to (in the new version when it has one there).
    public var entry: EntryReference?
    /// The word-by-word change, present whenever `edited` is true.
    public var words: [WordChange]?

    /// A block change with the given fields (inlinable: the differ makes one per block, and
    /// built in place it needs no copy of its strings).
    @inlinable
    public init(change: Change, edited: Bool = false, oldIndex: Int? = nil, newIndex: Int? = nil,
                oldText: String? = nil, newText: String? = nil, kind: Block.Kind = .paragraph,
                entry: EntryReference? = nil, words: [WordChange]? = nil) {
        self.change = change
        self.edited = edited
        self.oldIndex = oldIndex
        self.newIndex = newIndex
        self.oldText = oldText
        self.newText = newText
        self.kind = kind
        self.entry = entry
        self.words = words
    }
}

/// The entry a block belongs to, as a diff names it.
public struct EntryReference: Sendable, Hashable {
    /// The page's id for the entry, when it gives one.
    public var id: String?
    /// When the entry was published, when known.
    public var time: Date?
    /// The entry's title, when it has one.
    public var title: String?

    /// A reference with the given fields.
    public init(id: String? = nil, time: Date? = nil, title: String? = nil) {
        self.id = id
        self.time = time
        self.title = title
    }

    /// The reference to `entry`.
    public init(_ entry: Entry) {
        self.init(id: entry.id, time: entry.time, title: entry.title)
    }
}

/// One run of a word-by-word change inside an edited block.
public struct WordChange: Sendable, Hashable {
    /// Whether the run is kept, taken out or put in.
    public enum Operation: String, Sendable, Hashable {
        case equal, delete, insert
    }

    /// Whether the run is kept, taken out or put in.
    public var op: Operation
    /// The run's text, white space included.
    public var text: String

    /// A run of `text`.
    public init(_ op: Operation, _ text: String) {
        self.op = op
        self.text = text
    }
}
