import Foundation
import RedlineCapture
import RedlineModel
import RedlineStore

/// Every configured article watched from one process: each ``Watcher`` polls on its own
/// ``WatchSchedule``; at most `jobs` polls run at once, never two to the same host; first polls
/// are spread over the first interval and every wait is jittered by ±10 %, so checks do not
/// start together. A failing article backs off on its own schedule; the others go on.
///
///     jobs 2; a.example ×2, b.example ×1:
///     t=0.0  poll a/1, poll b/1      (a/2 waits: a.example is busy)
///     t=0.3  a/1 done → poll a/2
struct WatchRoster {
    private struct Member {
        var watcher: Watcher
        var host: String
        var due: Date
        var summary = Watcher.Summary()
        var polling = false
    }

    /// A ``Watcher`` on its way to a poll task and back: each is used by one task at a time and
    /// owns its track repository handle, so it is never shared.
    private struct Handoff: @unchecked Sendable {
        var watcher: Watcher
    }

    private enum Event: Sendable {
        case polled(Int, Handoff, WatchSchedule.Outcome?)
        case tick
    }

    private var members: [Member]
    private let jobs: Int

    init(_ watchers: [Watcher], jobs: Int, now: Date = Date()) {
        self.jobs = max(1, jobs)
        members = watchers.map { watcher in
            let first = min(watcher.schedule.minimum, 5)
            return Member(watcher: watcher, host: watcher.url.host?.lowercased() ?? "",
                          due: now.addingTimeInterval(Double.random(in: 0..<max(first, 0.001))))
        }
    }

    /// Polls each article `count` times (forever when nil) until `shouldStop` says so or a fetch
    /// is cancelled; `log` receives one line per poll. The summary of each article, in order.
    mutating func run(count: Int?, shouldStop: @escaping @Sendable () -> Bool,
                      log: @escaping @Sendable (String) -> Void) async -> [(Slug, Watcher.Summary)] {
        var busyHosts = Set<String>()
        var running = 0
        var stopping = false
        await withTaskGroup(of: Event.self) { group in
            var ticking = false
            while true {
                if shouldStop() { stopping = true }
                if !stopping {
                    let now = Date()
                    for index in members.indices.sorted(by: { members[$0].due < members[$1].due }) {
                        guard running < jobs else { break }
                        let member = members[index]
                        guard !member.polling, member.due <= now, !busyHosts.contains(member.host),
                              count.map({ member.summary.polls < $0 }) ?? true else { continue }
                        members[index].polling = true
                        members[index].summary.polls += 1
                        busyHosts.insert(member.host)
                        running += 1
                        let handoff = Handoff(watcher: member.watcher)
                        group.addTask {
                            var watcher = handoff.watcher
                            let outcome = await Self.poll(&watcher, log: log)
                            return .polled(index, Handoff(watcher: watcher), outcome)
                        }
                    }
                }
                let finished = count.map { limit in members.allSatisfy { $0.summary.polls >= limit } } ?? false
                if running == 0, stopping || finished { break }
                if !ticking {
                    ticking = true
                    let wait = stopping ? 0.05 : min(0.1, max(0.005, (nextDue ?? Date().addingTimeInterval(0.1)).timeIntervalSinceNow))
                    group.addTask {
                        try? await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000))
                        return .tick
                    }
                }
                switch await group.next() {
                case .tick?:
                    ticking = false
                case .polled(let index, let handoff, let outcome)?:
                    running -= 1
                    busyHosts.remove(members[index].host)
                    members[index].polling = false
                    members[index].watcher = handoff.watcher
                    guard let outcome else { stopping = true; continue }
                    if outcome == .changed { members[index].summary.stored += 1 }
                    if outcome == .failed { members[index].summary.failures += 1 }
                    let wait = members[index].watcher.nextWait(after: outcome, jitter: Double.random(in: 0.9...1.1))
                    members[index].due = Date().addingTimeInterval(wait)
                case nil:
                    break
                }
            }
            group.cancelAll()
        }
        return members.map { ($0.watcher.slug, $0.summary) }
    }

    /// The soonest time an idle article is due.
    private var nextDue: Date? {
        members.filter { !$0.polling }.map(\.due).min()
    }

    /// One poll of `watcher`; an error of the track repository is logged and counts as a failure
    /// (this article backs off; the others go on).
    private static func poll(_ watcher: inout Watcher, log: (String) -> Void) async -> WatchSchedule.Outcome? {
        do {
            return try await watcher.poll(log: log)
        } catch {
            log("\(Timestamp.format(Date()))  \(watcher.label)error  \(error); nothing stored")
            return .failed
        }
    }
}

extension Tracker {
    /// `redline watch` without a URL: every article of `configuration`, polled from one process
    /// (``WatchRoster``), each `count` times (forever when nil), until `shouldStop` says so; at most
    /// `jobs` polls at once. Each stored version is handed to `announcers` without waiting for
    /// them (``AnnouncementQueue``, one per announcer); once polling ends they get
    /// `announcementGrace` seconds more to finish. The summary of each article, in the file's order.
    public func watch(_ configuration: WatchConfiguration, jobs: Int, count: Int?, timeout: Double,
                      allowPrivateRedirects: Bool = false, announcers: [any VersionStored] = [],
                      announcementGrace: Double = 15,
                      shouldStop: @escaping @Sendable () -> Bool,
                      log: @escaping @Sendable (String) -> Void) async throws -> [(Slug, Watcher.Summary)] {
        // Refused before any page is fetched, as one article's watch is (each poll would
        // otherwise fetch its page, fail to store it and say so, until Ctrl-C).
        try repository.ensureWritable()
        let fetcher = PageFetcher(timeout: timeout, allowPrivateRedirects: allowPrivateRedirects)
        // Each announcer its own queue: a slow webhook delays only its own announcements.
        let queues = announcers.map { AnnouncementQueue([$0]) }
        let width = configuration.articles.map(\.slug.value.count).max() ?? 0
        var watchers: [Watcher] = []
        for article in configuration.articles {
            // Each article its own repository handle and cache of the version it stored last.
            var watcher = Watcher(tracker: Tracker(repository: try TrackRepository.open(at: repository.path)), slug: article.slug,
                                  url: article.url, fetcher: fetcher, schedule: article.every.map { .fixed($0) } ?? .adaptive())
            watcher.filter = article.filter
            watcher.label = article.slug.value.padding(toLength: width + 2, withPad: " ", startingAt: 0)
            if !queues.isEmpty { watcher.onStored = { event in queues.forEach { $0.add(event) } } }
            watchers.append(watcher)
        }
        var roster = WatchRoster(watchers, jobs: jobs)
        let summaries = await roster.run(count: count, shouldStop: shouldStop, log: log)
        let pending = await withTaskGroup(of: Bool.self) { group in
            for queue in queues { group.addTask { await queue.finish(within: announcementGrace) } }
            return await group.reduce(0) { $0 + ($1 ? 0 : 1) }
        }
        if pending > 0 {
            log("\(Timestamp.format(Date()))  announcements not made within \(Int(announcementGrace)) s of the last poll were given up")
        }
        return summaries
    }
}
