import ArgumentParser
import RedlineModel
import RedlineRender
import RedlineTracker

extension RedlineCommand {
    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "log",
            abstract: "List an article's versions, newest first, with the counts of each change.")

        @OptionGroup var repository: RepositoryOptions
        @Argument(help: "The article.") var slug: String

        func run() throws {
            let versions = try repository.tracker().log(try Slug(slug))
            Output.write(HistoryText.log(versions))
        }
    }
}
