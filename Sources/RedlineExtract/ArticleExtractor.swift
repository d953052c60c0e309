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
///
///     "World\n\nTalks end\n\nBoth sides left London.\n"           (text)
///     → Article(title: "Talks end", blocks: [paragraph "Both sides left London."])
///     "<h1>Talks end</h1><article><p>Both sides left.</p></article>"  (HTML)
///     → Article(title: "Talks end", blocks: [paragraph "Both sides left."])
///
/// Extraction never fails: bad bytes, broken markup and invalid structured data become
/// ``Extraction/warnings`` and a best-effort article. Size limits are enforced before this, by
/// the capture reader (`REDLINE_MAX_BYTES`).
public enum ArticleExtractor {
    /// This extractor's version, stored with every version it extracts (`Redline-Extractor:`).
    /// Raise it whenever a capture extracts differently: a version stored by another extractor
    /// is then extracted again before it is compared, so the change never reads as an edit.
    /// `ExtractorVersionTests` fails when the output changes and this does not.
    public static let version = "10"

    /// Extracts the article from `bytes`, read as `format` (nil: sniffed from the bytes).
    ///
    /// A forced `.text` is honoured even for HTML bytes; a forced `.html` on bytes without a
    /// single tag is read as text, with a warning. HTML that is not valid UTF-8 but declares a
    /// legacy encoding (`<meta charset="windows-1252">`) is converted from it; text or HTML that
    /// declares nothing and is not UTF-8 is read as windows-1252, with a warning. Mojibake (UTF-8
    /// once read as Windows-1252 and encoded again, "EspaÃ±ol") is repaired.
    ///
    /// `charset` is the encoding the transport declared (HTTP's `Content-Type`), nil when none
    /// was. As in browsers, a byte order mark comes first, then `charset`, then `<meta charset>`.
    ///
    /// `filter` narrows an HTML page to its `select` before extraction and drops the text its
    /// `ignore` patterns match from the article (``ExtractionFilter``).
    public static func extract(_ bytes: Data, format: CaptureFormat? = nil, charset: String? = nil,
                               filter: ExtractionFilter = .none) -> Extraction {
        var extraction = decodeAndExtract(bytes, format: format, charset: charset, select: filter.xpath)
        removeRelativeLabelsInTitles(&extraction.article)
        extraction.article = filter.removingIgnored(from: extraction.article)
        return extraction
    }

    /// Takes any "1h ago" at the start or end of `article`'s headline, a key event's or an
    /// entry's title, or a heading out (``TimeLabel/withoutRelativeLabel(_:)``): in the same text
    /// as the title, such a label made every visit a retitle or an edit. What has none is not
    /// written again.
    static func removeRelativeLabelsInTitles(_ article: inout Article) {
        func strip(_ text: inout String) {
            let stripped = TimeLabel.withoutRelativeLabel(text)
            if stripped.utf8.count != text.utf8.count { text = stripped }
        }
        func headings(_ blocks: inout [Block]) {
            for index in blocks.indices where blocks[index].kind == .heading { strip(&blocks[index].text) }
        }
        if article.title != nil { strip(&article.title!) }
        for index in article.keyEvents.indices { strip(&article.keyEvents[index].title) }
        headings(&article.blocks)
        for index in article.entries.indices {
            if article.entries[index].title != nil { strip(&article.entries[index].title!) }
            headings(&article.entries[index].blocks)
        }
    }

    private static func decodeAndExtract(_ bytes: Data, format: CaptureFormat?, charset: String?, select: String?) -> Extraction {
        guard let charset, !TextDecoding.hasBOM(bytes) else { return extract(bytes, format: format, readsMeta: true, select: select) }
        switch TextDecoding.transcode(bytes, from: charset) {
        case .utf8:
            return extract(bytes, format: format, readsMeta: false, select: select)
        case .converted(let utf8, let warning):
            var extraction = extract(utf8, format: format, readsMeta: false, select: select)
            if let warning { extraction.warnings.insert(warning, at: 0) }
            return extraction
        case .unknown(let warning):
            var extraction = extract(bytes, format: format, readsMeta: true, select: select)
            extraction.warnings.insert(warning, at: 0)
            return extraction
        }
    }

    /// Extracts `bytes`, UTF-8 unless a BOM says otherwise, or, when `readsMeta` and they are
    /// not valid UTF-8, in the encoding their `<meta charset>` names; an HTML page narrowed to
    /// the XPath `select` (a text capture is read whole).
    private static func extract(_ bytes: Data, format: CaptureFormat?, readsMeta: Bool, select: String?) -> Extraction {
        // UTF-8 once decoded as Windows-1252 and encoded again ("EspaÃ±ol") reads as it was written.
        let bytes = TextDecoding.isUTF16(bytes) ? bytes : TextDecoding.repairingMojibake(bytes) ?? bytes
        var format = format ?? CaptureFormat.sniff(bytes)
        // UTF-8 text is read line by line straight from the bytes (each line checked there),
        // without decoding the whole capture first; text that is not is decoded whole below.
        if format == .text, !TextDecoding.isUTF16(bytes) {
            let (article, repaired) = bytes.withUnsafeBytes { raw in
                PlainTextExtractor.extract(utf8: TextDecoding.withoutBOM(raw.bindMemory(to: UInt8.self)))
            }
            if !repaired { return Extraction(article: article, format: .text) }
        }
        // An HTML page in UTF-8 (the most of them) goes to libxml2 as it is, never made a string.
        if format == .html, !TextDecoding.isUTF16(bytes), !bytes.starts(with: [0xEF, 0xBB, 0xBF]),
           bytes.withUnsafeBytes({ raw in
               let page = raw.bindMemory(to: UInt8.self)
               return TextDecoding.isValidUTF8(page) && CaptureFormat.containsTag(bytes: page)
           }),
           let extracted = HTMLArticleExtractor.extract(bytes, select: select) {
            return Extraction(article: extracted.article, format: .html, warnings: extracted.warnings)
        }
        // One decision for text and HTML: bytes that are not UTF-8 and declare nothing are read
        // as windows-1252; mostly UTF-8 with some bad bytes, as UTF-8 with U+FFFD for those.
        let (text, warning) = TextDecoding.decode(bytes)
        var warnings = warning.map { [$0] } ?? []
        if format == .html, !CaptureFormat.containsTag(text) {
            warnings.append("the capture holds no HTML tags; it was read as text")
            format = .text
        }
        let article: Article
        switch format {
        case .text:
            article = PlainTextExtractor.extract(text)
        case .html:
            // Not UTF-8, but the page names its encoding: converted from it as a charset the
            // server declares is (browsers' labels, bytes it does not define made U+FFFD).
            if readsMeta, warning != nil, !TextDecoding.isUTF16(bytes),
               let encoding = CaptureFormat.declaredEncoding(bytes), TextDecoding.knows(encoding),
               case .converted(let utf8, let replaced) = TextDecoding.transcode(bytes, from: encoding, declarer: "its <meta charset> says"),
               let extracted = HTMLArticleExtractor.extract(utf8, select: select) {
                warnings = ["the capture is not UTF-8; it was read as \(encoding), as its <meta charset> says"]
                    + (replaced.map { [$0] } ?? []) + extracted.warnings
                article = extracted.article
            } else {
                let extracted = HTMLArticleExtractor.extract(text, select: select)
                article = extracted.article
                warnings += extracted.warnings
            }
        }
        return Extraction(article: article, format: format, warnings: warnings)
    }
}
