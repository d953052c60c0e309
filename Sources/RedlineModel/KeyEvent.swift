import Foundation

/// An entry the page lists in its key-events (summary) section.
public struct KeyEvent: Sendable, Hashable, Codable {
    /// The id of the entry it points at, when the page gives one.
    public var id: String?
    /// When the entry was published, when known.
    public var time: Date?
    /// The title shown in the key-events list.
    public var title: String

    /// A key event with the given id, time and title.
    public init(id: String? = nil, time: Date? = nil, title: String) {
        self.id = id
        self.time = time
        self.title = title
    }

    private enum CodingKeys: String, CodingKey { case id, time, title }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id)
        time = try Timestamp.decode(c.decodeIfPresent(String.self, forKey: .time))
        title = try c.decode(String.self, forKey: .title)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(time.map(Timestamp.format), forKey: .time)
        try c.encode(title, forKey: .title)
    }
}
