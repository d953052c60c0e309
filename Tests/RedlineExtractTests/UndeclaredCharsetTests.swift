import Foundation
import RedlineExtract
import RedlineModel
import Testing

/// A page, or plain text, that declares no charset known here and is not UTF-8 is read as
/// windows-1252, as browsers read it; one that is UTF-8, or says what it is, is read as before.
@Suite struct UndeclaredCharsetTests {
    /// `text` in windows-1252: Latin-1 below U+0100, and the row 80…9F for € “ ” ‘ ’ – —.
    static func windows1252(_ text: String) -> Data {
        let row: [Character: UInt8] = ["€": 0x80, "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94, "–": 0x96, "—": 0x97]
        return Data(text.map { row[$0] ?? UInt8($0.unicodeScalars.first!.value) })
    }

    static func page(meta: String = "") -> String {
        "<html><head>\(meta)</head><body><article><h1>Café réouvert à Paris</h1>"
            + "<p>Le “menu du jour” coûte 12 € – service compris.</p></article></body></html>"
    }

    static let title = "Café réouvert à Paris"
    static let paragraph = "Le “menu du jour” coûte 12 € – service compris."

    @Test func aLegacyPageWithoutAnyDeclarationIsReadAsWindows1252() {
        let extraction = ArticleExtractor.extract(Self.windows1252(Self.page()))
        #expect(extraction.article.title == Self.title)
        #expect(extraction.article.blocks.map(\.text) == [Self.paragraph])
        #expect(extraction.warnings == [
            "the capture declares no charset known here and is not UTF-8; it was read as windows-1252",
        ])
    }

    @Test func anUnknownServerCharsetFallsBackTheSameWay() {
        let extraction = ArticleExtractor.extract(Self.windows1252(Self.page()), charset: "klingon")
        #expect(extraction.article.title == Self.title)
        #expect(extraction.article.blocks.map(\.text) == [Self.paragraph])
        #expect(extraction.warnings.count == 2, "\(extraction.warnings)")
        #expect(extraction.warnings.first?.contains("klingon") == true)
        #expect(extraction.warnings.last?.contains("windows-1252") == true)
    }

    @Test func anUnknownMetaCharsetFallsBackTheSameWay() {
        let extraction = ArticleExtractor.extract(Self.windows1252(Self.page(meta: "<meta charset=\"klingon\">")))
        #expect(extraction.article.title == Self.title)
        #expect(extraction.article.blocks.map(\.text) == [Self.paragraph])
        #expect(extraction.warnings.contains { $0.contains("windows-1252") }, "\(extraction.warnings)")
    }

    @Test func validUTF8WithoutADeclarationStaysUTF8() {
        let extraction = ArticleExtractor.extract(Data(Self.page().utf8))
        #expect(extraction.article.title == Self.title)
        #expect(extraction.article.blocks.map(\.text) == [Self.paragraph])
        #expect(extraction.warnings.isEmpty, "\(extraction.warnings)")
    }

    @Test func aUTF8PageWithABadByteStaysUTF8() {
        var bytes = Array(Self.page().utf8)
        bytes.insert(0xFF, at: bytes.count - "</p></article></body></html>".utf8.count)
        let extraction = ArticleExtractor.extract(Data(bytes))
        #expect(extraction.article.title == Self.title)
        #expect(extraction.article.blocks.map(\.text) == [Self.paragraph + "\u{FFFD}"])
        #expect(extraction.warnings.contains { $0.contains("not valid UTF-8") }, "\(extraction.warnings)")
    }

    @Test func aDeclaredCharsetStillWins() {
        // Read as windows-1251, what it says, é (E9) is й.
        let cyrillic = "Caйfe"
        let bytes = Self.windows1252("<html><body><article><p>Caéfe</p></article></body></html>")
        #expect(ArticleExtractor.extract(bytes, charset: "windows-1251").article.blocks.map(\.text) == [cyrillic])
        let meta = Self.windows1252("<html><head><meta charset=\"windows-1251\"></head><body><article><p>Caéfe</p></article></body></html>")
        #expect(ArticleExtractor.extract(meta).article.blocks.map(\.text) == [cyrillic])
        // UTF-8 declared, by the server or the page, is UTF-8: bad bytes are replaced, not read as windows-1252.
        let latin1 = Self.windows1252(Self.page())
        let utf8Meta = Self.windows1252(Self.page(meta: "<meta charset=\"utf-8\">"))
        for extraction in [ArticleExtractor.extract(latin1, charset: "utf-8"), ArticleExtractor.extract(utf8Meta)] {
            #expect(extraction.article.title == "Caf\u{FFFD} r\u{FFFD}ouvert \u{FFFD} Paris")
            #expect(extraction.warnings == ["the capture is not valid UTF-8; bad bytes were replaced with U+FFFD"])
        }
    }

    @Test func bytesWindows1252DoesNotDefineAreReplaced() {
        // 81 is undefined in windows-1252.
        let bytes = Self.windows1252("<html><body><article><p>Café A") + Data([0x81]) + Data("B</p></article></body></html>".utf8)
        let extraction = ArticleExtractor.extract(bytes)
        #expect(extraction.article.blocks.map(\.text) == ["Café A\u{FFFD}B"])
        #expect(extraction.warnings.count == 1, "\(extraction.warnings)")
    }

    /// Plain text is read by the same decision as a page (was: line by line as UTF-8, every
    /// accented letter a U+FFFD).
    @Test func aLatin1TextCaptureIsReadAsWindows1252Too() throws {
        let bytes = try Data(contentsOf: Fixtures.packageRoot.appendingPathComponent("Tests/RedlineExtractTests/Fixtures/charset/undeclared-latin-1.txt"))
        for format in [nil, CaptureFormat.text] {
            let extraction = ArticleExtractor.extract(bytes, format: format)
            #expect(extraction.format == .text)
            #expect(extraction.article.title == "Café crème, naïve")
            #expect(extraction.article.blocks.map(\.text) == [
                "Le café du coin a rouvert ses portes ce matin : crème brûlée, tarte à la rhubarbe et thé glacé pour tous.",
                "« Nous étions fermés depuis l'été », dit la gérante, naïve et ravie.",
            ])
            #expect(extraction.warnings == ["the capture declares no charset known here and is not UTF-8; it was read as windows-1252"])
        }
    }

    @Test func aUTF8TextCaptureWithABadByteStaysUTF8() {
        let bytes = Data("Café news\n\nLe menu coûte 12 €.".utf8) + Data([0xFF, 0x0A])
        let extraction = ArticleExtractor.extract(bytes, format: .text)
        #expect(extraction.article.blocks.map(\.text) == ["Café news", "Le menu coûte 12 €.\u{FFFD}"])
        #expect(extraction.warnings == ["the capture is not valid UTF-8; bad bytes were replaced with U+FFFD"])
    }
}
