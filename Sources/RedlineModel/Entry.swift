import Foundation

/// One post of a live blog: its time stamp, title, author and blocks.
public struct Entry: Sendable, Hashable, Codable {
    /// The page's own id for the entry (`block-…` anchors, `liveBlogUpdate` urls), when it gives one.
    public var id: String?
    /// When the entry was published, when known.
    public var time: Date?
    /// The entry's headline, when it has one.
    public var title: String?
    /// Who wrote it, when the page says.
    public var author: String?
    /// The entry's text, in reading order.
    public var blocks: [Block]

    /// An entry with the given fields.
    public init(id: String? = nil, time: Date? = nil, title: String? = nil, author: String? = nil, blocks: [Block] = []) {
        self.id = id
        self.time = time
        self.title = title
        self.author = author
        self.blocks = blocks
    }

    private enum CodingKeys: String, CodingKey { case id, time, title, author, blocks }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id)
        time = try Timestamp.decode(c.decodeIfPresent(String.self, forKey: .time))
        title = try c.decodeIfPresent(String.self, forKey: .title)
        author = try c.decodeIfPresent(String.self, forKey: .author)
        blocks = try c.decodeIfPresent([Block].self, forKey: .blocks) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(time.map(Timestamp.format), forKey: .time)
        try c.encode(title, forKey: .title)
        try c.encode(author, forKey: .author)
        try c.encode(blocks, forKey: .blocks)
    }
}
