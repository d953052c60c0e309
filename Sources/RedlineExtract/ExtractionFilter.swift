import Foundation
import RedlineModel

/// What a configured article narrows its pages to before extraction (`select`) and what text it
/// never counts (`ignore`). Both are stored with each version they extracted, so a version is
/// always extracted again as it was extracted when captured.
///
///     select: "#liveblog-body"   → only that element's subtree (and the page's structured data) is read
///     ignore: ["^Updated at "]   → a block, entry title or field whose text matches is dropped
public struct ExtractionFilter: Sendable, Hashable {
    /// A CSS selector or (starting with `/` or `(`) an XPath expression; nil: the whole page.
    public let select: String?
    /// Regular expressions (ICU syntax, `^`/`$` at line ends).
    public let ignore: [String]
    /// `select` as XPath.
    let xpath: String?

    /// No narrowing, nothing ignored.
    public static let none = ExtractionFilter(checked: nil, xpath: nil, ignore: [])

    /// A filter of `select` and `ignore`, each checked: a selector libxml2 cannot compile or a
    /// pattern that is not a regular expression throws ``ExtractionFilterError``.
    public init(select: String? = nil, ignore: [String] = []) throws {
        var xpath: String?
        if let select {
            let trimmed = select.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("/") || trimmed.hasPrefix("(") {
                xpath = trimmed
            } else {
                do { xpath = try CSSSelector.xpath(trimmed) } catch let error as CSSSelector.Unsupported {
                    throw ExtractionFilterError.badSelector(select, reason: error.reason)
                }
            }
            if let problem = HTMLSelection.problem(compiling: xpath ?? "") {
                throw ExtractionFilterError.badSelector(select, reason: problem)
            }
        }
        for pattern in ignore {
            do { _ = try Self.expression(pattern) } catch {
                throw ExtractionFilterError.badPattern(pattern)
            }
        }
        self.init(checked: select, xpath: xpath, ignore: ignore)
    }

    private init(checked select: String?, xpath: String?, ignore: [String]) {
        self.select = select
        self.xpath = xpath
        self.ignore = ignore
    }

    /// True when it neither narrows nor ignores anything.
    public var isNone: Bool { select == nil && ignore.isEmpty }

    static func expression(_ pattern: String) throws -> NSRegularExpression {
        try NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
    }

    /// `article` without the text an ignore pattern matches: a matching block is dropped, and so
    /// are a matching entry title, key event, headline, standfirst or byline.
    func removingIgnored(from article: Article) -> Article {
        guard !ignore.isEmpty else { return article }
        let expressions = ignore.compactMap { try? Self.expression($0) }
        func ignored(_ text: String) -> Bool {
            let range = NSRange(text.startIndex..., in: text)
            return expressions.contains { $0.firstMatch(in: text, range: range) != nil }
        }
        func kept(_ text: String?) -> String? { text.flatMap { ignored($0) ? nil : $0 } }
        var article = article
        article.title = kept(article.title)
        article.standfirst = kept(article.standfirst)
        article.byline = kept(article.byline)
        article.keyEvents.removeAll { ignored($0.title) }
        article.blocks.removeAll { ignored($0.text) }
        for index in article.entries.indices {
            article.entries[index].title = kept(article.entries[index].title)
            article.entries[index].blocks.removeAll { ignored($0.text) }
        }
        return article
    }
}

/// Why a `select` or `ignore` was refused.
public enum ExtractionFilterError: Error, Sendable, Equatable, CustomStringConvertible {
    case badSelector(String, reason: String)
    case badPattern(String)

    public var description: String {
        switch self {
        case .badSelector(let selector, let reason):
            "'\(selector)' is not a selector redline reads (\(reason)); give a CSS selector such as '#live-body' or '.post p', or an XPath starting with '/'"
        case .badPattern(let pattern):
            "'\(pattern)' is not a regular expression; escape special characters such as ( [ * with a backslash"
        }
    }
}
