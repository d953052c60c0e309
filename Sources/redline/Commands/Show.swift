import RedlineText
import ArgumentParser
import Foundation
import RedlineModel
import RedlineRender
import RedlineStore
import RedlineTracker

/// How an article is printed.
enum ArticleFormat: String, ExpressibleByArgument, CaseIterable {
    case text, terminal, json, markdown
}

/// Prints `article` in `format`.
func printArticle(_ article: Article, as format: ArticleFormat) {
    switch format {
    case .json:
        // Streamed a megabyte at a time: the document of a 2 MB capture is some 3 MB.
        JSONOutput.stream(article, to: Output.write(bytes:))
    case .text, .terminal, .markdown:
        let text = format == .markdown ? ArticleMarkdown.render(article) : ArticleMarkdown.readable(article)
        Terminal.current.write(TerminalText.escape(text, keepLineBreaks: true), paging: true)
    }
}

extension RedlineCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Print the article as extracted at a version (default: the newest).")

        @OptionGroup var repository: RepositoryOptions
        @OptionGroup var target: VersionArguments
        @Option(help: "text (readable), markdown (article.md as stored) or json.") var format: ArticleFormat?
        @Flag(help: "Print the captured bytes unchanged instead.") var raw = false

        func validate() throws {
            if raw, format != nil { throw ValidationError("--raw prints the captured bytes as they are; --format does not go with it.") }
        }

        func run() throws {
            let tracker = try repository.tracker()
            let slug = try Slug(target.slug)
            if raw {
                let source = try tracker.source(of: slug, at: target.revision.first)
                if isatty(STDOUT_FILENO) != 0 {
                    Output.write(TerminalText.escape(String(decoding: source.bytes, as: UTF8.self), keepLineBreaks: true))
                } else {
                    source.bytes.withUnsafeBytes { Output.write(bytes: $0.bindMemory(to: UInt8.self)) }
                }
                return
            }
            printArticle(try tracker.article(of: slug, at: target.revision.first), as: format ?? .text)
        }
    }
}
