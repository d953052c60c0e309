import Foundation
@testable import RedlineExtract
import RedlineText
import RedlineCorpus
import Testing

/// `Byline.names` and `TimeLabel.words(of:)` read printable ASCII on its bytes; they must answer
/// as their readings by characters (the code they replaced) do for every text.
@Suite struct BylineNamesTests {
    @Test func examples() {
        #expect(Byline.names("By Orla Moore and Andrew Segal") == "Orla Moore and Andrew Segal")
        #expect(Byline.names("BY  Jamie Grierson ") == "Jamie Grierson")
        #expect(Byline.names("By") == nil)
        #expect(Byline.names("Share") == nil)
        #expect(Byline.names("Updated 21:22") == nil)
        #expect(Byline.names("@jamie") == nil)
        // Other languages' "By" (the sixteenth session's trial: "Von" alone was read as a name).
        #expect(Byline.names("Von") == nil)
        #expect(Byline.names("Von Thomas Steinberg") == "Thomas Steinberg")
        #expect(Byline.names("Par Élise Lucet") == "Élise Lucet")
        #expect(Byline.names("Por Ana García y Luis Pérez") == "Ana García y Luis Pérez")
        #expect(Byline.names("von der Leyen") == "von der Leyen")
        #expect(TimeLabel.words(of: "Updated at 09.40 BST, 27 Feb|x") == ["updated", "at", "09.40", "bst", "27", "feb", "x"])
    }

    /// A byline whose own text ends with how long ago it was updated is read, and its change seen
    /// (found by the sixteenth session's newcomer trial: the label made the byline unread).
    @Test(arguments: ["By Jane Doe · Updated 5 minutes ago", "By Jane Doe, updated 5 minutes ago", "Jane Doe | 5 min ago"])
    func aBylineWithATimeLabelInItsTextIsRead(_ line: String) {
        func byline(_ text: String) -> String? {
            let page = "<html><body><h1>Storm live</h1><p class=\"byline\">\(text)</p><article>"
                + "<p>Thousands are without electricity as the winds reach ninety miles an hour.</p></article></body></html>"
            return ArticleExtractor.extract(Data(page.utf8)).article.byline
        }
        #expect(byline(line) == "Jane Doe")
        #expect(byline(line.replacingOccurrences(of: "Jane Doe", with: "John Smith").replacingOccurrences(of: "5 min", with: "9 min")) == "John Smith")
    }

    /// A co-author after the author's link is in the byline, so a change of co-author is seen
    /// (the seventeenth session's trial); a lead before the link ("Posted by") is not a name.
    @Test func aCoAuthorAfterTheAuthorsLinkIsInTheByline() {
        func byline(_ inner: String) -> String? {
            let html = "<html><body><h1>Council approves budget</h1><p class=\"byline\">\(inner)</p>"
                + "<p>The council voted on Tuesday to approve the new budget for the coming year after a long debate.</p>"
                + "<p>Opposition members said the plan would raise taxes for families across the region.</p></body></html>"
            return ArticleExtractor.extract(Data(html.utf8)).article.byline
        }
        #expect(byline("By <a rel=\"author\" href=\"/jane\">Jane Doe</a> and Tom Smith") == "Jane Doe and Tom Smith")
        #expect(byline("By <a rel=\"author\" href=\"/jane\">Jane Doe</a> and Priya Patel") == "Jane Doe and Priya Patel")
        #expect(byline("Posted by <a rel=\"author\" href=\"/v\">Vortex</a>") == "Vortex")
    }

    /// "Von" in an element of its own before the name is not the byline (the sixteenth session's
    /// trial: every German byline of one CMS read "Von", and a change of author went unseen).
    @Test func aBylineOpenedByVonInItsOwnElementIsTheName() {
        func byline(_ name: String) -> String? {
            let page = "<html><body><h1>Tote Tauben im ISS Dome gefunden</h1><ul><li class=\"dm_article_author prefix\"><p>Von</p></li>"
                + "<li class=\"dm_article_author plain\"><span>\(name)</span></li></ul><article>"
                + "<p>Im Düsseldorfer ISS Dome sind mehrere tote Tauben gefunden worden, teilte die Polizei mit.</p></article></body></html>"
            return ArticleExtractor.extract(Data(page.utf8)).article.byline
        }
        #expect(byline("Thomas Steinberg") == "Thomas Steinberg")
        #expect(byline("Anna Müller") == "Anna Müller")
        // A German byline line in a paragraph of its own (`p.autorenzeile`) is the byline, not text.
        let page = "<html><body><h1>Daten von Rheinmetall gehackt</h1><p class=\"autorenzeile small\">Von Volkmar Kabisch und Benedikt Strunz, NDR</p>"
            + "<article><p>Interne Unterlagen des Rüstungskonzerns sind im Netz aufgetaucht, wie Recherchen zeigen.</p></article></body></html>"
        let article = ArticleExtractor.extract(Data(page.utf8)).article
        #expect(article.byline == "Volkmar Kabisch und Benedikt Strunz, NDR")
        #expect(!article.blocks.map(\.text).contains { $0.contains("Kabisch") })
    }

    /// Every text node of the corpus pages and of the pages under `Tests/`, as it stands and folded.
    @Test func agreeWithTheReadingsByCharactersOnEveryPage() throws {
        var texts: Set<String> = []
        for data in try Fixtures.htmlPages() {
            guard let tree = HTMLDocument(bytes: [UInt8](data))?.tree() else { continue }
            for node in tree.nodes where node.kind == .text {
                texts.insert(node.text)
                texts.insert(TextFolding.fold(node.text))
            }
        }
        #expect(texts.count > 3000)
        expectAgreement(on: texts)
    }

    /// Texts built from bylines, "By", labels, separators, every ASCII byte and characters that
    /// are letters, numbers, white space or combining marks outside ASCII.
    @Test func agreeWithTheReadingsByCharactersOnMadeUpTexts() {
        let pieces = [
            "By ", "by", "BY", "bY ", "b", "y", " ", "  ", ",", "|", "·", " · ", "\t", "\r\n", "\n", "\u{A0}", "\u{2009}",
            "Orla", "Moore", " and ", "&", "Jamie", "O'Callaghan", "2h", " ago", "09.40", "BST", "Updated", "at", "1", "٣",
            "Ⅻ", "½", "@", ":", "(", "]", "/", "é", "e\u{301}", " \u{301}", ",\u{301}", "\u{301}", "\u{600}", "İ", "\u{212A}",
            "ß", "Share", "x", "\u{7F}", "\u{1F}", "\u{0}", "Von ", "von", "PAR ", "Por", "door ", "der", "Élise",
        ]
        var generator = SeededGenerator(seed: 23)
        var texts: Set<String> = []
        for byte in UInt8(0)...0x7F {
            let character = String(UnicodeScalar(byte))
            texts.formUnion(["By" + character + "Orla Moore", "b" + character + " Orla", character + "y Orla", "Orla" + character + "Moore",
                             character + "by", "by" + character, "2h" + character + "ago", "09.40" + character + "bst", character])
        }
        for _ in 0..<50_000 { texts.insert(generator.join(pieces, most: 8)) }
        expectAgreement(on: texts)
    }

    private func expectAgreement(on texts: Set<String>) {
        var names = 0
        for text in texts {
            let expected = Byline.namesByCharacters(text)
            if expected != nil { names += 1 }
            #expect(Byline.names(text) == expected, "\(text.debugDescription)")
            #expect(TimeLabel.words(of: text) == TimeLabel.wordsByCharacters(of: text), "\(text.debugDescription)")
        }
        #expect(names > texts.count / 20)
    }
}
