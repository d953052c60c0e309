import ArgumentParser
import Foundation
import Redline
import RedlineCapture
import RedlineDiff
import RedlineExtract
import RedlineModel
import RedlineRender
import Synchronization

/// Why two versions cannot be compared.
enum DiffError: Error, CustomStringConvertible {
    case onlyOneVersion(String)

    var description: String {
        switch self {
        case .onlyOneVersion(let slug): "'\(slug)' has only 1 version so far; there is nothing to compare it with yet"
        }
    }
}

/// How a diff is printed.
enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
    case terminal, text, json, markdown, html
}

/// What counts as a change for `--exit-code`.
enum FailOn: String, ExpressibleByArgument, CaseIterable {
    case any, keyEvents = "key-events", edits

    func isMet(by summary: ChangeSummary) -> Bool {
        switch self {
        case .any: summary.hasChanges
        case .keyEvents: summary.keyEventsAdded + summary.keyEventsRemoved + summary.keyEventsRetitled > 0
        case .edits: summary.added + summary.removed + summary.edited + summary.moved > 0
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
        @Option(help: ArgumentHelp("Unchanged blocks shown around each change.", valueName: "blocks")) var context = 1
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
            } else {
                guard (1...3).contains(arguments.count) else { throw ValidationError("diff takes SLUG [FROM [TO]].") }
            }
        }

        func run() throws {
            let diff = files ? try diffFiles() : try diffVersions()
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
                KeptUntilExit.keep(diff)
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
            if exitCode || failOn != nil, (failOn ?? .any).isMet(by: diff.summary) {
                throw ExitCode(1)
            }
        }

        private func diffFiles() throws -> ArticleDiff {
            let (oldInput, newInput) = try Self.readAndExtract(arguments[0], arguments[1])
            (oldInput.extraction.warnings.map { "\(arguments[0]): \($0)" } + newInput.extraction.warnings.map { "\(arguments[1]): \($0)" })
                .forEach(Output.warning)
            KeptUntilExit.keep(oldInput, newInput)
            var diff = ArticleDiffer.diff(oldInput.blocks, newInput.blocks)
            diff.from = DiffSide(path: arguments[0])
            diff.to = DiffSide(path: arguments[1])
            return diff
        }

        /// Both captures read and extracted at once, one on each core: neither depends on the
        /// other (one after the other when one is standard input). A file that cannot be read
        /// fails the diff, the old one's error first.
        private static func readAndExtract(_ old: String, _ new: String) throws(CaptureError) -> (DiffInput, DiffInput) {
            // Begun while the command line was parsed, one early thread on each file (if one has
            // not begun the new file yet, this thread takes it).
            if let early = EarlyExtraction.shared, let second = early.result(for: new), let first = early.result(for: old) {
                return try (first.get(), second.get())
            }
            // Otherwise (standard input, or a file that is not there), each side on its own, still
            // taking a result begun early where there is one.
            let results = Mutex<[Result<DiffInput, CaptureError>?]>([nil, nil])
            let readAndExtract = { @Sendable (index: Int) in
                let path = index == 0 ? old : new
                let result = EarlyExtraction.shared?.result(for: path) ?? EarlyExtraction.readAndExtract(path)
                results.withLock { $0[index] = result }
            }
            if old == "-" || new == "-" {
                (0..<2).forEach(readAndExtract)
            } else {
                DispatchQueue.concurrentPerform(iterations: 2, execute: readAndExtract)
            }
            let (first, second) = results.withLock { ($0[0]!, $0[1]!) }
            return try (first.get(), second.get())
        }

        private func diffVersions() throws -> ArticleDiff {
            let slug = try Slug(arguments[0])
            let tracker = try repository.tracker()
            let repository = tracker.repository
            if arguments.count == 1, let newest = try repository.latest(of: slug), newest.number == 1 {
                throw DiffError.onlyOneVersion(slug.value)
            }
            let from = try arguments.count > 1 ? resolve(arguments[1], of: slug, in: repository) : repository.resolve(.offset(1), of: slug)
            let to = try arguments.count > 2 ? resolve(arguments[2], of: slug, in: repository) : repository.resolve(.newest, of: slug)
            return try tracker.diff(slug, from: from, to: to)
        }
    }
}
