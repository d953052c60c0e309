import RedlineText
import ArgumentParser
import Foundation
import RedlineTracker
import RedlineModel
import RedlineRender

extension RedlineCommand {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Write an article's history as one self-contained HTML page: a timeline and every diff.",
            usage: "redline report SLUG -o FILE.html")

        @OptionGroup var repository: RepositoryOptions
        @Argument(help: "The article.") var slug: String
        @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The HTML file to write ('-' for standard output).", valueName: "file"))
        var output: String
        @Option(parsing: .unconditional, help: ArgumentHelp("Only the newest N versions, each with its diff from the one before.",
                                                            valueName: "n")) var last: Int?
        @Option(parsing: .unconditional, help: ArgumentHelp("Unchanged blocks shown around each change.", valueName: "blocks")) var context = 1

        func validate() throws {
            guard context >= 0 else { throw ValidationError("--context takes a number of blocks, 0 or more.") }
            if let last, last < 1 { throw ValidationError("--last takes a number of versions, 1 or more.") }
        }

        func run() throws {
            let slug = try Slug(slug)
            var history = ReportHTML.History(article: slug.value, versions: [], context: context)
            let context = context
            // The version before the newest N too, for the diff to the oldest of them.
            let (read, changes, newest) = try repository.tracker().history(slug, last: last.map { $0 + 1 }) {
                ReportHTML.Change($0, context: context)
            }
            let versions = last.map { Array(read.suffix($0)) } ?? read
            changes.suffix(versions.count).forEach { history.add($0) }
            (history.versions, history.title, history.url) = (versions, newest?.title, newest?.url ?? versions.last?.url)
            let html = ReportHTML.render(history)
            let diffs = history.changes
            if output == "-" {
                Output.write(html)
                return
            }
            try Output.write(html, toFile: output, what: "report")
            Output.write("\(TerminalText.escape(output)): \(versions.count) version\(versions.count == 1 ? "" : "s"), \(diffs.count) diff\(diffs.count == 1 ? "" : "s")\n")
        }
    }
}
