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

    /// The BBC dates a post of an earlier day after its time: "13:17 27 Feb".
    @Test func clockThenDayIsAStamp() throws {
        #expect(try #require(Self.line("13:17 27 Feb")).timeStamp != nil)
        #expect(ClockTime("13:17 27 Feb") == ClockTime("13:17 27 Feb"))
        let clock = try #require(ClockTime("13:17 27 Feb"))
        #expect([clock.hour, clock.minute, clock.day, clock.month] == [13, 17, 27, 2])
        #expect(Self.line("13:17 on 27 Feb")?.timeStamp == nil)
    }

    @Test func clockTimesAndAges() throws {
        #expect(try #require(ClockTime("09.36 BST")).zoneOffset == 3600)
        #expect(try #require(ClockTime("09:36")).zoneOffset == nil)
        #expect(try #require(ClockTime("12:30pm")).hour == 12)
        #expect(try #require(ClockTime("1.05 am")).hour == 1)
        #expect(ClockTime("09.36 on Friday") == nil)
        #expect(ClockTime.age(of: "52 minutes ago") == 3120)
        #expect(ClockTime.age(of: "2h ago") == 7200)
        #expect(ClockTime.age(of: "1 day ago") == 86_400)
        #expect(ClockTime.age(of: "2h ago!") == nil)
        let leading = try #require(ClockTime.leading(in: "08.25 BST FTSE 100 and sterling plunge"))
        #expect(leading.rest == "FTSE 100 and sterling plunge")
        #expect(leading.clock.hour == 8 && leading.clock.zoneOffset == 3600)
        #expect(ClockTime.leading(in: "08.25 BST") == nil)
        #expect(ClockTime.leading(in: "10.45 the talks began") == nil)
    }

    @Test func bylineNameLists() throws {
        #expect(try #require(Self.line("Orla Moore, Andrew Segal and Jenna Hawkey")).isNameList)
        #expect(try #require(Self.line("Andrew Sparrow")).isNameList)
        #expect(try #require(Self.line("Jamie Grierson and Haroon Siddique")).isNameList)
        #expect(try #require(Self.line("What Russia Gets")).isNameList == false)
        #expect(try #require(Self.line("Talks end without agreement")).isNameList == false)
    }

    @Test func copyrightYear() {
        #expect(PageCalendar.copyrightYear(in: "Copyright © 2018 BBC. The BBC is not responsible") == 2018)
        #expect(PageCalendar.copyrightYear(in: "© 2024 Guardian News & Media Limited") == 2024)
        #expect(PageCalendar.copyrightYear(in: "© 20245 units") == nil)
        #expect(PageCalendar.copyrightYear(in: "No sign 2018") == nil)
    }
}
