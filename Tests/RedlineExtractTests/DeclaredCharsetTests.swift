import Foundation
import RedlineExtract
import Testing

/// The charset a server declares (`Content-Type: text/html; charset=…`) counts, as in browsers:
/// a byte order mark first, then the declared charset, then `<meta charset>`.
@Suite struct DeclaredCharsetTests {
    /// `text` in Latin-1 (every scalar below U+0100).
    static func latin1(_ text: String) -> Data {
        Data(text.unicodeScalars.map { UInt8($0.value) })
    }

    static func page(_ paragraph: String, meta: String = "") -> String {
        "<html><head>\(meta)</head><body><article><p>\(paragraph)</p></article></body></html>"
    }

    @Test func aLatin1PageWithoutMetaIsReadInTheDeclaredCharset() {
        let pound = Self.latin1(Self.page("Shares worth £10m were sold."))
        let yen = Self.latin1(Self.page("Shares worth ¥10m were sold."))
        for label in ["ISO-8859-1", "iso-8859-1", "latin1", "\"ISO-8859-1\""] {
            let extraction = ArticleExtractor.extract(pound, charset: label.trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
            #expect(extraction.article.blocks.map(\.text) == ["Shares worth £10m were sold."], "\(label)")
            #expect(extraction.warnings.isEmpty, "\(extraction.warnings)")
        }
        // The edit £ → ¥ is an edit.
        #expect(ArticleExtractor.extract(pound, charset: "ISO-8859-1").article
                != ArticleExtractor.extract(yen, charset: "ISO-8859-1").article)
    }

    @Test func windows1252IsReadWithItsOwnLetters() {
        // 80 is € and 93/94 curly quotes in windows-1252 (also for a page labelled ISO-8859-1, as browsers read it).
        var bytes = Array("<html><body><article><p>A ".utf8) + [0x93, 0x80, 0x35, 0x94]
        bytes += Array(" fine.</p></article></body></html>".utf8)
        for label in ["windows-1252", "ISO-8859-1"] {
            #expect(ArticleExtractor.extract(Data(bytes), charset: label).article.blocks.map(\.text) == ["A “€5” fine."])
        }
    }

    /// A page written in UTF-8 and served as ISO-8859-1 (Apache's old default) is read as UTF-8:
    /// the same bytes served once with each header were an edit of every closing quote (“”
    /// holds 0x9D, which windows-1252 leaves undefined; the seventeenth session's trial).
    @Test func utf8BytesServedAsLatin1AreReadAsUTF8() {
        let page = Data(Self.page("The café’s owner said “prices” will rise — by 5€.", meta: "<meta charset=\"utf-8\">").utf8)
        let asUTF8 = ArticleExtractor.extract(page, charset: "utf-8")
        for label in ["ISO-8859-1", "windows-1252", "us-ascii"] {
            let served = ArticleExtractor.extract(page, charset: label)
            #expect(served.article == asUTF8.article, "\(label): \(served.article.blocks.map(\.text))")
            #expect(served.warnings.contains { $0.contains("it was read as UTF-8") }, "\(served.warnings)")
        }
    }

    @Test func plainTextIsReadInTheDeclaredCharset() {
        let text = Self.latin1("Markets live\n\nShares worth £10m were sold on Tuesday.\n")
        let extraction = ArticleExtractor.extract(text, format: .text, charset: "ISO-8859-1")
        #expect(extraction.article.blocks.map(\.text).contains("Shares worth £10m were sold on Tuesday."),
                "\(extraction.article.blocks.map(\.text))")
    }

    /// A server that calls a page UTF-16 when its bytes hold no zero byte (which UTF-16 markup
    /// always does) is not believed: the page was stored as "格浴㹬…", without a word (the
    /// sixteenth session's newcomer trial). A real UTF-16 page is still read as one.
    @Test func aPageWithoutZeroBytesIsNotReadAsTheUTF16ItIsCalled() {
        let bytes = Data(Self.page("Shares worth £10m were sold.", meta: "<meta charset=\"utf-8\">").utf8)
        for label in ["utf-16", "UTF-16LE", "utf-16be", "ucs-2"] {
            let extraction = ArticleExtractor.extract(bytes, charset: label)
            #expect(extraction.article.blocks.map(\.text) == ["Shares worth £10m were sold."], "\(label)")
            #expect(extraction.warnings.first?.contains("is not \(label) (it holds no zero bytes)") == true, "\(extraction.warnings)")
        }
        let utf16 = Data(Self.page("Shares worth £10m were sold.").data(using: .utf16LittleEndian)!)
        #expect(ArticleExtractor.extract(utf16, charset: "utf-16le").article.blocks.map(\.text) == ["Shares worth £10m were sold."])
    }

    @Test func aByteOrderMarkOutranksTheDeclaredCharset() {
        let bytes = Data([0xEF, 0xBB, 0xBF] + Array(Self.page("Shares worth £10m.").utf8))
        let extraction = ArticleExtractor.extract(bytes, charset: "ISO-8859-1")
        #expect(extraction.article.blocks.map(\.text) == ["Shares worth £10m."])
    }

    @Test func theDeclaredCharsetOutranksMeta() {
        // A3 is £ in Latin-1 and Ј in windows-1251, which the page's <meta> claims.
        let bytes = Self.latin1(Self.page("Shares worth £10m.", meta: "<meta charset=\"windows-1251\">"))
        #expect(ArticleExtractor.extract(bytes, charset: "ISO-8859-1").article.blocks.map(\.text) == ["Shares worth £10m."])
        #expect(ArticleExtractor.extract(bytes).article.blocks.map(\.text) == ["Shares worth Ј10m."])
        // A declared UTF-8 outranks it too: bad bytes are replaced, not read as windows-1251.
        #expect(ArticleExtractor.extract(bytes, charset: "utf-8").article.blocks.map(\.text) == ["Shares worth \u{FFFD}10m."])
    }

    @Test func anUnknownCharsetIsSaidAndIgnored() {
        let bytes = Data(Self.page("Shares worth £10m.").utf8)
        let extraction = ArticleExtractor.extract(bytes, charset: "x-no-such-charset")
        #expect(extraction.article.blocks.map(\.text) == ["Shares worth £10m."])
        #expect(extraction.warnings.first?.contains("x-no-such-charset") == true, "\(extraction.warnings)")
    }

    @Test func bytesTheCharsetDoesNotDefineBecomeReplacementCharacters() {
        // 81 is undefined in windows-1252.
        let bytes = Data(Array("<html><body><article><p>A".utf8) + [0x81] + Array("B</p></article></body></html>".utf8))
        let extraction = ArticleExtractor.extract(bytes, charset: "windows-1252")
        #expect(extraction.article.blocks.map(\.text) == ["A\u{FFFD}B"])
        #expect(extraction.warnings.count == 1, "\(extraction.warnings)")
    }

    /// An archived copy opens with the archive's toolbar, whose `<script charset="utf-8">` comes
    /// before the page's own `<meta>`: only a `<meta>` names the page's encoding.
    @Test func anArchiveToolbarsScriptCharsetDoesNotHideThePagesMeta() {
        let toolbar = "<script charset=\"utf-8\" src=\"/_static/js/bundle-playback.js\"></script>"
            + "<!-- charset=utf-8 --><link rel=\"stylesheet\" charset=\"utf-8\" href=\"/_static/css/banner-styles.css\">"
        for meta in ["<meta charset=\"ISO-8859-1\">", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"] {
            let bytes = Self.latin1("<html><head>\(toolbar)\(meta)</head><body><article><p>Shares worth £10m.</p></article></body></html>")
            #expect(ArticleExtractor.extract(bytes).article.blocks.map(\.text) == ["Shares worth £10m."], "\(meta)")
        }
        // GB2312: 中文 is D6 D0 CE C4.
        var bytes = Array("<html><head>\(toolbar)<meta http-equiv=\"content-type\" content=\"text/html;charset=gb2312\"></head><body><article><p>".utf8)
        bytes += [0xD6, 0xD0, 0xCE, 0xC4] + Array("</p></article></body></html>".utf8)
        #expect(ArticleExtractor.extract(Data(bytes)).article.blocks.map(\.text) == ["中文"])
    }

    /// A `<meta charset>` is read as a charset the server declares is: browsers' labels
    /// (iso-8859-1 is windows-1252, whose 93/94 are curly quotes), and a byte the charset does not
    /// define is U+FFFD with a warning, the rest of the page read (libxml2 converting stopped
    /// there, and wrote to standard error).
    @Test func aMetaCharsetIsReadAsTheServersWouldBe() throws {
        let folder = Fixtures.packageRoot.appendingPathComponent("Tests/RedlineExtractTests/Fixtures/charset")
        let latin = ArticleExtractor.extract(try Data(contentsOf: folder.appendingPathComponent("meta-iso-8859-1.html")))
        #expect(latin.article.title == "Café réouvre “bientôt”")
        #expect(latin.article.blocks.map(\.text) == ["Le café de la gare rouvre ses portes – après des mois de travaux, dit le gérant.",
                                                      "Les habitués sont ravis… et le patron offre un café à tous."])
        let japanese = ArticleExtractor.extract(try Data(contentsOf: folder.appendingPathComponent("meta-shift_jis-bad-bytes.html")))
        #expect(japanese.article.blocks.count == 5, "\(japanese.article.blocks.map(\.text))")
        #expect(japanese.article.blocks.contains { $0.text.contains("あ \u{FFFD}") })
        #expect(japanese.warnings.contains { $0.contains("replaced with U+FFFD") }, "\(japanese.warnings)")
        // An undefined byte in a page that says us-ascii: windows-1252's 81.
        let ascii = Array("<html><head><meta charset=\"us-ascii\"></head><body><article><p>A".utf8) + [0x81, 0xE9]
            + Array("B</p><p>After it.</p></article></body></html>".utf8)
        #expect(ArticleExtractor.extract(Data(ascii)).article.blocks.map(\.text) == ["A\u{FFFD}éB", "After it."])
    }
}
