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
    /// The character encoding the transport declared for the bytes (HTTP's `Content-Type`
    /// charset), nil when none was (files, stdin).
    public var charset: String?
    /// The URL the bytes came from when redirects led away from ``url``, else nil.
    public var finalURL: String?
    /// The `Content-Type` the server sent (`text/html; charset=utf-8`), nil when none did (files, stdin).
    public var contentType: String?

    /// A capture of `bytes`.
    public init(bytes: Data, origin: String, url: String? = nil, capturedAt: Date? = nil, charset: String? = nil,
                finalURL: String? = nil, contentType: String? = nil) {
        self.bytes = bytes
        self.origin = origin
        self.url = url
        self.capturedAt = capturedAt
        self.charset = charset
        self.finalURL = finalURL
        self.contentType = contentType
    }
}
