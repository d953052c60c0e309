/// A change to one of the article's fields (headline, standfirst, byline) or to an entry's time or
/// author.
///
///     old title "Talks in London end" → new title "Talks collapse"
///     → FieldChange(field: .title, change: .edited, oldText: "Talks in London end", newText: "Talks collapse")
public struct FieldChange: Sendable, Hashable {
    /// Which field changed.
    public enum Field: String, Sendable, Hashable, CaseIterable {
        case title, standfirst, byline, entryTime, entryAuthor

        /// The article's own fields, as `blame` shows them.
        public static let ofTheArticle: [Field] = [.title, .standfirst, .byline]

        /// The field's name in prose: "headline", "standfirst", "byline", "entry time", "entry author".
        public var label: String {
            switch self {
            case .title: "headline"
            case .standfirst: "standfirst"
            case .byline: "byline"
            case .entryTime: "entry time"
            case .entryAuthor: "entry author"
            }
        }

        /// The label as a heading: "Headline", "Entry time" …
        public var heading: String {
            label.prefix(1).uppercased() + label.dropFirst()
        }
    }

    /// Whether the field appeared, went, or changed its text.
    public enum Change: String, Sendable, Hashable {
        case added, removed, edited
    }

    /// Which field changed.
    public var field: Field
    /// Whether it appeared, went, or changed.
    public var change: Change
    /// The text before, nil when it was added.
    public var oldText: String?
    /// The text after, nil when it was removed.
    public var newText: String?
    /// The entry whose time or author changed (in the new version); nil for the article's fields.
    public var entry: EntryReference?
    /// The word-by-word change, present for `edited`.
    public var words: [WordChange]?

    /// A field change with the given parts.
    public init(field: Field, change: Change, oldText: String? = nil, newText: String? = nil,
                entry: EntryReference? = nil, words: [WordChange]? = nil) {
        self.field = field
        self.change = change
        self.oldText = oldText
        self.newText = newText
        self.entry = entry
        self.words = words
    }
}

extension Article {
    /// The text of one of the article's own fields; nil for an entry's.
    public func text(of field: FieldChange.Field) -> String? {
        switch field {
        case .title: title
        case .standfirst: standfirst
        case .byline: byline
        case .entryTime, .entryAuthor: nil
        }
    }
}
