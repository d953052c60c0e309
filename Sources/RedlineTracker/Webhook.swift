import Foundation
import RedlineCapture
import RedlineModel
import RedlineRender

/// A webhook of a watch (`announce: webhooks:`): each version stored is POSTed to it as the
/// `diff --format json` document of its change with an `announcement` line
/// (``JSONOutput/render(announcement:)``), retried with exponential back-off.
///
///     try 1 → HTTP 500; wait 1 s; try 2 → 200             delivered
///     try 1, 2, 3 → connection refused (1 s, 2 s between)  one log line; the next version is tried afresh
///
/// Each try has a time limit; Ctrl-C or SIGTERM (``Tracker/cancelFetches()``) ends a try at
/// once and gives up the version. It runs on its own ``AnnouncementQueue``, so it never holds
/// up a capture or the feeds.
public struct Webhook: VersionStored {
    /// Where the POSTs go.
    public var url: URL
    /// Seconds each try may take.
    public var timeout: Double
    /// How many tries each version gets.
    public var tries: Int
    /// Seconds before the second try; each later wait doubles it.
    public var backoff: Double
    private let log: @Sendable (String) -> Void

    /// A webhook at `url`.
    public init(url: URL, timeout: Double = 10, tries: Int = 3, backoff: Double = 1, log: @escaping @Sendable (String) -> Void) {
        self.url = url
        self.timeout = timeout
        self.tries = max(1, tries)
        self.backoff = backoff
        self.log = log
    }

    public func versionStored(_ event: StoredVersionEvent) async {
        let post = HTTPPost(url: url, body: Data(JSONOutput.render(announcement: event.diff).utf8), timeout: timeout)
        let what = "\(event.slug) version \(event.version.number)"
        for attempt in 1...tries {
            switch await post.send() {
            case .success:
                return
            case .failure(.cancelled):
                log("\(Timestamp.format(Date()))  webhook \(url.absoluteString): \(what) not announced (stopped)")
                return
            case .failure(let error):
                guard attempt < tries, !Task.isCancelled else {
                    log("\(Timestamp.format(Date()))  webhook \(url.absoluteString): \(what) not announced after \(attempt) "
                        + "tr\(attempt == 1 ? "y" : "ies"): \(error.brief); capturing goes on")
                    return
                }
                let wait = backoff * Double(1 << (attempt - 1))
                do { try await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000)) } catch { return }
            }
        }
    }
}
