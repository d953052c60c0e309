import Foundation
import RedlineCapture
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
        var validators: PageFetcher.Validators?
        var known = try tracker.repository.versionsByArticle(of: slug)
        while count.map({ summary.polls < $0 }) ?? true, !shouldStop() {
            summary.polls += 1
            let stamp = Timestamp.format(Date())
            let outcome: WatchSchedule.Outcome
            do {
                switch try await fetcher.fetch(url, validators: validators) {
                case .notModified:
                    outcome = .unchanged
                    log("\(stamp)  304  unchanged (not modified)")
                case .page(let capture, let status, let next):
                    validators = next
                    let result = try tracker.snap(slug, capture)
                    if result.isNew {
                        outcome = .changed
                        summary.stored += 1
                        var line = "\(stamp)  \(status)  version \(result.version.number)"
                        line += " (" + (result.changes?.line ?? "first version, \(result.blockCount) blocks") + ")"
                        if let id = result.articleID, let earlier = known[id] {
                            line += "; flip-flop: the same article as version \(earlier)"
                        }
                        if let id = result.articleID { known[id] = result.version.number }
                        log(line)
                    } else {
                        outcome = .unchanged
                        log("\(stamp)  \(status)  unchanged since version \(result.version.number)")
                    }
                    result.warnings.forEach { log("\(stamp)  warning: \($0)") }
                }
            } catch FetchError.cancelled {
                break   // Ctrl-C or SIGTERM during the fetch: nothing to store, nothing to log
            } catch let error as FetchError {
                outcome = .failed
                summary.failures += 1
                log("\(stamp)  error  \(error.brief); nothing stored")
            } catch let error as TrackerError {
                outcome = .failed
                summary.failures += 1
                log("\(stamp)  refused  \(error); nothing stored")
            } catch let error as StoreError where error.isRefusal {
                outcome = .failed
                summary.failures += 1
                log("\(stamp)  refused  \(error)")
            } catch let error as StoreError where error.isTransient {
                outcome = .failed
                summary.failures += 1
                log("\(stamp)  error  \(error)")
            }
            let wait = schedule.next(after: outcome)
            guard count.map({ summary.polls < $0 }) ?? true else { break }
            await Self.sleep(seconds: wait, unless: shouldStop)
        }
        return summary
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
    public func watch(_ slug: Slug, url: String, interval: Double?, count: Int?, timeout: Double,
                      allowPrivateRedirects: Bool = false,
                      shouldStop: @escaping () -> Bool, log: (String) -> Void) async throws -> Watcher.Summary {
        let fetcher = PageFetcher(timeout: timeout, allowPrivateRedirects: allowPrivateRedirects)
        var watcher = Watcher(tracker: self, slug: slug, url: try PageFetcher.url(url), fetcher: fetcher,
                              schedule: interval.map { .fixed($0) } ?? .adaptive())
        return try await watcher.run(count: count, shouldStop: shouldStop, log: log)
    }
}
