import Foundation
import RedlineCapture
import RedlineExtract
import RedlineModel
import RedlineStore

/// Polls a page and captures each change: conditional requests, nothing stored for a failed,
/// unchanged or near-empty fetch, a back-off on errors, and flip-flops (the page returning to an
/// earlier version, as A/B-tested headlines do) said so in the log.
public struct Watcher {
    /// What a whole watch did.
    public struct Summary: Sendable, Hashable {
        public var polls = 0
        public var stored = 0
        public var failures = 0
    }

    let tracker: Tracker
    let slug: Slug
    let url: URL
    let fetcher: PageFetcher
    var schedule: WatchSchedule
    /// What each capture is narrowed to and what text it never counts.
    var filter = ExtractionFilter.none
    /// How each capture is read: sniffed when nil; `.text` also keeps what is not a page.
    var format: CaptureFormat?
    /// Put before each log line after the time: the article's name when one process watches many.
    var label = ""
    /// Told of each version stored, at once (``VersionStored``).
    var onStored: (@Sendable (StoredVersionEvent) -> Void)?
    private var validators: PageFetcher.Validators?
    /// The version number of each article id stored so far, for flip-flops; read at the first poll.
    private var known: [String: Int]?
    /// The warnings logged so far: each is logged once a watch, not at every poll of the same page.
    private var warned: Set<String> = []
    /// How long the server asked to be left alone at the last poll (`Retry-After`), in seconds.
    private var askedWait: Double?

    /// A watch of `url` into `slug`'s history.
    public init(tracker: Tracker, slug: Slug, url: URL, fetcher: PageFetcher, schedule: WatchSchedule) {
        self.tracker = tracker
        self.slug = slug
        self.url = url
        self.fetcher = fetcher
        self.schedule = schedule
    }

    /// Polls `count` times (forever when nil), or until `shouldStop` says so between polls (or a
    /// fetch is cancelled, ``PageFetcher/cancelAll()``); `log`
    /// receives one line per poll. Errors of the track repository itself end the watch, except those
    /// that may pass (a lock held too long, a full disk, a write `git gc` got in the way of).
    public mutating func run(count: Int?, shouldStop: @escaping () -> Bool, log: (String) -> Void) async throws -> Summary {
        var summary = Summary()
        while count.map({ summary.polls < $0 }) ?? true, !shouldStop() {
            guard let outcome = try await poll(log: log) else { break }   // cancelled: not a poll
            summary.polls += 1
            if outcome == .changed { summary.stored += 1 }
            if outcome == .failed { summary.failures += 1 }
            let wait = nextWait(after: outcome)
            guard count.map({ summary.polls < $0 }) ?? true else { break }
            await Self.sleep(seconds: wait, unless: shouldStop)
        }
        return summary
    }

    /// One poll: fetches the page, stores it when it changed, and logs one line; what it found,
    /// or nil when the fetch was cancelled (Ctrl-C or SIGTERM: nothing stored, nothing logged).
    /// Throws the track repository's own errors, except those that may pass.
    mutating func poll(log: (String) -> Void) async throws -> WatchSchedule.Outcome? {
        if known == nil { known = try tracker.repository.versionsByArticle(of: slug) }
        askedWait = nil
        // Each line is stamped when it is written, not when its poll began: with many articles
        // polled at once, a poll that times out would otherwise print before later lines.
        func stamp() -> String { Timestamp.format(Date()) + "  " + label }
        do {
            switch try await fetcher.fetch(url, validators: validators) {
            case .notModified:
                log("\(stamp())304  unchanged (not modified)")
                return .unchanged
            case .page(let capture, let status, let next):
                let result = try tracker.snapFetched(slug, capture, format: format, filter: filter)
                // Only what was stored, or equals what was, is asked after conditionally: a page
                // refused (near-empty, no selector match) is fetched whole again next time.
                validators = next
                let warnings = result.warnings.filter { warned.insert($0).inserted }
                defer { warnings.forEach { log("\(stamp())warning: \($0)") } }
                guard result.isNew else {
                    log("\(stamp())\(status)  unchanged since version \(result.version.number)")
                    return .unchanged
                }
                var line = "\(stamp())\(status)  version \(result.version.number)"
                line += " (\(result.detail))"
                if let id = result.articleID, let earlier = known?[id] {
                    line += "; flip-flop: the same article as version \(earlier)"
                }
                if let id = result.articleID { known?[id] = result.version.number }
                log(line)
                if let onStored, let diff = try? result.diff ?? tracker.diffFromNothing(slug, at: result.version) {
                    onStored(StoredVersionEvent(slug: slug, version: result.version, diff: diff))
                }
                return .changed
            }
        } catch FetchError.cancelled {
            return nil
        } catch let error as FetchError {
            if case .askedToWait(_, _, let seconds) = error { askedWait = seconds }
            log("\(stamp())error  \(error.brief); nothing stored")
        } catch let error as TrackerError {
            log("\(stamp())refused  \(error.watched(slug, url.absoluteString))")
        } catch let error as StoreError where error.isRefusal {
            log("\(stamp())refused  \(error)")
        } catch let error as StoreError where error.isTransient {
            log("\(stamp())error  \(error)")
        }
        return .failed
    }

    /// The wait before the next poll, after one that found `outcome`: the schedule's (times
    /// `jitter`), or longer when the server asked for longer (`Retry-After` on a 429 or 503).
    mutating func nextWait(after outcome: WatchSchedule.Outcome, jitter: Double = 1) -> Double {
        max(schedule.next(after: outcome) * jitter, askedWait ?? 0)
    }

    /// Sleeps in short slices so that a stop request is seen within a tenth of a second.
    static func sleep(seconds: Double, unless shouldStop: () -> Bool) async {
        let end = Date().addingTimeInterval(seconds)
        while !shouldStop() {
            let left = end.timeIntervalSinceNow
            guard left > 0 else { return }
            try? await Task.sleep(nanoseconds: UInt64(min(left, 0.1) * 1_000_000_000))
        }
    }
}

extension Tracker {
    /// `redline watch SLUG URL`: polls `url` every `interval` seconds (adaptive when nil), `count`
    /// times (forever when nil) or until `shouldStop` says so between polls, capturing each change;
    /// `log` receives one line per poll.
    /// A redirect from a public address to a private one is refused (and logged) unless `allowPrivateRedirects`.
    /// What is not a page (a PDF, an image, JSON) is refused on each poll unless `format` is `.text`.
    public func watch(_ slug: Slug, url: String, interval: Double?, count: Int?, timeout: Double, format: CaptureFormat? = nil,
                      allowPrivateRedirects: Bool = false, filter: ExtractionFilter = .none,
                      shouldStop: @escaping () -> Bool, log: (String) -> Void) async throws -> Watcher.Summary {
        try repository.ensureWritable()   // before the first fetch, not after it
        var fetcher = PageFetcher(timeout: timeout, allowPrivateRedirects: allowPrivateRedirects)
        fetcher.acceptsNonPages = format == .text
        var watcher = Watcher(tracker: self, slug: slug, url: try PageFetcher.url(url), fetcher: fetcher,
                              schedule: interval.map { .fixed($0) } ?? .adaptive())
        watcher.filter = filter
        watcher.format = format
        // One article, captured again and again by this process: its pack and page are kept in
        // memory between captures rather than read back (a watcher of many articles does not).
        repository.keepLastCapture()
        return try await watcher.run(count: count, shouldStop: shouldStop, log: log)
    }
}
