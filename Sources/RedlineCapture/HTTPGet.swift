import CLibCurl
import Foundation

/// One HTTP GET through libcurl (``CLibCurl``, loaded at the first call), on a thread of its
/// own so that waiting for the network never holds up Swift's concurrency pool; a POST when it
/// has a `body` (``HTTPPost``), which follows no redirect.
struct HTTPGet: Sendable {
    /// What came back.
    struct Response: Sendable {
        var status: Int
        var body: Data
        var etag: String?
        var lastModified: String?
        /// The `Content-Type` header.
        var contentType: String?
        /// The `Retry-After` header.
        var retryAfter: String? = nil
        /// The URL the body came from, when redirects led away from the one asked for.
        var finalURL: String?
    }

    /// Why nothing came back.
    enum Failure: Error, Sendable {
        case timedOut
        case tls(String)
        case network(String)
        case tooLarge
        /// A redirect from a public address to `address`, a private one, at `url`.
        case privateRedirect(url: String, address: String)
        /// ``cancelAll()`` was called.
        case cancelled
    }

    var url: String
    /// Request headers, `Name: value`.
    var headers: [String]
    var userAgent: String
    var timeout: Double
    var maxBytes: Int
    var allowPrivateRedirects = false
    /// What to POST; nil for a GET.
    var body: Data? = nil

    /// Aborts every transfer in flight and every later one; safe to call from a signal handler.
    static func cancelAll() {
        redline_http_cancel()
    }

    /// True when `address` (numeric IPv4 or IPv6) is loopback, private, link-local or unspecified.
    static func isPrivate(address: String) -> Bool {
        redline_http_is_private_address(address) != 0
    }

    /// True when a redirect from a request to `from` to one to `to` (addresses connected to)
    /// is refused: from a public address to a private one, unless `allowPrivate`.
    static func refusesRedirect(from: String, to: String, allowPrivate: Bool) -> Bool {
        redline_http_refuses_redirect(from, to, allowPrivate ? 1 : 0) != 0
    }

    /// `seconds` as libcurl's time limit: at least 1 ms (0 would mean none), at most 30 years.
    static func milliseconds(_ seconds: Double) -> Int {
        guard seconds > 0 else { return 1 }
        return max(1, Int((min(seconds, 1e9) * 1000).rounded(.up)))
    }

    func run() async -> Result<Response, Failure> {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: perform()) }
        }
    }

    private func perform() -> Result<Response, Failure> {
        var response = redline_http_response()
        defer { redline_http_response_free(&response) }
        let cHeaders = headers.map { strdup($0) }
        defer { cHeaders.forEach { free($0) } }
        // Any time limit up to 30 years is taken as it is (`--timeout inf` too).
        let milliseconds = Self.milliseconds(timeout)
        cHeaders.map { UnsafePointer($0) }.withUnsafeBufferPointer { list in
            guard let body else {
                return redline_http_get(url, list.baseAddress, list.count, userAgent, milliseconds, maxBytes,
                                        allowPrivateRedirects ? 1 : 0, &response)
            }
            body.withUnsafeBytes { bytes in
                redline_http_post(url, list.baseAddress, list.count, userAgent, milliseconds,
                                  bytes.bindMemory(to: UInt8.self).baseAddress, bytes.count, maxBytes, &response)
            }
        }
        let message = withUnsafeBytes(of: response.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        switch response.failure {
        case redline_http_ok:
            let body = response.body.map { Data(bytes: $0, count: response.body_length) } ?? Data()
            let finalURL = response.final_url.map { String(cString: $0) }
            return .success(Response(status: response.status, body: body,
                                     etag: response.etag.map { String(cString: $0) },
                                     lastModified: response.last_modified.map { String(cString: $0) },
                                     contentType: response.content_type.map { String(cString: $0) },
                                     retryAfter: response.retry_after.map { String(cString: $0) },
                                     finalURL: response.redirects > 0 && finalURL != url ? finalURL : nil))
        case redline_http_timed_out: return .failure(.timedOut)
        case redline_http_tls: return .failure(.tls(message))
        case redline_http_too_large: return .failure(.tooLarge)
        case redline_http_cancelled: return .failure(.cancelled)
        case redline_http_private_redirect:
            let address = withUnsafeBytes(of: response.refused_address) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            return .failure(.privateRedirect(url: response.final_url.map { String(cString: $0) } ?? url, address: address))
        default: return .failure(.network(message))
        }
    }
}

extension HTTPGet.Failure {
    /// The failure as a fetch of `url` reports it, with the time limit and body limit it had.
    func fetchError(url: String, timeout: Double, limit: Int) -> FetchError {
        switch self {
        case .timedOut: .timedOut(url: url, seconds: timeout)
        case .tls(let detail): .tls(url: url, detail: detail)
        case .network(let detail): .network(url: url, detail: detail)
        case .tooLarge: .refused(.tooLarge(url, bytes: nil, limit: limit))
        case .privateRedirect(let target, let address): .privateRedirect(url: url, target: target, address: address)
        case .cancelled: .cancelled(url: url)
        }
    }
}
