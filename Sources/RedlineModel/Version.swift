import Foundation

/// One stored capture of an article: a commit on its branch.
public struct Version: Sendable, Hashable {
    /// The version number, 1 for the oldest.
    public var number: Int
    /// The commit id (40 hex digits).
    public var commit: String
    /// When it was captured (the commit time).
    public var capturedAt: Date
    /// Where it was captured from, when known.
    public var url: String?
    /// The commit message's first line.
    public var subject: String
    /// The change from the previous version, as recorded when it was captured.
    public var changes: ChangeSummary?
    /// The extractor that extracted its stored article (`Redline-Extractor:`); nil for a version
    /// stored before extractors were recorded.
    public var extractor: String?
    /// The charset the server declared for the stored source (`Redline-Charset`), nil when none was.
    public var charset: String? = nil
    /// Where redirects led from ``url`` (`Redline-Final-URL`), nil when they did not.
    public var finalURL: String? = nil
    /// The selector its source was narrowed to before extraction (`Redline-Select`), nil for the whole page.
    public var select: String? = nil
    /// The patterns whose text its extraction dropped (`Redline-Ignore`).
    public var ignore: [String] = []

    /// A version with the given fields.
    public init(number: Int, commit: String, capturedAt: Date, url: String? = nil, subject: String = "", changes: ChangeSummary? = nil,
                extractor: String? = nil) {
        self.number = number
        self.commit = commit
        self.capturedAt = capturedAt
        self.url = url
        self.subject = subject
        self.changes = changes
        self.extractor = extractor
    }

    /// This version as one side of a diff.
    public var side: DiffSide {
        DiffSide(version: number, commit: commit, capturedAt: capturedAt, url: url)
    }
}
