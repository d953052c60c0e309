import ArgumentParser

import Foundation
import RedlineModel
import RedlineTracker
import RedlineRender

/// `redline`: track how live blogs and news articles change, one git commit per capture.
@main
struct RedlineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redline",
        abstract: "Track how live blogs and news articles change, one git commit per capture.",
        discussion: """
            The track repository is found from --repo, $REDLINE_REPO, or ./.redline; --repo may \
            come before the command too (redline --repo PATH log SLUG).
            Revisions: a version number (3), an offset from the newest (-1), a commit id prefix, \
            or a time (2025-04-23T10:00Z: the newest version captured at or before it).
            Exit codes: 0 success, 1 changes found (diff --exit-code), 2 error, 64 usage error.
            """,
        version: RedlineVersion.current,
        subcommands: [Init.self, Snap.self, Replay.self, Log.self, Diff.self, Show.self, Extract.self, Articles.self,
                      Events.self, Blame.self, Fetch.self, Watch.self, Report.self, Gc.self, Feed.self]
    )

    /// Parses and runs a command (`--repo` before its name moved after it:
    /// ``movingLeadingRepository(_:)``): usage errors exit 64 (swift-argument-parser's own handling);
    /// every other failure is one line on stderr and exit code 2, never a stack trace.
    static func main() async {
        unblockSignals()
        reportCapturesCutShort()
        var command: any ParsableCommand
        do {
            command = try parseAsRoot(refusingGroupedFlags(movingLeadingRepository(Array(CommandLine.arguments.dropFirst()))))
        } catch {
            exit(withError: error)
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as ValidationError {
            // Found by the command as it runs: told as swift-argument-parser tells one it finds,
            // with the command's own usage line (its exit(withError:) would give the overview's).
            let name = type(of: command).configuration.commandName ?? "redline"
            let usage = "Error: \(error.message)\nUsage: \(usageString(for: type(of: command)))\n  See 'redline \(name) --help' for more information.\n"
            FileHandle.standardError.write(Data(usage.utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        } catch where isArgumentParserError(error) {
            exit(withError: error)
        } catch {
            Output.error(String(describing: error))
            Foundation.exit(2)
        }
    }

    /// A parent may start us with signals blocked (threads of Swift's concurrency pool block
    /// them, and children inherit the mask): let Ctrl-C, SIGTERM and SIGCHLD through again.
    private static func unblockSignals() {
        var set = sigset_t()
        sigemptyset(&set)
        for signalNumber in [SIGINT, SIGTERM, SIGCHLD, SIGHUP] { sigaddset(&set, signalNumber) }
        sigprocmask(SIG_UNBLOCK, &set, nil)
    }

    /// Large captures are read through a mapping of their file (CaptureReader): one cut short
    /// while it is read raises SIGBUS on the next page touched. One line and exit code 2, not a crash.
    private static func reportCapturesCutShort() {
        signal(SIGBUS) { _ in
            let message: StaticString = "redline: error: a capture file was cut short while it was being read\n"
            _ = write(STDERR_FILENO, message.utf8Start, message.utf8CodeUnitCount)
            _exit(2)
        }
    }

    /// True for the errors swift-argument-parser handles itself: help, usage, exit codes.
    private static func isArgumentParserError(_ error: any Error) -> Bool {
        error is ExitCode || error is CleanExit || error is ValidationError
            || String(reflecting: type(of: error)).hasPrefix("ArgumentParser.")
    }
}
