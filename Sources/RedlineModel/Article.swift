/// What redline thinks a captured page says: its headline, standfirst, byline, key events,
/// the blocks outside any entry, and the live blog's entries in page order.
public struct Article: Sendable, Hashable, Codable {
    /// The schema of the JSON form (`extract`/`show --format json`).
    public static let schemaVersion = 1

    /// The headline.
    public var title: String?
    /// The summary under the headline.
    public var standfirst: String?
    /// Who wrote it.
    public var byline: String?
    /// Where the page says it lives (its canonical URL), when it says.
    public var url: String?
    /// The page's key-events list.
    public var keyEvents: [KeyEvent]
    /// Blocks that stand outside any entry; an ordinary article has only these.
    public var blocks: [Block]
    /// A live blog's entries in page order (newest first on most live blogs).
    public var entries: [Entry]

    /// An article with the given parts.
    public init(
        title: String? = nil, standfirst: String? = nil, byline: String? = nil, url: String? = nil,
        keyEvents: [KeyEvent] = [], blocks: [Block] = [], entries: [Entry] = []
    ) {
        self.title = title
        self.standfirst = standfirst
        self.byline = byline
        self.url = url
        self.keyEvents = keyEvents
        self.blocks = blocks
        self.entries = entries
    }

    /// True when nothing at all was extracted.
    public var isEmpty: Bool {
        title == nil && standfirst == nil && keyEvents.isEmpty && positionedBlockCount == 0
    }

    private enum CodingKeys: String, CodingKey {
        case schemaVersion, title, standfirst, byline, url, keyEvents, blocks, entries
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        standfirst = try c.decodeIfPresent(String.self, forKey: .standfirst)
        byline = try c.decodeIfPresent(String.self, forKey: .byline)
        url = try c.decodeIfPresent(String.self, forKey: .url)
        keyEvents = try c.decodeIfPresent([KeyEvent].self, forKey: .keyEvents) ?? []
        blocks = try c.decodeIfPresent([Block].self, forKey: .blocks) ?? []
        entries = try c.decodeIfPresent([Entry].self, forKey: .entries) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.schemaVersion, forKey: .schemaVersion)
        try c.encode(title, forKey: .title)
        try c.encode(standfirst, forKey: .standfirst)
        try c.encode(byline, forKey: .byline)
        try c.encode(url, forKey: .url)
        try c.encode(keyEvents, forKey: .keyEvents)
        try c.encode(blocks, forKey: .blocks)
        try c.encode(entries, forKey: .entries)
    }
}
