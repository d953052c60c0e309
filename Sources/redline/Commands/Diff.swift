import ArgumentParser
import Foundation
import RedlineTracker
import RedlineModel
import RedlineRender

/// How a diff is printed.
enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
    case terminal, text, json, markdown, html
}

/// What counts as a change for `--exit-code`: anything; the key events; the headline; or an edit
/// to what was already published (never new entries alone).
enum FailOn: String, ExpressibleByArgument, CaseIterable {
    case any, keyEvents = "key-events", headline, edits

    func isMet(by diff: ArticleDiff) -> Bool {
        switch self {
        case .any: diff.summary.hasChanges
        case .keyEvents: !diff.keyEvents.isEmpty
        case .headline: diff.headlineChanged
        case .edits: diff.hasEdits
        }
    }
}

extension RedlineCommand {
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "Show what changed between two versions (default: the last two), or two files.",
            usage: """
                redline diff SLUG [FROM [TO]]
                redline diff --files OLD NEW
                """)

        @OptionGroup var repository: RepositoryOptions
        @Flag(help: "Compare two capture files; no repository needed.") var files = false
        @Argument(parsing: .allUnrecognized, help: "SLUG [FROM [TO]], or OLD NEW with --files.")
        var arguments: [String] = []
        @Option(help: "How to print the change (default: terminal when standard output is a terminal, else text).")
        var format: DiffFormat?
        @Option(help: "When to colour the terminal format; auto honours NO_COLOR and TERM=dumb.")
        var color: ColorChoice = .auto
        @Option(parsing: .unconditional, help: ArgumentHelp("Unchanged blocks shown around each change.", valueName: "blocks")) var context = 1
        @Flag(help: "Print only the counts.") var stat = false
        @Flag(help: "Never send the output through a pager ($REDLINE_PAGER, $PAGER, less -FRX).") var noPager = false
        @Flag(help: "Exit with 1 when anything changed (see --fail-on).") var exitCode = false
        @Option(help: "What counts as a change for the exit code; implies --exit-code.") var failOn: FailOn?

        func validate() throws {
            try checkPositionals(arguments)
            guard context >= 0 else { throw ValidationError("--context takes a number of blocks, 0 or more.") }
            if stat, let format, format != .terminal, format != .text {
                throw ValidationError("--stat works with --format terminal or text.")
            }
            if files {
                guard arguments.count == 2 else { throw ValidationError("diff --files takes two files: OLD NEW.") }
                guard arguments != ["-", "-"] else { throw ValidationError("only one of OLD and NEW can be standard input (-).") }
            } else {
                guard (1...3).contains(arguments.count) else { throw ValidationError("diff takes SLUG [FROM [TO]].") }
            }
        }

        func run() throws {
            let diff = files ? try diffFiles() : try diffVersions()
            KeptUntilExit.keep(diff)
            let terminal = Terminal.current
            let output: String
            switch format ?? (terminal.isTerminal || color == .always ? .terminal : .text) {
            case .json:
                // A 2 MB pair's document is some 8 MB: written out a megabyte at a time unless
                // a pager needs it whole.
                if !noPager && terminal.pager != nil {
                    terminal.write(JSONOutput.render(diff) + "\n", paging: true)
                } else {
                    JSONOutput.stream(diff, to: Output.write(bytes:))
                }
                try exitIfChanged(diff)
                return
            case .markdown: output = DiffMarkdown.render(diff)
            case .html: output = DiffHTML.render(diff, context: context)
            case .text: output = stat ? DiffStat.render(diff) : DiffTerminal.render(diff, options: TerminalOptions(context: context))
            case .terminal:
                let colored = terminal.usesColor(color), width = terminal.width
                output = stat ? DiffStat.render(diff, color: colored, width: width)
                    : DiffTerminal.render(diff, options: TerminalOptions(color: colored, width: width, context: context))
            }
            terminal.write(output, paging: !noPager)
            try exitIfChanged(diff)
        }

        /// Exit code 1 when asked for and `diff` has the changes asked about.
        private func exitIfChanged(_ diff: ArticleDiff) throws {
            if exitCode || failOn != nil, (failOn ?? .any).isMet(by: diff) {
                throw ExitCode(1)
            }
        }

        private func diffFiles() throws -> ArticleDiff {
            ProcessMemory.prepareShortRun()     // this process ends when the diff is printed
            let found = try Tracker.diffFiles(arguments[0], arguments[1])
            found.warnings.forEach(Output.warning)
            KeptUntilExit.keep(found.extractions)
            return found.diff
        }

        private func diffVersions() throws -> ArticleDiff {
            try repository.tracker().diff(try Slug(arguments[0]), from: arguments.dropFirst().first,
                                          to: arguments.dropFirst(2).first)
        }
    }
}
