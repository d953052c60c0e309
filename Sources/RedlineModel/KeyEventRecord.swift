import Foundation

/// One key event across an article's whole history, as `redline events` shows it.
public struct KeyEventRecord: Sendable, Hashable {
    /// A change of title while the event stayed listed.
    public struct Retitle: Sendable, Hashable {
        /// The version that shows the new title.
        public var version: Int
        /// When that version was captured.
        public var at: Date
        /// The title before.
        public var oldTitle: String
        /// The title after.
        public var newTitle: String

        /// A retitle with the given fields.
        public init(version: Int, at: Date, oldTitle: String, newTitle: String) {
            self.version = version
            self.at = at
            self.oldTitle = oldTitle
            self.newTitle = newTitle
        }
    }

    /// The entry's id, when the page gives one.
    public var id: String?
    /// The entry's time, when known.
    public var time: Date?
    /// The title it had when it was last listed.
    public var title: String
    /// The version in which it first appeared.
    public var firstVersion: Int
    /// When that version was captured.
    public var firstSeenAt: Date
    /// Its changes of title, oldest first.
    public var retitles: [Retitle]
    /// The version from which it was no longer listed, nil while it is.
    public var droppedVersion: Int?
    /// When that version was captured.
    public var droppedAt: Date?

    /// A record with the given fields.
    public init(id: String? = nil, time: Date? = nil, title: String, firstVersion: Int, firstSeenAt: Date,
                retitles: [Retitle] = [], droppedVersion: Int? = nil, droppedAt: Date? = nil) {
        self.id = id
        self.time = time
        self.title = title
        self.firstVersion = firstVersion
        self.firstSeenAt = firstSeenAt
        self.retitles = retitles
        self.droppedVersion = droppedVersion
        self.droppedAt = droppedAt
    }
}
