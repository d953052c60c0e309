import Foundation
@testable import RedlineExtract
import Testing

/// How a line reads, against the `Character` comparisons its byte checks stand in for.
@Suite struct PlainTextLineTests {
    static func line(_ text: String) -> PlainTextLine? {
        Array(text.utf8).withUnsafeBufferPointer { PlainTextLine.read($0).line }
    }

    @Test func lineEndsAgreeWithCharacters() {
        let ends = [".", "”", "’", "said.”", "war”", "l’", "café”", "é’", "x\u{301}”", "\u{600}”", "‘quoted’", "word", "…",
                    "“Yes”", "a)", "b*", "é*", "é.", "”x", "“Talks end”", "2”", " ”", "\u{200D}”"]
        var checked = 0
        for text in ends + ends.map({ "Some words " + $0 }) {
            guard let line = Self.line(text), let last = line.text.last else { continue }
            let expected = ".,;:\"”’)".contains(last) || line.text.hasSuffix("*")
            #expect(line.endsLikeSentence == expected, "\(line.text)")
            checked += 1
        }
        #expect(checked == 2 * ends.count)
    }

    @Test(arguments: [
        ("•x", true, "x"), ("◦x", true, "x"), ("▪x", true, "x"), ("‣ x", true, "x"), ("• item", true, "item"),
        ("•", false, "•"), ("‣", false, "‣"), ("•\u{301} x", false, "•\u{301} x"), ("“Quoted”", false, "“Quoted”"),
        ("– dash", false, "– dash"), ("’tis", false, "’tis"),
    ])
    func bulletsAgreeWithCharacters(text: String, isBullet: Bool, rest: String) throws {
        let line = try #require(Self.line(text))
        #expect(line.isBullet == isBullet)
        #expect(line.text == rest)
    }
}
