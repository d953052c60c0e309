import Foundation

/// One POST of a document, for a webhook: through the same libcurl wrapper as every fetch
/// (``HTTPGet``), with a time limit, no redirect followed, and the answer's body ignored.
///
///     HTTPPost(url: hook, body: json, contentType: "application/json", timeout: 10).send()
///     → .success(200), or .failure(.http(status: 500, url: …)), .failure(.timedOut(…)) …
public struct HTTPPost: Sendable {
    /// Where it goes.
    public var url: URL
    /// What it carries.
    public var body: Data
    /// Its `Content-Type` header.
    public var contentType: String
    /// How long it may take, in seconds.
    public var timeout: Double

    /// A POST of `body` to `url`.
    public init(url: URL, body: Data, contentType: String = "application/json", timeout: Double = 10) {
        self.url = url
        self.body = body
        self.contentType = contentType
        self.timeout = timeout
    }

    /// Sends it once: the status of a 2xx answer, else why it failed (a status outside 2xx is
    /// ``FetchError/http(status:url:)``). ``PageFetcher/cancelAll()`` aborts it too.
    public func send() async -> Result<Int, FetchError> {
        let address = url.absoluteString
        let request = HTTPGet(url: address, headers: ["Content-Type: \(contentType)", "Expect:"], userAgent: PageFetcher.userAgent,
                              timeout: timeout, maxBytes: 1 << 20, allowPrivateRedirects: true, body: body)
        switch await request.run() {
        case .success(let response):
            guard (200..<300).contains(response.status) else { return .failure(.http(status: response.status, url: address)) }
            return .success(response.status)
        case .failure(let failure): return .failure(failure.fetchError(url: address, timeout: timeout, limit: 1 << 20))
        }
    }
}
