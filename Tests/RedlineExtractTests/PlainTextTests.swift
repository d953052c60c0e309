import Foundation
import RedlineExtract
import RedlineModel
import Testing

/// Plain-text shapes beyond the two seeds.
@Suite struct PlainTextTests {
    static func extract(_ text: String) -> Article { ArticleExtractor.extract(Data(text.utf8), format: .text).article }

    @Test func liveBlogCopyWithTimeStamps() {
        let article = Self.extract("""
            Russia-Ukraine war live: talks end without agreement

            Negotiators leave London with a promise to keep talking

            By Dan Sabbagh

            Key events

            2h ago
            Talks end without agreement
            3h ago
            Talks begin in London
            Show key events only
            Please turn on JavaScript to use this feature

            2h ago
            Wed 23 Apr 2025 15.10 BST
            Talks end without agreement

            London discussions between the US, UK and Ukraine ended on Wednesday without agreement.

            Share

            3h ago
            14.00 BST
            Nimo Omer

            Delegations arrived at Lancaster House on Wednesday morning, officials said.

            • Ukraine’s foreign minister led its team.
            • The US sent Keith Kellogg.
            """)
        #expect(article.title == "Russia-Ukraine war live: talks end without agreement")
        #expect(article.standfirst == "Negotiators leave London with a promise to keep talking")
        #expect(article.byline == "Dan Sabbagh")   // bylines are kept without their "By " (Tests/Shapes/README.md)
        #expect(article.keyEvents.map(\.title) == ["Talks end without agreement", "Talks begin in London"])
        #expect(article.blocks.isEmpty)
        #expect(article.entries.count == 2)
        #expect(article.entries[0].time == Timestamp.parse("2025-04-23T14:10:00Z"))
        #expect(article.entries[0].title == "Talks end without agreement")
        #expect(article.entries[0].blocks.map(\.text) == ["London discussions between the US, UK and Ukraine ended on Wednesday without agreement."])
        #expect(article.entries[1].time == nil)   // "14.00 BST" names no day: no time is invented
        #expect(article.entries[1].author == "Nimo Omer")
        #expect(article.entries[1].blocks.map(\.kind) == [.paragraph, .listItem, .listItem])
    }

    /// A key event whose title ends with a full stop used to end the key-events list: it and every
    /// later event were read as entries.
    @Test func keyEventTitleEndingLikeASentence() {
        let article = Self.extract("""
            Russia-Ukraine war live: talks end without agreement

            Key events

            23 Apr 2025 15.10 BST
            Talks end without agreement
            23 Apr 2025 14.00 BST
            Putin says the talks were useful.
            23 Apr 2025 10.00 BST
            Talks begin in London

            23 Apr 2025 15.10 BST
            Talks end without agreement

            London discussions between the US, UK and Ukraine ended on Wednesday without agreement.
            """)
        #expect(article.keyEvents.map(\.title) == ["Talks end without agreement", "Putin says the talks were useful.", "Talks begin in London"])
        #expect(article.keyEvents.map(\.time) == ["2025-04-23T14:10:00Z", "2025-04-23T13:00:00Z", "2025-04-23T09:00:00Z"].map(Timestamp.parse))
        #expect(article.entries.count == 1)
        #expect(article.entries.first?.title == "Talks end without agreement")
    }

    /// "Show key events only" ends the list: a first entry of one short line used to be read as one
    /// more key event, and entries with no text but their share button as key events titled "Share".
    @Test func keyEventsEndAtTheToggleBelowThem() {
        let article = Self.extract("""
            Russia-Ukraine war live: talks end without agreement

            Key events

            23 Apr 2025 15.10 BST
            Talks end without agreement
            Show key events only

            23 Apr 2025 16.00 BST
            Lammy: 'we keep talking'

            23 Apr 2025 15.30 BST

            Share

            23 Apr 2025 15.10 BST
            Talks end without agreement

            London discussions between the US, UK and Ukraine ended on Wednesday without agreement.
            """)
        #expect(article.keyEvents.map(\.title) == ["Talks end without agreement"])
        #expect(article.entries.first?.blocks.map(\.text) == ["Lammy: 'we keep talking'"])
        #expect(article.entries.last?.title == "Talks end without agreement")
    }

    @Test func commentFormAndFurnitureAreDroppedButTextAfterThemIsKept() {
        let article = Self.extract("""
            Talks end without agreement

            Both sides left London on Wednesday without a deal, officials said.

            Leave a Reply
            Your email address will not be published. Required fields are marked *
            Comment *
            Name *
            Email *
            Save my name, email, and website in this browser for the next time I comment.
            We use cookies to improve your experience. Accept all cookies
            Sign up to First Edition, our free daily newsletter
            Correction: an earlier version misnamed the minister.
            """)
        #expect(article.title == "Talks end without agreement")
        #expect(article.blocks.map(\.text) == [
            "Both sides left London on Wednesday without a deal, officials said.",
            "Correction: an earlier version misnamed the minister.",
        ])
    }

    @Test func bulletsOfEveryKind() {
        let article = Self.extract("Intro paragraph that is long enough to be a paragraph.\n- one\n* two\n  • three\n· four\n-5 degrees overnight.")
        #expect(article.blocks.map(\.kind) == [.paragraph, .listItem, .listItem, .listItem, .listItem, .paragraph])
        #expect(article.blocks.map(\.text).dropFirst().prefix(4) == ["one", "two", "three", "four"])
    }

    @Test func windowsAndOldMacLineEnds() {
        let unix = Self.extract("Talks end without a deal\n\nBoth sides left.\n\nMore talks are planned.")
        let windows = Self.extract("Talks end without a deal\r\n\r\nBoth sides left.\r\n\r\nMore talks are planned.")
        let mac = Self.extract("Talks end without a deal\r\rBoth sides left.\r\rMore talks are planned.")
        #expect(unix == windows)
        #expect(unix == mac)
        #expect(unix.title == "Talks end without a deal")
    }

    /// The extractor looks ahead from the last lines too, where fewer lines follow.
    @Test func aStampAndANameAsTheLastLines() {
        let article = Self.extract("Talks end without a deal\nBy Dan Sabbagh\n\nBoth sides left.\n\n10.45 BST\nNimo Omer\n\n")
        #expect(article.blocks == [Block(.paragraph, "Both sides left.")])
        #expect(article.entries.count == 1)
        #expect(article.entries.first?.author == nil)
        #expect(article.entries.first?.blocks == [Block(.paragraph, "Nimo Omer")])
    }

    /// Text that is mostly UTF-8 (else it would be read as windows-1252), a bad byte at either end.
    @Test(arguments: [0, 2])
    func invalidUTF8OnTheFirstOrLastLineIsReported(line: Int) {
        var lines = ["Talks end without a deal in Genève", "Both sides left the café.", "More talks are planned."].map { Array($0.utf8) }
        lines[line] += [0xFF]
        let extraction = ArticleExtractor.extract(Data(lines.joined(separator: [0x0A])), format: .text)
        #expect(extraction.warnings.contains { $0.contains("not valid UTF-8") })
        let texts = [extraction.article.title ?? ""] + extraction.article.positionedBlocks.map(\.block.text)
        #expect(texts.contains { $0.hasSuffix("\u{FFFD}") })
    }

    @Test func titleCaseHeadingsInALiveBlogAreNotAuthors() {
        let article = Self.extract("""
            Russia-Ukraine war live: talks end without agreement

            Key events

            Talks end without agreement

            Nimo Omer

            Delegations met at Lancaster House on Wednesday morning, officials said.

            What Russia Gets

            Recognition of Crimea as Russian territory, according to the leaked plan.
            """)
        #expect(article.entries.count == 1)
        #expect(article.entries.first?.author == "Nimo Omer")
        #expect(article.entries.first?.blocks.map(\.kind) == [.paragraph, .heading, .paragraph])
    }

    /// A Guardian page copied with select-all: navigation above the "Live" kicker, names and the
    /// date line under the standfirst, key events as "relative time / clock / title" or as one
    /// line, entries with "Updated at" lines, and the feed's pagination and "Most viewed" below.
    @Test func guardianCopyWithNavigationKeyEventsAndMostViewed() {
        let page = """
            Skip to main contentSkip to navigation
            Print subscriptions
            Politics
            Live
            Brexit: Cameron to resign after UK votes to leave EU – live
            Leave wins the EU referendum with 52% of the vote; David Cameron says he will stand down as prime minister by October
            Andrew Sparrow and Graeme Wearden
            Fri 24 Jun 2016 08.27 BST
            First published on Thu 23 Jun 2016 20.55 BST
            Share on Facebook

            Key events
            50m ago
            08:25
            Cameron announces he will resign
            08.14 BST FTSE 100 and sterling plunge
            Show key events only
            Please turn on JavaScript to use this feature

            Live feed
            50m ago
            08.25 BST
            Cameron announces he will resign
            David Cameron says he will stand down as prime minister by October.
            Updated at 08.40 BST
            Share

            1h ago
            08.14 BST
            The pound fell by more than 10% against the dollar overnight.
            Share

            Older
            Oldest
            Most viewed
            1
            Yougov poll gives Remain a 4-point lead
            © 2024 Guardian News & Media Limited
            """
        let article = Self.extract(page)
        #expect(article.title == "Brexit: Cameron to resign after UK votes to leave EU – live")
        #expect(article.standfirst?.hasPrefix("Leave wins the EU referendum") == true)
        #expect(article.byline == "Andrew Sparrow and Graeme Wearden")
        #expect(article.blocks.isEmpty)
        #expect(article.keyEvents.map(\.title) == ["Cameron announces he will resign", "FTSE 100 and sterling plunge"])
        #expect(article.keyEvents.map(\.time) == ["2016-06-24T07:25:00Z", "2016-06-24T07:14:00Z"].map(Timestamp.parse))
        #expect(article.entries.map(\.time) == ["2016-06-24T07:25:00Z", "2016-06-24T07:14:00Z"].map(Timestamp.parse))
        #expect(article.entries.first?.title == "Cameron announces he will resign")
        #expect(article.entries.map(\.blocks.count) == [1, 1])
    }

    /// A BBC Local Live page copied with select-all: "Summary" points (timed by the posts they
    /// name), the byline below them, "Posted at" and share lines, posts of an earlier day dated
    /// "15:56 27 Feb" (the year from the copyright line), and the boxes below the feed.
    @Test func bbcCopyWithSummaryPostsOfEarlierDaysAndMostRead() {
        let page = """
            Skip to content
            Accessibility Help
            Live
            Essex: Snow closes schools and brings travel disruption
            Live updates on news, sport, travel and weather from across Essex as snow and ice bring disruption

            Summary
            Woman dies after car flips over in Wickford

            Live Reporting
            By Orla Moore and Andrew Segal
            All times stated are UK
            Get involved

            52 minutes ago
            09:15
            Posted at 09:15
            Southend airport flights disrupted
            Snow has been falling across Essex this morning.
            Share this post
            Copy this link

            18 hours ago
            15:56 27 Feb
            Posted at 15:56 27 Feb
            Woman dies after car flips over in Wickford
            Andrew Segal
            BBC Local Live
            A woman in her 80s has died after her car overturned.
            Share this post

            Previous page
            1 of 4
            Next
            Most Read
            1
            Man lying in road and hit by car dies
            Copyright © 2018 BBC.
            """
        let article = Self.extract(page)
        #expect(article.title == "Essex: Snow closes schools and brings travel disruption")
        #expect(article.standfirst?.hasPrefix("Live updates on news") == true)
        #expect(article.byline == "Orla Moore and Andrew Segal")
        #expect(article.blocks.isEmpty)
        #expect(article.keyEvents == [KeyEvent(time: Timestamp.parse("2018-02-27T15:56:00Z"), title: "Woman dies after car flips over in Wickford")])
        #expect(article.entries.map(\.time) == ["2018-02-28T09:15:00Z", "2018-02-27T15:56:00Z"].map(Timestamp.parse))
        #expect(article.entries.map(\.title) == ["Southend airport flights disrupted", "Woman dies after car flips over in Wickford"])
        #expect(article.entries.last?.author == "Andrew Segal, BBC Local Live")   // the role is no block of text
        #expect(article.entries.map { $0.blocks.map(\.text) } == [
            ["Snow has been falling across Essex this morning."], ["A woman in her 80s has died after her car overturned."],
        ])
    }
}
