import RedlineModel

/// Text as a browser copies it: one paragraph per line or blank-line separated run.
///
///     "Headline\n\nFirst paragraph.\n\nSecond paragraph."
///     → blocks: [paragraph "Headline", paragraph "First paragraph.", paragraph "Second paragraph."]
enum PlainTextExtractor {
    static func extract(_ text: String) -> Article {
        var blocks: [Block] = []
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let folded = Text.normalize(line)
            if !folded.isEmpty { blocks.append(Block(.paragraph, folded)) }
        }
        return Article(blocks: blocks)
    }
}
