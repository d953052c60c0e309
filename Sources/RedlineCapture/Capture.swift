import Foundation

/// The bytes of one capture of a page, as read from a file, stdin or the network, with what is
/// known about where and when they came from.
public struct Capture: Sendable, Hashable {
    /// The captured bytes, unchanged.
    public var bytes: Data
    /// Where the bytes were read from: a file path, `-` for stdin, or a URL.
    public var origin: String
    /// The page's URL, when known.
    public var url: String?
    /// When the page was captured; nil for now, stamped as the capture is stored (so that
    /// captures taken now by writers waiting on each other keep their order).
    public var capturedAt: Date?

    /// A capture of `bytes`.
    public init(bytes: Data, origin: String, url: String? = nil, capturedAt: Date? = nil) {
        self.bytes = bytes
        self.origin = origin
        self.url = url
        self.capturedAt = capturedAt
    }
}
