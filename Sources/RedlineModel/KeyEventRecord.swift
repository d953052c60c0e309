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

    /// A return to the list after a drop: dropped in `droppedVersion`, listed again in `version`.
    public struct Return: Sendable, Hashable {
        /// The version from which it was no longer listed.
        public var droppedVersion: Int
        /// When that version was captured.
        public var droppedAt: Date
        /// The version that lists it again.
        public var version: Int
        /// When that version was captured.
        public var at: Date

        /// A return with the given fields.
        public init(droppedVersion: Int, droppedAt: Date, version: Int, at: Date) {
            self.droppedVersion = droppedVersion
            self.droppedAt = droppedAt
            self.version = version
            self.at = at
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
    /// Its returns to the list after being dropped, oldest first.
    public var returns: [Return] = []
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
