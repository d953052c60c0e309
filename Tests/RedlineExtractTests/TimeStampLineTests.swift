import Foundation
@testable import RedlineExtract
import Testing

/// The byte matcher for time-stamp lines against the regexes it stands in for.
@Suite struct TimeStampLineTests {
    /// What a stamp says, comparable: nil for no stamp, else its date (nil when no day is named).
    static func outcome(_ stamp: PlainTextLine.TimeStamp?) -> Date?? { stamp.map(\.date) }

    @Test func examplesAgreeWithTheRegexes() {
        let lines = [
            "1h ago", "25 min ago", "2 hours ago", "3days ago", "1234 min ago", "5 mins  ago", "5  min ago", "5 min ago.",
            "10.45 BST", "12:30pm", "12:30 pm", "12.30 PM", "10.45 PMT", "10.45pm BST", "10.45 pm (BST)", "10.45 (BST",
            "10.45 BST)", "10.45 ABCDE", "10.45 B", "10.456", "123.45", "1.05", "Wed 23 Apr 2025 10.45 BST",
            "23 Apr 2025 10.45 BST", "Wed, 23 April, 2025, 10:45am GMT", "Wednesday 23 Apr 2025 10.45 BST",
            "Wed 23 Apr 2025 12.05 am EDT", "Wed 23 Apr 2025 12.05 PM cet", "Wed 23 Septembers 2025 10.45 BST",
            "Wed 23 Apr 25 10.45 BST", "Wed 123 Apr 2025 10.45 BST", "Wed 23 Apr 2025 10.45", "23 Apr 2025, 9:05 pm (AEST)",
            "23 Apr 2025 10.45 PMT", "23 Apr 2025 10.45 PM", "Talks end", "10.45 on Wednesday", "", "١٠.٤٥ BST",
            "10.45 BST é", "Wed 31 Feb 2025 10.45 GMT", "'lucky omen ' led to £ 9.3m", "10.45 BST – live", "’10.45 BST",
            "10.45 BST£", "É10.45", "Wed 23 Apr 2025 10.45 BST…", "10.45 €", "× 10:45", "1\u{301}0.45 BST", "10.45 BST\u{1F3FB}",
            "10.45\u{00A0}BST", "10.45 B\u{0301}ST", "10.45 BST\u{00AD}", "13:17 27 Feb", "13.17  27 February", "13:17 27 feb",
            "13:17 127 Feb", "13:17 27 F", "13:17 27 Feb\u{00A0}",
        ]
        for line in lines {
            #expect(Self.outcome(PlainTextLine.timeStamp(of: line)) == Self.outcome(PlainTextLine.regexTimeStamp(of: line)),
                    "\(line)")
        }
    }

    @Test func randomLinesAgreeWithTheRegexes() {
        let pieces = [
            "1", "12", "123", "2025", "05", ".", ":", " ", " ", " ", "  ", ",", "(", ")", "Wed", "Thu", "Apr", "April",
            "Septembers", "am", "pm", "AM", "PM", "Pm", "BST", "GMT", "PMT", "UTC", "AEST", "ABCDE", "B", "h", "hr", "min",
            "mins", "minutes", "hours", "day", "d", "ago", "x", "é", "-", "£", "–", "’", "É", "×", "€", "\u{301}", "\u{A0}",
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var stamps = 0
        for _ in 0..<20_000 {
            var line = ""
            if next(2) == 0 {
                for _ in 0..<(1 + next(9)) { line += pieces[next(pieces.count)] }
            } else {
                // Slot by slot, as a stamp is built: half the time the slot's first (well-formed)
                // choice, else any, empty or wrong.
                let slots = [
                    ["Wed ", "", "Wed, ", "Wednesday ", "wed "], ["23 ", "", "3  ", "123 ", "23"],
                    ["Apr ", "", "April, ", "Septembers ", "apr ", "Ap "], ["2025 ", "", "2025, ", "25 ", "2025"],
                    ["10", "9", "123", "", "1a"], [".", ":", ",", ""], ["45", "5", "456", "05"], ["", " ", "  "],
                    ["", "am", "pm", "AM", "PM", "Pm"], [" BST", "", "  GMT", " (UTC)", " (IST", " CEST)", " PMT", " X", " ABCDE", "BST"],
                ]
                for slot in slots { line += next(2) == 0 ? slot[0] : slot[next(slot.count)] }
            }
            let expected = PlainTextLine.regexTimeStamp(of: line)
            if expected != nil { stamps += 1 }
            #expect(Self.outcome(PlainTextLine.timeStamp(of: line)) == Self.outcome(expected), "\(line)")
        }
        #expect(stamps > 500)
    }
}
