import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

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
    public static let userAgent = "redline/0.1 (tracks how news pages change; one request per poll)"

    /// How long a request may take, in seconds.
    public var timeout: Double

    /// A fetcher whose requests time out after `timeout` seconds.
    public init(timeout: Double = 30) {
        self.timeout = timeout
    }

    /// The URL `text` names, refused unless it is http or https.
    public static func url(_ text: String) throws(FetchError) -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              url.host?.isEmpty == false else { throw .unsupportedURL(text) }
        return url
    }

    /// GETs `url`, conditionally when `validators` are given, and returns the page as captured now.
    public func fetch(_ url: URL, validators: Validators? = nil) async throws(FetchError) -> Result {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalAndRemoteCacheData, timeoutInterval: timeout)
        request.setValue(Self.userAgent, forHTTPHeaderField: "User-Agent")
        request.setValue("text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5", forHTTPHeaderField: "Accept")
        if let etag = validators?.etag { request.setValue(etag, forHTTPHeaderField: "If-None-Match") }
        if let modified = validators?.lastModified { request.setValue(modified, forHTTPHeaderField: "If-Modified-Since") }

        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.requestCachePolicy = .reloadIgnoringLocalAndRemoteCacheData
        configuration.urlCache = nil
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }

        let capturedAt = Date()
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: request)
        } catch {
            throw Self.classify(error, url: url.absoluteString, timeout: timeout)
        }
        guard let http = response as? HTTPURLResponse else {
            throw .network(url: url.absoluteString, detail: "the answer was not HTTP")
        }
        if http.statusCode == 304 { return .notModified }
        guard (200..<300).contains(http.statusCode) else { throw .http(status: http.statusCode, url: url.absoluteString) }
        do {
            try CaptureReader.check(data, origin: url.absoluteString)
        } catch {
            throw .refused(error)
        }
        let next = Validators(etag: http.value(forHTTPHeaderField: "ETag"),
                              lastModified: http.value(forHTTPHeaderField: "Last-Modified"))
        return .page(Capture(bytes: data, origin: url.absoluteString, url: url.absoluteString, capturedAt: capturedAt),
                     status: http.statusCode, validators: next)
    }

    private static func classify(_ error: any Error, url: String, timeout: Double) -> FetchError {
        let nsError = error as NSError
        switch nsError.code {
        case NSURLErrorTimedOut:
            return .timedOut(url: url, seconds: timeout)
        case NSURLErrorSecureConnectionFailed, NSURLErrorServerCertificateHasBadDate, NSURLErrorServerCertificateUntrusted,
             NSURLErrorServerCertificateHasUnknownRoot, NSURLErrorServerCertificateNotYetValid,
             NSURLErrorClientCertificateRejected, NSURLErrorClientCertificateRequired:
            return .tls(url: url, detail: nsError.localizedDescription)
        default:
            return .network(url: url, detail: nsError.localizedDescription)
        }
    }
}
