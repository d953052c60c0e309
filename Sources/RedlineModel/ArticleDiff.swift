import Foundation

/// The change between two versions of an article: the one result model every renderer reads.
public struct ArticleDiff: Sendable, Hashable {
    /// The schema of the JSON form (`diff --format json`).
    public static let schemaVersion = 1

    /// The article's slug, nil for `diff --files`.
    public var article: String?
    /// The older side.
    public var from: DiffSide
    /// The newer side.
    public var to: DiffSide
    /// The headline, standfirst, byline and entry times and authors that changed.
    public var fields: [FieldChange]
    /// What changed among the key events.
    public var keyEvents: KeyEventChanges
    /// Every block of both versions exactly once, in the new version's order, with removed
    /// blocks where they stood.
    public var blocks: [BlockChange]

    /// A diff with the given parts.
    public init(article: String? = nil, from: DiffSide = DiffSide(), to: DiffSide = DiffSide(),
                fields: [FieldChange] = [], keyEvents: KeyEventChanges = KeyEventChanges(), blocks: [BlockChange] = []) {
        self.article = article
        self.from = from
        self.to = to
        self.fields = fields
        self.keyEvents = keyEvents
        self.blocks = blocks
    }

    /// The counts of each kind of change.
    public var summary: ChangeSummary {
        var summary = ChangeSummary()
        for block in blocks {
            switch block.change {
            case .unchanged: summary.unchanged += 1
            case .added: summary.added += 1
            case .removed: summary.removed += 1
            case .edited: summary.edited += 1
            case .moved: summary.moved += 1
            }
        }
        summary.keyEventsAdded = keyEvents.added.count
        summary.keyEventsRemoved = keyEvents.removed.count
        summary.keyEventsRetitled = keyEvents.retitled.count
        summary.fieldsChanged = fields.count
        summary.headlineChanged = headlineChanged
        return summary
    }
}

/// One side of a diff: a stored version, or a file for `diff --files`.
public struct DiffSide: Sendable, Hashable {
    /// The version number, nil for a file.
    public var version: Int?
    /// The commit id, nil for a file.
    public var commit: String?
    /// When the version was captured.
    public var capturedAt: Date?
    /// Where it was captured from.
    public var url: String?
    /// The file's path, for `diff --files`.
    public var path: String?

    /// A side with the given fields.
    public init(version: Int? = nil, commit: String? = nil, capturedAt: Date? = nil, url: String? = nil, path: String? = nil) {
        self.version = version
        self.commit = commit
        self.capturedAt = capturedAt
        self.url = url
        self.path = path
    }
}
