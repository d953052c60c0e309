import Foundation
import RedlineModel

/// An extracted article, the format it was read as, and what went wrong on the way.
public struct Extraction: Sendable, Hashable {
    /// What the page says.
    public var article: Article
    /// The format the capture was read as.
    public var format: CaptureFormat
    /// Problems that did not stop extraction (bad UTF-8, invalid JSON-LD …), one line each.
    public var warnings: [String]

    /// An extraction with the given parts.
    public init(article: Article, format: CaptureFormat, warnings: [String] = []) {
        self.article = article
        self.format = format
        self.warnings = warnings
    }
}

/// Turns a capture's bytes into an ``Article``.
public enum ArticleExtractor {
    /// Extracts the article from `bytes`, read as `format` (nil: sniffed from the bytes).
    public static func extract(_ bytes: Data, format: CaptureFormat? = nil) -> Extraction {
        let format = format ?? CaptureFormat.sniff(bytes)
        let (text, warning) = TextDecoding.decode(bytes)
        let article = switch format {
        case .text: PlainTextExtractor.extract(text)
        case .html: PlainTextExtractor.extract(text)
        }
        return Extraction(article: article, format: format, warnings: warning.map { [$0] } ?? [])
    }
}
