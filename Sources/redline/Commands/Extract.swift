import ArgumentParser
import RedlineTracker

extension RedlineCommand {
    struct Extract: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "extract",
            abstract: "Print the article redline extracts from a capture; no repository needed.")

        @Argument(help: "The capture; - for standard input.") var file: String = "-"
        @Option(name: .customLong("input"), help: "How to read the capture.") var input: InputFormat = .auto
        @Option(help: "text (readable), markdown (as article.md stores it) or json.") var format: ArticleFormat = .text
        @OptionGroup var filter: FilterOptions

        func run() throws {
            ProcessMemory.prepareShortRun()     // this process ends when the article is printed
            let extraction = try Tracker.extract(file, format: input.captureFormat, filter: filter.filter())
            extraction.warnings.forEach(Output.warning)
            printArticle(extraction.article, as: format)
        }
    }
}
