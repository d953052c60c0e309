/// Why a page could not be fetched; nothing is stored when one happens.
public enum FetchError: Error, Sendable, Equatable, CustomStringConvertible {
    case unsupportedURL(String)
    /// An http(s) URL whose port is not 1…65535 (`http://host:99999/`).
    case invalidPort(url: String, port: Int)
    case http(status: Int, url: String)
    /// HTTP 429 or 503 with a `Retry-After`: the server asked to be left alone `seconds` (at
    /// most a day).
    case askedToWait(status: Int, url: String, seconds: Double)
    case timedOut(url: String, seconds: Double)
    case tls(url: String, detail: String)
    case network(url: String, detail: String)
    case refused(CaptureError)
    /// A redirect from a public address led to `target`, at the private `address`.
    case privateRedirect(url: String, target: String, address: String)
    /// Stopped by Ctrl-C or SIGTERM while the page was being fetched.
    case cancelled(url: String)
    /// The server sent something that is not a page: `kind` says what (``Capture/nonPageKind``).
    case notAPage(url: String, kind: String)

    public var description: String {
        switch self {
        case .unsupportedURL(let text): "'\(text)' is not an http or https URL"
        case .invalidPort(let url, let port): "'\(url)' names port \(port); a port is 1 to 65535"
        case .http(let status, let url): "\(url) answered HTTP \(status)\(Self.reason(status)); nothing was stored"
        case .askedToWait(let status, let url, let seconds):
            "\(url) answered HTTP \(status)\(Self.reason(status)) and asked to wait \(Self.seconds(seconds)); nothing was stored"
        case .timedOut(let url, let seconds): "\(url) did not answer within \(Self.seconds(seconds)); nothing was stored"
        case .tls(let url, let detail): "TLS error talking to \(url): \(detail); nothing was stored"
        case .network(let url, let detail): "cannot fetch \(url): \(detail); nothing was stored"
        case .refused(let error): error.description
        case .privateRedirect(let url, let target, let address):
            "\(url) redirected to \(target), a private address (\(address)); nothing was stored (--allow-private-redirects allows it)"
        case .cancelled(let url): "stopped while fetching \(url); nothing was stored"
        case .notAPage(let url, let kind): "\(url) sent \(kind), not a web page; nothing was stored (--format text stores it as text)"
        }
    }

    /// A short form for one line of `watch`'s log.
    public var brief: String {
        switch self {
        case .http(let status, _): "HTTP \(status)\(Self.reason(status))"
        case .askedToWait(let status, _, let seconds): "HTTP \(status)\(Self.reason(status)), asked to wait \(Self.seconds(seconds))"
        case .timedOut(_, let seconds): "timed out after \(Self.seconds(seconds))"
        case .tls(_, let detail): "TLS error: \(detail)"
        case .network(_, let detail): detail
        case .privateRedirect(_, let target, let address):
            "redirected to \(target), a private address (\(address)); refused (--allow-private-redirects allows it)"
        case .cancelled: "stopped"
        case .notAPage(_, let kind): "not a web page: \(kind) (--format text stores it as text)"
        case .unsupportedURL, .invalidPort, .refused: description
        }
    }

    private static func reason(_ status: Int) -> String {
        let reasons = [400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 410: "Gone",
                       429: "Too Many Requests", 500: "Internal Server Error", 502: "Bad Gateway",
                       503: "Service Unavailable", 504: "Gateway Timeout"]
        return reasons[status].map { " \($0)" } ?? ""
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}
