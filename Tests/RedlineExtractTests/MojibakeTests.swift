import Foundation
import RedlineExtract
import Testing

/// UTF-8 once decoded as Latin-1 or Windows-1252 and encoded again ("EspaÃ±ol") reads as it was
/// written, so a capture whose only change is that encoding is the same article; sound text with
/// the same letters is left alone.
@Suite struct MojibakeTests {
    static func blocks(_ paragraphs: [String]) -> [String] {
        let html = "<html><body><article>" + paragraphs.map { "<p>\($0)</p>" }.joined() + "</article></body></html>"
        return ArticleExtractor.extract(Data(html.utf8)).article.blocks.map(\.text)
    }

    /// `text` as bytes mis-decoded as Latin-1 (C1 controls kept) or Windows-1252, encoded again.
    static func mangled(_ text: String, windows1252: Bool) -> String {
        let latin1 = String(decoding: Array(text.utf8).map { UInt16($0) }, as: UTF16.self)
        guard windows1252 else { return latin1 }
        let row: [UInt16] = [0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
                             0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161,
                             0x203A, 0x0153, 0x9D, 0x017E, 0x0178]
        return String(decoding: Array(text.utf8).map { (0x80...0x9F).contains($0) ? row[Int($0) - 0x80] : UInt16($0) }, as: UTF16.self)
    }

    @Test(arguments: [false, true]) func mangledTextReadsAsWritten(windows1252: Bool) {
        let written = [
            "Follow the direction of officials (Español), in kreyòl ayisyen too.",
            "Please check the date “roaming” charges will be reinstated — harm’s way, 1 € … ✓ 😀",
            "Ελληνικά, Русский, العربية, 中文 and ไทย are among the languages.",
        ]
        let mangled = written.map { Self.mangled($0, windows1252: windows1252) }
        #expect(mangled[0].contains("EspaÃ±ol"))
        #expect(Self.blocks(mangled) == Self.blocks(written))
    }

    @Test func soundTextIsLeftAlone() {
        let sound = [
            "« CAFÉ… » and “OLÉ” in capitals, « café » with no-break spaces, à « la carte ».",
            "SÃO PAULO, IRMÃ, Ñandú; Å ¡hola! Ð° Â.",
            "Patriotes sur place ð\u{A0}«\u{A0}ð·ð¬ð§ (a flag that lost bytes), â\u{A0}“ Â\u{A0}« Ã\u{A0}».",
        ]
        #expect(Self.blocks(sound) == sound.map { $0.replacingOccurrences(of: "\u{A0}", with: " ") })
    }

    /// The quick scan that spares sound pages the repair needs a mark ("â" of "pâte") and a lead
    /// before a multi-byte character anywhere on the page, not in the same place.
    @Test func aMangledEmojiBesideASoundMarkIsRepaired() {
        let written = ["Une pâte feuilletée 😀 pour tous."]
        let mangled = written.map { $0.replacingOccurrences(of: "😀", with: Self.mangled("😀", windows1252: true)) }
        #expect(mangled != written)
        #expect(Self.blocks(mangled) == written)
    }

    /// A page whose only mojibake is an emoji, read byte by byte as Latin-1 or Windows-1252
    /// ("ð\u{9F}\u{92}\u{94}", "ðŸ’”"), is repaired too: it was left as it was until a new entry
    /// brought another mark, and then its old entries' emoji read as edited (a newcomer trial,
    /// captures 100 → 101 of the day: "+6 -1 ~1" for one entry added).
    @Test(arguments: [false, true]) func anEmojiAloneIsRepaired(windows1252: Bool) throws {
        let written = ["The home side lost in the last minute 💔 and the fans went home quietly.", "No other mark on the page."]
        let mangled = written.map { $0.replacingOccurrences(of: "💔", with: Self.mangled("💔", windows1252: windows1252)) }
        #expect(mangled != written)
        #expect(Self.blocks(mangled) == written)
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/charset/emoji-mojibake-only.html")
        #expect(ArticleExtractor.extract(try Data(contentsOf: fixture)).article.blocks.first?.text.contains("💔") == true)
    }

    /// web-monitoring-diff 0.2.0's FEMA "Hurricane Maria" pair (3 and 5 October 2017): the second
    /// capture is double-encoded UTF-8 throughout. US government pages, kept in `Fixtures/wmd`
    /// (its README says where they come from).
    static let femaVersions = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/wmd")

    @Test
    func theFEMAPairDiffersOnlyInItsRealEdits() throws {
        func texts(_ name: String) throws -> [String] {
            let article = ArticleExtractor.extract(try Data(contentsOf: Self.femaVersions.appendingPathComponent(name))).article
            return [article.title ?? "", article.standfirst ?? ""] + article.blocks.map(\.text)
        }
        let old = try texts("f2d5d701-707a-42e0-8881-653346d01e0a"), new = try texts("fc74d750-c651-46b7-bf74-434ad8c62e04")
        #expect(!new.contains { $0.contains("Ã") || $0.contains("â\u{80}") || $0.contains("Â") })
        // Title, standfirst and every block up to the updates (language links, the roaming
        // notice, the Red Cross's "I'm Safe") are the same text; the real edits further down are still there.
        let updates = try #require(old.firstIndex(of: "Federal Response Updates"))
        #expect(updates > 20)
        #expect(Array(new.prefix(updates + 1)) == Array(old.prefix(updates + 1)))
        #expect(new.contains("Follow the direction of state, local, and tribal officials. (Español)"))
        #expect(old.contains { $0.hasPrefix("There are more than 12,300 federal staff") })
        #expect(new.contains { $0.hasPrefix("There are more than 14,000 federal staff") })
        #expect(old.contains("18 states supporting 62 requests for mutual aid"))
        #expect(new.contains("19 states supporting 64 requests for mutual aid"))
    }
}
