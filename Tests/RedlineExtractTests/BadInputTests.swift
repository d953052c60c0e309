import RedlineText
import RedlineCorpus
import Foundation
@testable import RedlineExtract
import RedlineModel
import Testing

/// Broken, hostile and mislabelled captures: a clear warning and a sensible article, never a crash.
@Suite struct BadInputTests {
    @Test func unclosedTags() {
        let html = "<html><body><div><p>One <b>bold<p>Two<ul><li>Three<li>Four<blockquote>Five"
        let extraction = ArticleExtractor.extract(Data(html.utf8))
        #expect(extraction.format == .html)
        let texts = extraction.article.positionedBlocks.map(\.block.text)
        #expect(texts == ["One bold", "Two", "Three", "Four", "Five"])
    }

    @Test func hundredThousandNestedDivs() {
        let depth = 100_000
        var html = "<html><body><p>Before the nest.</p>"
        html += String(repeating: "<div>", count: depth) + "Deep inside." + String(repeating: "</div>", count: depth)
        html += "<p>After the nest.</p></body></html>"
        let extraction = ArticleExtractor.extract(Data(html.utf8))
        let texts = extraction.article.positionedBlocks.map(\.block.text)
        #expect(texts.contains("Before the nest."))
        #expect(texts.contains("Deep inside."), "\(texts)")
        #expect(texts.contains("After the nest."), "\(texts)")
        #expect(extraction.warnings.contains { $0.contains("levels deep") })
    }

    /// 50,000 nested `<b><i>` that a `<p>` then ends all at once: each inline element was walked
    /// up through every one around it (the seventeenth session's trial: a 300 KB page past 20 s).
    @Test(.timeLimit(.minutes(1))) func fiftyThousandNestedBoldsBeforeAParagraph() {
        let html = "<html><body>" + String(repeating: "<b><i>", count: 50_000)
            + "<p>The council voted on Tuesday to approve the new budget.</p></body></html>"
        let texts = ArticleExtractor.extract(Data(html.utf8)).article.positionedBlocks.map(\.block.text)
        #expect(texts.contains("The council voted on Tuesday to approve the new budget."), "\(texts)")
    }

    /// libxml2 compares each attribute of a tag with every one before it: 100,000 on one `<p>`
    /// took ten seconds. Such a tag keeps only the attributes extraction reads, so the article
    /// is the one the same page gives without the others, at once.
    @Test func aTagOfAHundredThousandAttributes() throws {
        let crowd = (0..<100_000).map { " data-a\($0)=\"\($0)\"" }.joined()
        let page = "<html><body><div class=\"story\"\(crowd) id=\"main\"\(crowd.prefix(5_000))><p>Crowded but read.</p>"
            + "<p class=\"x\" title='y' hidden>Next.</p></div></body></html>"
        let plain = "<html><body><div class=\"story\" id=\"main\"><p>Crowded but read.</p><p class=\"x\" title='y' hidden>Next.</p></div></body></html>"
        let started = Date()
        let crowded = ArticleExtractor.extract(Data(page.utf8))
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(crowded.article == ArticleExtractor.extract(Data(plain.utf8)).article)
        let tree = try #require(HTMLStreamParser.tree(Array(page.utf8))).tree
        let div = try #require(tree.nodes.first { $0.name == "div" })
        #expect(div.attributes == [HTMLAttribute(name: "class", value: "story"), HTMLAttribute(name: "id", value: "main")])
        #expect(RawTextStrippingTests.strip("<p a=\"1\" b>x</p>") == "<p a=\"1\" b>x</p>")   // a tag of a few is left as it is
    }

    @Test func htmlInATextFileIsSniffed() throws {
        let html = try Fixtures.page("corkbeo-level-3-live-cork.html")
        let extraction = ArticleExtractor.extract(html, format: nil)
        #expect(extraction.format == .html)
        #expect(extraction.article.entries.count == 26)
    }

    @Test func textInAnHTMLFileIsSniffed() throws {
        let text = try Fixtures.seed(Fixtures.seedNames[1])
        #expect(CaptureFormat.sniff(text) == .text)
        #expect(ArticleExtractor.extract(text, format: nil) == ArticleExtractor.extract(text, format: .text))
    }

    @Test func forcedHTMLOnTextWithoutTagsIsReadAsText() throws {
        let text = try Fixtures.seed(Fixtures.seedNames[0])
        let extraction = ArticleExtractor.extract(text, format: .html)
        #expect(extraction.format == .text)
        #expect(extraction.warnings.contains { $0.contains("no HTML tags") })
        #expect(extraction.article == ArticleExtractor.extract(text, format: .text).article)
    }

    @Test func forcedTextOnHTMLStaysText() {
        let html = Data("<html><body><p>Hello</p></body></html>".utf8)
        let extraction = ArticleExtractor.extract(html, format: .text)
        #expect(extraction.format == .text)
        #expect(extraction.article.blocks.map(\.text) == ["<html><body><p>Hello</p></body></html>"])
    }

    @Test(arguments: [true, false])
    func utf16WithByteOrderMark(littleEndian: Bool) throws {
        let utf8 = try Fixtures.seed(Fixtures.seedNames[0])
        let text = String(decoding: utf8, as: UTF8.self)
        var bytes: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        for unit in text.utf16 {
            bytes += littleEndian ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
        let extraction = ArticleExtractor.extract(Data(bytes))
        #expect(extraction.warnings.isEmpty)
        #expect(extraction.article == ArticleExtractor.extract(utf8).article)
    }

    @Test func utf16HTMLWithByteOrderMark() {
        let html = "<html><body><article><p>Ça va, Zelenskyy’s “plan”.</p></article></body></html>"
        let bytes: [UInt8] = [0xFF, 0xFE] + html.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let extraction = ArticleExtractor.extract(Data(bytes))
        #expect(extraction.format == .html)
        #expect(extraction.article.blocks.map(\.text) == ["Ça va, Zelenskyy’s “plan”."])
    }

    @Test func invalidJSONLDIsAWarningAndMarkupStillCounts() {
        let html = """
            <html><head><script type="application/ld+json">{"@type": "LiveBlogPosting", "headline": "Oops", </script></head>
            <body><h1>Talks live</h1><div class="entries">
            <article id="block-2"><time datetime="2025-04-23T15:10:00Z">15.10</time><h2>Talks end</h2><p>Both sides left.</p></article>
            <article id="block-1"><time datetime="2025-04-23T14:00:00Z">14.00</time><p>Talks begin.</p></article>
            </div></body></html>
            """
        let extraction = ArticleExtractor.extract(Data(html.utf8))
        #expect(extraction.warnings.contains { $0.contains("not valid JSON") })
        let article = extraction.article
        #expect(article.title == "Talks live")
        #expect(article.entries.map(\.id) == ["block-2", "block-1"])
        #expect(article.entries.map(\.title) == ["Talks end", nil])
        #expect(article.entries.first?.time == Timestamp.parse("2025-04-23T15:10:00Z"))
        #expect(article.entries.last?.blocks == [Block(.paragraph, "Talks begin.")])
    }

    @Test func invalidUTF8BecomesReplacementCharacters() {
        // Declared UTF-8: bytes that declare nothing and are not UTF-8 are read as windows-1252.
        var bytes = Array("<html><head><meta charset=\"utf-8\"></head><body><p>Caf".utf8)
        bytes += [0xC3, 0x28, 0xFF]
        bytes += Array(" ok</p></body></html>".utf8)
        let extraction = ArticleExtractor.extract(Data(bytes))
        #expect(extraction.warnings.contains { $0.contains("not valid UTF-8") })
        #expect(extraction.article.blocks.first?.text.contains("\u{FFFD}") == true)
        #expect(extraction.article.blocks.first?.text.hasSuffix("ok") == true)
    }

    @Test(arguments: [Data(), Data("   \n\n ".utf8), Data([0, 1, 2, 0xFF, 0xFE, 0x3C, 0x3C, 0x3E]), Data("<".utf8),
                      Data("<html".utf8), Data("<!-- never closed".utf8), Data("<script>".utf8)])
    func degenerateInputs(_ bytes: Data) {
        let extraction = ArticleExtractor.extract(bytes)
        #expect(extraction.article.positionedBlocks.allSatisfy { !$0.block.text.isEmpty })
    }

    @Test func entitiesAreDecoded() {
        let html = #"<html><head><script type="application/ld+json">{"@type":"LiveBlogPosting","headline":"Oms: &ldquo;Gaza&rdquo; &amp; L&#39;Onu","liveBlogUpdate":[]}</script></head><body><p>Caf&eacute; &amp; &#8220;bar&#x201D;&nbsp;now</p></body></html>"#
        let article = ArticleExtractor.extract(Data(html.utf8)).article
        #expect(article.title == "Oms: “Gaza” & L'Onu")
        #expect(article.blocks.map(\.text) == ["Café & “bar” now"])
    }
}

/// The fast white-space folding agrees with the model's `Text.normalize` on real text.
@Suite struct TextFoldingTests {
    @Test func agreesWithTextNormalizeOnTheCorpusAndSeeds() throws {
        var samples: [String] = ["Cafe\u{0301} ok", " a\u{00A0}\u{2003}b\u{200B}c\u{FEFF}d ", "\u{2000}x\u{2028}", "ﬁ ligature Å Ω K"]
        for name in Fixtures.pageNames { samples.append(String(decoding: try Fixtures.page(name), as: UTF8.self)) }
        for name in Fixtures.seedNames { samples.append(String(decoding: try Fixtures.seed(name), as: UTF8.self)) }
        for sample in samples {
            for line in sample.split(separator: "\n", omittingEmptySubsequences: false).prefix(4000) {
                #expect(TextFolding.fold(line) == Text.normalize(line))
            }
        }
    }

    /// Text to fold (white space inside it, words of every length against the eight-byte
    /// words the fold copies whole) folds as `Text.normalize` does.
    @Test func foldingCopiesEightBytesOnlyWhereTheyStayAsTheyAre() {
        let pieces = ["a", "word", "sentences", " ", " ", "  ", "\n", "\t", "\r\n", "é", "“", "x y", "\u{00A0}", "abcdefgh", "abcdefg "]
        var generator = SeededGenerator(seed: 8)
        for _ in 0..<4000 {
            let text = (0..<Int.random(in: 1...30, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(TextFolding.fold(text) == Text.normalize(text), "\(text.debugDescription)")
        }
    }

    /// The eight-bytes-at-a-time check that a line is already folded finds a doubled space, a
    /// tab, a no-break space or a space at either end wherever it falls against the eight-byte
    /// words, and counts the line's spaces and scalars.
    @Test func foldedShapeFindsWhiteSpaceAtEveryOffset() {
        var lines: [String] = []
        for lead in ["x", "é", "“"] {
            for count in 0..<20 {
                let head = String(repeating: lead, count: count)
                for gap in [" ", "  ", "\t", " é ", "\u{00A0}", " “ ", "   "] {
                    lines += [head + gap + "word", head + gap + "the words after it", "a" + head + gap, gap + head + "b"]
                }
            }
        }
        for line in lines {
            let shape = line.withUTF8Bytes(TextFolding.foldedShape)
            #expect((shape != nil) == (Text.normalize(line) == line), "\(line)")
            if let shape { #expect(shape == TextFolding.shape(line), "\(line)") }
        }
    }
}

/// Entry times read on bytes equal the model's parser, truncated to the second.
@Suite struct EntryTimeTests {
    @Test(arguments: [
        "2020-10-06T21:22:53.212+01:00", "2023-11-02T15:56:32Z", "2020-10-02T19:02:32+05:30", "2023-11-02T16:48Z",
        "2024-02-29T23:59:59-08:00", "1999-12-31T00:00:00+14:00", "2023-11-02T10:14:29+05:30", "2000-03-01T12:00Z",
        "2023-02-30T10:00:00Z", "2023-11-02T24:00:00Z", "2023-11-02 10:00", "20250423T1000Z", "2025-04-23", "not a time",
    ])
    func agreesWithTimestampParse(_ text: String) {
        #expect(EntryTime.parse(text) == Timestamp.parse(text).map(Timestamp.wholeSeconds))
    }
}

extension BadInputTests {
    @Test func legacyEncodingDeclaredInMeta() {
        var bytes = Array("<html><head><meta charset=\"ISO-8859-1\"></head><body><p>Caf".utf8)
        bytes += [0xE9]   // é in Latin-1
        bytes += [0x20, 0x63, 0x72, 0xE8, 0x6D, 0x65]   // " crème" in Latin-1
        bytes += Array("</p></body></html>".utf8)
        let extraction = ArticleExtractor.extract(Data(bytes))
        #expect(extraction.article.blocks.map(\.text) == ["Café crème"])
        #expect(extraction.warnings == ["the capture is not UTF-8; it was read as iso-8859-1, as its <meta charset> says"])
    }
}

/// Random soups of real markup fragments: extraction never crashes and is deterministic.
@Suite struct MarkupSoupTests {
    static let fragments = [
        "<p>", "</p>", "<div id=\"block-1\">", "<div id=\"block-2\">", "</div>", "<article>", "</article>", "<h2>", "</h2>",
        "<time datetime=\"2025-04-23T10:00:00Z\">10.00</time>", "<time datetime=\"garbage\">", "<ul>", "<li>", "</ul>",
        "<a href=\"#block-1\">", "<a href=\"#block-2\" data-id=\"block-9\">", "</a>", "<blockquote>", "<br>", "<br/>",
        "<script type=\"application/ld+json\">{\"@type\":\"LiveBlogPosting\",\"liveBlogUpdate\":[{\"url\":\"x#block-1\"}]}</script>",
        "<script type=\"application/ld+json\">[{\"@graph\": [", "<nav>", "<aside class=\"most-read\">", "<span hidden>",
        "<div itemprop=\"liveBlogUpdate\" itemscope>", "<meta itemprop=\"datePublished\" content=\"2025-04-23T10:00Z\">",
        "Talks end.", " Both sides left. ", "&amp;", "&bogus;", "&#x1F600;", "&#0;", "\u{0}", "é", "<!--", "-->", "<![CDATA[",
        "<table><tr><td>", "</td></tr></table>", "<p style=\"display:none\">", "<h1>Live</h1>", "\n\n", "<", ">",
    ]

    @Test func soupsNeverCrash() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<150 {
            var html = ""
            for _ in 0..<Int.random(in: 1...120, using: &generator) {
                html += Self.fragments.randomElement(using: &generator)!
            }
            let first = ArticleExtractor.extract(Data(html.utf8))
            let second = ArticleExtractor.extract(Data(html.utf8))
            #expect(first == second, "not deterministic: \(html)")
            #expect(first.article.positionedBlocks.allSatisfy { !$0.block.text.isEmpty }, "\(html)")
        }
    }

    static let lines = [
        "Key events", "2h ago", "10.45 BST", "Wed 23 Apr 2025 10.45 BST", "Nimo Omer", "Share", "Leave a Reply",
        "Your email address will not be published.", "  • A bullet", "- dash", "* star", "•", "-", "Talks end without agreement",
        "A long paragraph that ends the way sentences end, with a full stop.", "By Jane Doe", "World", "", "   ",
        "Exit mobile version", "14:00", "99:99", "1h ago", "“Quoted line”", "\t", "Related Articles",
    ]

    @Test func copiedTextSoupsNeverCrash() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in Self.lines.randomElement(using: &generator)! }
                .joined(separator: Bool.random(using: &generator) ? "\n" : "\n\n")
            let first = ArticleExtractor.extract(Data(text.utf8), format: .text)
            #expect(first == ArticleExtractor.extract(Data(text.utf8), format: .text), "not deterministic: \(text)")
            #expect(first.article.positionedBlocks.allSatisfy { !$0.block.text.isEmpty }, "\(text)")
        }
    }
}

/// Script and style contents are emptied before parsing, by the HTML parser's own rules.
@Suite struct RawTextStrippingTests {
    static func strip(_ html: String) -> String { String(decoding: RawTextStripping.stripped(Array(html.utf8)), as: UTF8.self) }

    @Test func scriptsAndStylesAreEmptied() {
        #expect(Self.strip(#"<p>Hi</p><script>var s = "<p>no</p>";</script><STYLE media="x>y">p{}</STYLE><p>Bye</p>"#)
                == #"<p>Hi</p><script></script><STYLE media="x>y"></STYLE><p>Bye</p>"#)
    }

    @Test func jsonLDCommentsAndSelfClosedScriptsAreKept() {
        let kept = #"<script type="application/ld+json">{"a": "<p>"}</script><!-- <script> --><p>x</p><script src="a.js"/><p>y</p>"#
        #expect(Self.strip(kept) == kept)
    }

    @Test func aScriptInsideAnAttributeValueIsText() {
        let kept = #"<img alt="how a <script> tag loads"><p>after</p><h1 data-x='<style>'>T</h1><p>z</p>"#
        #expect(Self.strip(kept) == kept)
        let json = #"<h1 data-embed='<script type="application/ld+json">'>T</h1><p>x</p>"#
        #expect(RawTextStripping.strippedWithoutStructuredData(Array(json.utf8)).structuredData.isEmpty)
        #expect(Self.strip(json) == json)
    }

    @Test func aStartTagAnotherTagInterruptsIsLeftToLibxml2() {
        let broken = #"<script type="application/ld+json>{"a": 1}</script><p>x</p><script>var a;</script>"#
        let (page, taken) = RawTextStripping.strippedWithoutStructuredData(Array(broken.utf8))
        #expect(taken.isEmpty)
        #expect(String(decoding: page, as: UTF8.self) == #"<script type="application/ld+json>{"a": 1}</script><p>x</p><script></script>"#)
    }

    @Test func jsonLDTakenOutLeavesAMarker() {
        let page = #"<script type="application/ld+json">{"a": 1}</script><p>x</p><script type='application/ld+json'>[2]</script>"#
        let (stripped, taken) = RawTextStripping.strippedWithoutStructuredData(Array(page.utf8))
        #expect(taken == [Array(#"{"a": 1}"#.utf8), Array("[2]".utf8)])
        #expect(String(decoding: stripped, as: UTF8.self)
                == #"<script type="application/ld+json">"# + RawTextStripping.marker(0) + "</script><p>x</p><script type='application/ld+json'>"
                + RawTextStripping.marker(1) + "</script>")
    }

    /// A newcomer's page: JSON-LD written inside an attribute took the rest of the page with it.
    @Test func markupInAttributesKeepsTheArticle() throws {
        let url = Fixtures.packageRoot.appendingPathComponent("Tests/RedlineExtractTests/Fixtures/markup/markup-in-attributes.html")
        let extraction = ArticleExtractor.extract(try Data(contentsOf: url))
        #expect(extraction.article.title == "Council votes on bridge")
        #expect(extraction.article.byline == "Jane Reporter")
        #expect(extraction.article.positionedBlocks.count == 3, "\(extraction.article.positionedBlocks.map(\.block.text))")
        #expect(extraction.warnings.isEmpty, "\(extraction.warnings)")
        #expect(extraction.article.entries.isEmpty)   // the JSON-LD in <noscript> is not read, as before
    }

    @Test func aScriptEndsAtTheFirstClosingTagAndAnUnclosedOneAtTheEnd() {
        #expect(Self.strip("<script>a = '</script>'; <p>shown</p>") == "<script></script>'; <p>shown</p>")
        #expect(Self.strip("<p>a</p><script>never closed <p>b</p>") == "<p>a</p><script>")
        #expect(Self.strip("<scripts>x</scripts><p>z</p>") == "<scripts>x</scripts><p>z</p>")
    }
}
