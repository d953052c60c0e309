import Foundation
@testable import RedlineExtract
import RedlineCorpus
import Testing

/// `Furniture.isFurnitureName` reads ASCII values on their bytes; it must answer as the reading
/// by characters (`isFurnitureNameByCharacters`, the code it replaced) does for every value.
@Suite struct FurnitureClassNameTests {
    @Test func examples() {
        for value in ["cookie-banner", "mostRead", "link-share", "ARTICLE__SIDEBAR", "a b  c\tsocial", "x\r\nads", "related--x"] {
            #expect(Furniture.isFurnitureName(value), "\(value)")
        }
        for value in ["section--ads", "has-sidebar", "non-ads", "article-no-ads", "live-event-entry", "", " ", "--ads", "headsup"] {
            #expect(!Furniture.isFurnitureName(value), "\(value)")
        }
    }

    /// Every `class` and `id` value of the corpus pages and of the pages under `Tests/`.
    @Test func agreesWithTheReadingByCharactersOnEveryPage() throws {
        var values: Set<String> = []
        for data in try Fixtures.htmlPages() {
            guard let tree = HTMLDocument(bytes: [UInt8](data))?.tree() else { continue }
            for node in tree.nodes {
                for attribute in node.attributes where attribute.name == "class" || attribute.name == "id" {
                    values.insert(attribute.value)
                }
            }
        }
        #expect(values.count > 1500)
        for value in values {
            #expect(Furniture.isFurnitureName(value) == Furniture.isFurnitureNameByCharacters(value), "\(value.debugDescription)")
        }
    }

    /// Names built from furniture words, prefixes, negations, joiners, every ASCII byte and
    /// characters whose case mapping or white space is not ASCII's.
    @Test func agreesWithTheReadingByCharactersOnMadeUpValues() {
        let pieces = [
            "cookie", "COOKIE", "Share", "ads", "most", "Read", "no", "non", "NOT", "without", "has-", "is-", "Tag-", "category-",
            "-", "--", "_", "__", " ", "  ", "\t", "\r\n", "\r", "\n", "\u{0B}", "\u{0C}", "\u{1C}", "\u{85}", "\u{A0}", "\u{2028}",
            "\u{3000}", "coo\u{212A}ie", "\u{212A}", "\u{130}", "ſ", "é", "e\u{301}", "-\u{301}", "s\u{301}", "\u{301}", "ß", "ﬀ",
            "ＡＤＳ", "x", "1", "entry", "banner", "popup", "mostpopular", "recirc",
        ]
        var generator = SeededGenerator(seed: 19)
        var values: [String] = []
        for byte in UInt8(0)...0x7F {
            let character = String(UnicodeScalar(byte))
            values += ["cookie" + character + "banner", character + "ads", "ads" + character, "no" + character + "ads",
                       "x-" + character + "-share", "has" + character + "sidebar", "section-" + character + "-ads"]
        }
        for _ in 0..<50_000 {
            values.append(generator.join(pieces, most: 6))
        }
        var furniture = 0
        for value in values {
            let expected = Furniture.isFurnitureNameByCharacters(value)
            if expected { furniture += 1 }
            #expect(Furniture.isFurnitureName(value) == expected, "\(value.debugDescription)")
        }
        #expect(furniture > values.count / 10 && furniture < values.count * 9 / 10)
    }
}
