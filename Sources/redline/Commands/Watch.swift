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
            abstract: "Poll a page and capture each change, one log line per poll on stderr.",
            discussion: """
                Without --every the interval adapts: every minute while the page changes, up to \
                every 30 minutes while it is quiet. Errors back off exponentially. Ctrl-C stops \
                at once (a poll in flight is abandoned); nothing is left half-written.
                """)

        @OptionGroup var repository: RepositoryOptions
        @Argument(help: "The article's name.") var slug: String
        @Argument(help: "The page's http or https URL.") var url: String
        @Option(help: "A fixed interval between polls (60s, 200ms, 5m …).") var every: Interval?
        @Option(help: "Stop after this many polls.") var count: Int?
        @Option(help: "Seconds to wait for the server on each poll.") var timeout: Double = 30
        @Flag(help: "Follow a redirect from a public address to a private or loopback one.")
        var allowPrivateRedirects = false

        func validate() throws {
            if let count, count < 1 { throw ValidationError("--count takes a number of polls of 1 or more.") }
            guard timeout > 0 else { throw ValidationError("--timeout takes a number of seconds above 0.") }
        }

        func run() async throws {
            let slug = try Slug(slug)
            let tracker = try repository.tracker()
            for signalNumber in [SIGINT, SIGTERM] {
                signal(signalNumber) { _ in
                    stopRequested.store(true, ordering: .relaxed)
                    Tracker.cancelFetches()   // a poll in flight ends now, storing nothing
                }
            }
            let summary = try await tracker.watch(slug, url: url, interval: every?.seconds, count: count, timeout: timeout,
                                                  allowPrivateRedirects: allowPrivateRedirects,
                                                  shouldStop: { stopRequested.load(ordering: .relaxed) },
                                                  log: { Output.log($0) })
            if stopRequested.load(ordering: .relaxed) { Output.log("stopped after \(summary.polls) polls") }
            Output.write("\(slug): \(summary.polls) polls, \(summary.stored) new versions, \(summary.failures) failed\n")
            if summary.polls > 0, summary.failures == summary.polls { throw ExitCode(2) }
        }
    }
}
