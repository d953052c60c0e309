import ArgumentParser
import RedlineModel
import RedlineRender

extension RedlineCommand {
    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "log",
            abstract: "List an article's versions, newest first, with the counts of each change.")

        @OptionGroup var repository: RepositoryOptions
        @Argument(help: "The article.") var slug: String

        func run() throws {
            let slug = try Slug(slug)
            let versions = try repository.open().versions(of: slug)
            Output.write(HistoryText.log(versions))
        }
    }
}
