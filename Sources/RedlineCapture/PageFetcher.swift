import Foundation
import RedlineModel

/// Fetches a page over HTTP(S) with one GET: redirects followed, gzip accepted, a time limit,
/// a clear User-Agent, and conditional requests when validators from an earlier fetch are given.
public struct PageFetcher: Sendable {
    /// What a server said about the version of a page it sent, to ask next time whether it changed.
    public struct Validators: Sendable, Hashable {
        /// The `ETag` header.
        public var etag: String?
        /// The `Last-Modified` header.
        public var lastModified: String?

        /// Validators with the given headers.
        public init(etag: String? = nil, lastModified: String? = nil) {
            self.etag = etag
            self.lastModified = lastModified
        }
    }

    /// What a fetch brought back.
    public enum Result: Sendable {
        /// The page, with its HTTP status and the validators to send next time.
        case page(Capture, status: Int, validators: Validators)
        /// The server answered 304: the page has not changed since the validators were given.
        case notModified
    }

    /// The User-Agent every request carries.
    public static let userAgent = "redline/\(RedlineVersion.current) (tracks how news pages change; one request per poll)"

    /// How long a request may take, in seconds (any time above 0 is at least 1 ms).
    public var timeout: Double
    /// Whether a redirect from a public address to a private or loopback one is followed.
    public var allowPrivateRedirects: Bool
    /// Whether what is not a page (a PDF, an image, JSON: ``Capture/nonPageKind``) is kept, to be
    /// read as text (`--format text`); refused with ``FetchError/notAPage(url:kind:)`` otherwise.
    public var acceptsNonPages = false

    /// A fetcher whose requests time out after `timeout` seconds.
    public init(timeout: Double = 30, allowPrivateRedirects: Bool = false) {
        self.timeout = timeout
        self.allowPrivateRedirects = allowPrivateRedirects
    }

    /// Aborts every fetch in flight, and every later one, with ``FetchError/cancelled(url:)``.
    /// Safe to call from a signal handler: for Ctrl-C and SIGTERM.
    public static func cancelAll() {
        HTTPGet.cancelAll()
    }

    /// The `charset` parameter of a `Content-Type` header, unquoted, or nil.
    ///
    ///     "text/html; charset=ISO-8859-1" → "ISO-8859-1";  "text/html" → nil
    static func charset(ofContentType header: String?) -> String? {
        guard let header else { return nil }
        for parameter in header.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" else { continue }
            let value = pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// The URL `text` names, refused unless it is http or https, with a port a connection can use.
    public static func url(_ text: String) throws(FetchError) -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              url.host?.isEmpty == false else { throw .unsupportedURL(text) }
        if let port = url.port, !(1...65535).contains(port) { throw .invalidPort(url: text, port: port) }
        return url
    }

    /// GETs `url`, conditionally when `validators` are given, and returns the page stamped with
    /// when it was asked for (in whole seconds, as versions are): the page as the server had it
    /// then, however long it took to arrive.
    public func fetch(_ url: URL, validators: Validators? = nil) async throws(FetchError) -> Result {
        var headers = ["Accept: text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5"]
        if let etag = validators?.etag { headers.append("If-None-Match: \(etag)") }
        if let modified = validators?.lastModified { headers.append("If-Modified-Since: \(modified)") }
        let address = url.absoluteString
        let asked = Timestamp.wholeSeconds(Date())
        let get = HTTPGet(url: address, headers: headers, userAgent: Self.userAgent, timeout: timeout,
                          maxBytes: CaptureReader.limit, allowPrivateRedirects: allowPrivateRedirects)
        let response: HTTPGet.Response
        switch await get.run() {
        case .success(let answer): response = answer
        case .failure(let failure): throw failure.fetchError(url: address, timeout: timeout, limit: CaptureReader.limit)
        }
        // "Not modified" answers a request that gave validators; to one that gave none it says nothing of the page.
        let conditional = validators?.etag != nil || validators?.lastModified != nil
        if response.status == 304, conditional { return .notModified }
        guard (200..<300).contains(response.status) else {
            if [429, 503].contains(response.status), let seconds = response.retryAfter.flatMap({ Self.retryAfter($0) }) {
                throw .askedToWait(status: response.status, url: address, seconds: seconds)
            }
            throw .http(status: response.status, url: address)
        }
        do {
            try CaptureReader.check(response.body, origin: address)
        } catch {
            throw .refused(error)
        }
        let next = Validators(etag: response.etag, lastModified: response.lastModified)
        let capture = Capture(bytes: response.body, origin: address, url: address,
                              capturedAt: asked,
                              charset: Self.charset(ofContentType: response.contentType), finalURL: response.finalURL,
                              contentType: response.contentType)
        if !acceptsNonPages, let kind = capture.nonPageKind { throw .notAPage(url: address, kind: kind) }
        return .page(capture, status: response.status, validators: next)
    }
}

extension PageFetcher {
    /// The wait a `Retry-After` header asks for, in seconds from now: delay-seconds (`120`) or an
    /// HTTP date (`Wed, 21 Oct 2026 07:28:00 GMT`), at most a day; nil for none, a time already
    /// past, or a value that is neither.
    static func retryAfter(_ value: String, now: Date = Date()) -> Double? {
        let text = value.trimmingCharacters(in: .whitespaces)
        let seconds: Double
        if !text.isEmpty, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) {
            seconds = Double(text) ?? .infinity
        } else if let date = httpDate().date(from: text) {
            seconds = date.timeIntervalSince(now).rounded(.up)
        } else {
            return nil
        }
        return seconds > 0 ? min(seconds, 86_400) : nil
    }

    /// RFC 9110's preferred date format, the one servers send (made when one is read: rarely).
    private static func httpDate() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter
    }
}
