@testable import RedlineExtract
import RedlineText
import Testing

/// Whole furniture lines, whatever their case and wherever the phrase sits (the byte prefilter
/// must let every one of them through).
@Suite struct FurnitureLineTests {
    @Test func cookieAndNewsletterLinesAnywhereInAnyCase() {
        let furniture = [
            "We use cookies to improve your experience. Accept all cookies",
            "WE USE COOKIES TO IMPROVE YOUR EXPERIENCE. MANAGE SETTINGS",
            "This website uses CoOkIeS; see our preferences page to opt out of them",
            "Cookies help us run this site: we use them for analytics and you can manage them",
            "Skip past newsletter promotion and read on for the latest from Kyiv",
            "after NEWSLETTER PROMOTION",
            "Sign up to First Edition, our free daily newsletter – every weekday morning",
            "Share", "Share.", "Key events:", "Privacy notice",
        ]
        for line in furniture { #expect(Furniture.isFurnitureLine(line), "\(line)") }
        let kept = [
            "The cookie factory in Wakefield closed on Monday after 140 years of production, the owners said",
            "A newsletter sent to members of the committee on Tuesday set out the proposals in detail",
            "Talks end without agreement as negotiators leave London",
        ]
        for line in kept { #expect(!Furniture.isFurnitureLine(line), "\(line)") }
    }

    /// Labels that only say when: "Updated at 09.40 BST", the BBC's "Posted at 12:25".
    /// Pointers to other stories and player chrome between paragraphs (the Express, Fox Business).
    @Test func pointersToOtherStoriesAreFurniture() {
        for line in ["READ MORE: Hong Kong protests: 800 students under siege in university", "SEE MORE: Hong Kong protests",
                     "Continue Reading Below", "DON'T MISS", "Close", "Video", "Related: Stocks fall as trade talks stall"] {
            #expect(Furniture.isFurnitureLine(line), "\(line)")
        }
        for line in ["Read more: the committee's report, published on Tuesday, runs to 400 pages and finds that the department "
                        + "failed to act on warnings given to it in 2017, 2018 and again in the spring of 2019, when the first cases were reported.",
                     "Close to 200 people were evacuated.", "Video footage shows the moment the bridge collapsed."] {
            #expect(!Furniture.isFurnitureLine(line), "\(line)")
        }
    }

    @Test func timeLabelsAreFurnitureButSentencesAboutTimesAreNot() {
        let furniture = ["Updated at 09.40 BST", "Posted at 12:25", "Posted at 13:17 27 Feb", "Last updated 5 minutes ago",
                         "Published 1 hour ago", "First published on Thu 23 Jun 2016 20.55 BST", "Share this post", "Copy this link"]
        for line in furniture { #expect(Furniture.isFurnitureLine(line), "\(line)") }
        let kept = ["Updated at 09.40 BST, the figures show a rise", "Posted at the border, the troops waited",
                    "Published 1 hour ago, the report says"]
        for line in kept { #expect(!Furniture.isFurnitureLine(line), "\(line)") }
    }

    /// The byte prefilter looks eight bytes at a time: a phrase must be found wherever it starts.
    @Test func phrasesAtEveryOffset() {
        for offset in 0..<18 {
            let lead = String(repeating: "x", count: offset)
            #expect(Furniture.isFurnitureLine(lead + " we use COOKIES to improve this site, and you can manage them"), "\(offset)")
            #expect(Furniture.isFurnitureLine(lead + " skip past Newsletter Promotion and read on for the latest from Kyiv"), "\(offset)")
            #expect(Furniture.isFurnitureLine(lead + " you can manage the settings: we use Cookie"), "\(offset)")
            #expect(Furniture.isFurnitureLine(lead + " read on, after the newsletter promotion"), "\(offset)")
        }
    }

    /// The byte prefilter never turns away a line the full test accepts: phrases at every offset
    /// of lines of every length around its eight-byte windows, in any case, beside accented
    /// letters and curly quotes, and every line of the shared pages.
    @Test func prefilterLetsEveryFurnitureLineThrough() throws {
        var lines: [String] = []
        for phrase in ["we use cookies", "Cookie settings", "COOKIE consent", "after the Newsletter Promotion", "manage cOOkies"] {
            for lead in ["x", "é", "“"] {
                for leads in 0..<14 {
                    for tail in [".", " z", "”"] {
                        for tails in 0..<10 {
                            lines.append(String(repeating: lead, count: leads) + phrase + String(repeating: tail, count: tails))
                        }
                    }
                }
            }
        }
        for data in try Fixtures.seedNames.map(Fixtures.seed) + Fixtures.pageNames.map(Fixtures.page) {
            lines += String(decoding: data, as: UTF8.self).split(separator: "\n").map { TextFolding.fold($0) }
        }
        var accepted = 0
        for line in lines where line.utf8.count <= 300 && Furniture.readsAsFurniture(line) {
            accepted += 1
            #expect(Furniture.mightBeFurnitureLine(line), "\(line)")
        }
        #expect(accepted >= 5 * 3 * 14 * 3 * 10)
    }
}
