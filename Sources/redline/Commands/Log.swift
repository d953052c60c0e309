import ArgumentParser
import RedlineModel
import RedlineRender
import RedlineTracker

extension RedlineCommand {
    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "log",
            abstract: "List an article's versions, newest first, with the counts of each change.",
            discussion: """
                With --edits, list instead every change made to what was already published, across the \
                whole history: changed headline, standfirst or byline, retitled or dropped key events, \
                edited, removed, or moved and edited blocks (new entries are not edits).
                """)

        @OptionGroup var repository: RepositoryOptions
        @Argument(help: "The article.") var slug: String
        @Flag(help: "Show only the changes to text that was already published, version by version.") var edits = false
        @Option(help: "text or json (with --edits also terminal, the default on a terminal).") var format: HistoryFormat?
        @Option(help: "When to colour the terminal format; auto honours NO_COLOR and TERM=dumb.") var color: ColorChoice = .auto

        func run() throws {
            let tracker = try repository.tracker()
            let slug = try Slug(slug)
            guard edits else {
                let versions = try tracker.log(slug)
                if format == .json {
                    Output.write(JSONOutput.render(log: versions, article: slug.value) + "\n")
                } else {
                    Terminal.current.write(HistoryText.log(versions), paging: true)   // a day of captures is 1,000 lines
                }
                return
            }
            let diffs = try tracker.edits(slug)
            let terminal = Terminal.current
            let chosen = format ?? (terminal.isTerminal || color == .always ? .terminal : .text)
            switch chosen {
            case .json:
                Output.write(JSONOutput.render(edits: diffs, article: slug.value) + "\n")
            case .text, .terminal:
                // Plain text is never wrapped (piped, each wrapped line repeated its marker).
                let options = TerminalOptions(color: chosen == .terminal && terminal.usesColor(color),
                                              width: chosen == .text ? nil : terminal.width, context: 0)
                let text = diffs.isEmpty ? "No edits: nothing already published was changed.\n"
                    : diffs.map { DiffTerminal.render($0, options: options) }.joined(separator: "\n")
                terminal.write(text, paging: true)
            }
        }
    }
}
