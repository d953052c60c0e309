import ArgumentParser
import Foundation
import RedlineTracker
import RedlineModel
import Synchronization

/// A length of time on the command line: `60s`, `200ms`, `5m`, `1h`, or plain seconds.
struct Interval: ExpressibleByArgument {
    var seconds: Double

    init?(argument: String) {
        guard let seconds = PollInterval.seconds(argument) else { return nil }
        self.seconds = seconds
    }
}

/// Set by SIGINT or SIGTERM; the watch stops between polls when it is.
private let stopRequested = Atomic<Bool>(false)

extension RedlineCommand {
    struct Watch: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "watch",
            abstract: "Poll a page, or every article of the configuration file, and capture each change; one log line per poll on stderr.",
            discussion: """
                With SLUG and URL, watches that page. Without them, watches every article of the \
                configuration file (--config, $REDLINE_CONFIG, else ./redline.yaml) from one \
                process: each on its own schedule, --jobs at a time, one request at a time per host.
                Without --every (or an article's every:) the interval adapts: every minute while \
                the page changes, up to every 30 minutes while it is quiet. Errors back off \
                exponentially. Ctrl-C stops at once (a poll in flight is abandoned); nothing is \
                left half-written.
                The configuration's announce: section is told of each version stored: its feeds \
                folder is written again (SLUG.xml and all.xml) and each webhook gets a POST of the \
                diff's JSON, retried with back-off; neither ever holds up capturing, and once the \
                polls end they get 15 seconds more to finish.
                """)

        @OptionGroup var repository: RepositoryOptions
        @Argument(help: "The article's name (none: the configuration file's articles).") var slug: String?
        @Argument(help: "The page's http or https URL.") var url: String?
        @Option(help: "A fixed interval between polls (60s, 200ms, 5m, 1d …), \(PollInterval.bounds).") var every: Interval?
        @Option(help: "Stop after this many polls (of each article).") var count: Int?
        @Option(help: "Seconds to wait for the server on each poll.") var timeout: Double = 30
        @Option(help: "How to read the page; text also stores what is not a page (a PDF, JSON).") var format: InputFormat = .auto
        @Option(help: "Without a URL: how many polls may run at once.") var jobs: Int = 4
        @Flag(help: "Follow a redirect from a public address to a private or loopback one.")
        var allowPrivateRedirects = false
        @OptionGroup var filter: FilterOptions
        @OptionGroup var config: ConfigOptions

        func validate() throws {
            if let count, count < 1 { throw ValidationError("--count takes a number of polls of 1 or more.") }
            guard timeout > 0 else { throw ValidationError("--timeout takes a number of seconds above 0.") }
            guard jobs >= 1 else { throw ValidationError("--jobs takes a number of 1 or more.") }
            if slug != nil, url == nil {
                throw ValidationError("Give both SLUG and URL to watch one page, or neither to watch the configuration file's articles.")
            }
            if slug == nil, every != nil || filter.select != nil || !filter.ignore.isEmpty || format != .auto {
                throw ValidationError("--every, --format, --select and --ignore go with SLUG URL; the configuration file sets them per article.")
            }
        }

        func run() async throws {
            ProcessMemory.preparePolling()   // every poll does the same work: its memory is kept for the next
            let tracker = try repository.tracker()
            let configuration = slug == nil ? try config.load() : nil
            for signalNumber in [SIGINT, SIGTERM] {
                signal(signalNumber) { _ in
                    stopRequested.store(true, ordering: .relaxed)
                    Tracker.cancelFetches()   // a poll in flight ends now, storing nothing
                }
            }
            let shouldStop: @Sendable () -> Bool = { stopRequested.load(ordering: .relaxed) }
            if let configuration { return try await watchAll(configuration, tracker: tracker, shouldStop: shouldStop) }
            guard let slug, let url else { return }
            let article = try Slug(slug)
            let summary = try await tracker.watch(article, url: url, interval: every?.seconds, count: count, timeout: timeout,
                                                  format: format.captureFormat,
                                                  allowPrivateRedirects: allowPrivateRedirects, filter: filter.filter(),
                                                  shouldStop: shouldStop, log: { Output.log($0) })
            if stopRequested.load(ordering: .relaxed) { Output.log("stopped after \(counted(summary.polls, "poll"))") }
            Output.write(summaryLine(article.description, summary))
            if summary.polls > 0, summary.failures == summary.polls { throw ExitCode(2) }
        }

        /// `watch` without a URL: every configured article, one line of summary each.
        private func watchAll(_ configuration: WatchConfiguration, tracker: Tracker, shouldStop: @escaping @Sendable () -> Bool) async throws {
            guard !configuration.articles.isEmpty else {
                throw ConfigurationError(file: configuration.path, line: nil, key: "articles", problem: "lists no articles; add some, each starting with '- slug: …'")
            }
            try tracker.repository.ensureWritable()   // refused before the first line of the log, as one page's watch is
            Output.log("watching \(counted(configuration.articles.count, "article")) from \(configuration.path), "
                       + "up to \(counted(jobs, "poll")) at a time")
            let log: @Sendable (String) -> Void = { Output.log($0) }
            let summaries = try await tracker.watch(configuration, jobs: jobs, count: count, timeout: timeout,
                                                    allowPrivateRedirects: allowPrivateRedirects,
                                                    announcers: configuration.announcers(repositoryPath: repository.path, log: log),
                                                    shouldStop: shouldStop, log: log)
            let polls = summaries.map(\.1.polls).reduce(0, +)
            if stopRequested.load(ordering: .relaxed) { Output.log("stopped after \(counted(polls, "poll"))") }
            for (slug, summary) in summaries {
                Output.write(summaryLine("\(slug)", summary))
            }
            if polls > 0, summaries.allSatisfy({ $0.1.failures == $0.1.polls }) { throw ExitCode(2) }
        }
    }
}

/// The line `watch` prints for one article when it ends: `talks: 1 poll, 1 new version, 0 failed`.
private func summaryLine(_ slug: String, _ summary: Watcher.Summary) -> String {
    "\(slug): \(counted(summary.polls, "poll")), \(counted(summary.stored, "new version")), \(summary.failures) failed\n"
}

/// `1 poll`, `2 polls`: a count and its noun, singular for one.
private func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
