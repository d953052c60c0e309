import ArgumentParser
import Foundation
import RedlineModel
import RedlineRender
import RedlineText
import RedlineTracker

extension RedlineCommand {
    struct Feed: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "feed",
            abstract: "Write an Atom 1.0 feed of an article (or of every article): one entry per version that changed something a reader cares about.",
            usage: "redline feed SLUG|--all -o FILE.xml",
            discussion: """
                Entries are newest first; a version whose blocks only moved is left out. Each entry's \
                summary leads with a changed headline, then new key events, then edits to published \
                text; its content is the HTML diff. Ids are tag: URIs of the slug and the version's \
                commit, so they stay the same however often the feed is written.
                """)

        @OptionGroup var repository: RepositoryOptions
        @Argument(help: "The article.") var slug: String?
        @Flag(help: "Every tracked article in one feed.") var all = false
        @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The XML file to write ('-' for standard output).", valueName: "file"))
        var output: String
        @Option(parsing: .unconditional, help: ArgumentHelp("Look at only the newest N versions of each article.", valueName: "n"))
        var last: Int = Tracker.feedVersions

        func validate() throws {
            if slug == nil, !all { throw ValidationError("Give an article's SLUG, or --all for every article.") }
            if slug != nil, all { throw ValidationError("Give an article's SLUG or --all, not both.") }
            guard last >= 1 else { throw ValidationError("--last takes a number of versions, 1 or more.") }
        }

        func run() throws {
            let tracker = try repository.tracker()
            let feed = try slug.map { try tracker.feed(Slug($0), last: last) } ?? tracker.feedOfAll(last: last)
            let xml = feed.render()
            if output == "-" { return Output.write(xml) }
            try Output.write(xml, toFile: output, what: "feed")
            let count = feed.entries.count
            Output.write("\(TerminalText.escape(output)): \(count) entr\(count == 1 ? "y" : "ies")\n")
        }
    }
}
