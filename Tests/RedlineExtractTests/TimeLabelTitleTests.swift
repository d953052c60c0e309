import Foundation
import Testing
import RedlineModel
@testable import RedlineExtract

/// A time label beside a title, in an element or on a line of its own inside the heading, is
/// never part of the title, so its ticking on is no change (found by a newcomer trial: the
/// headline and an entry's title changed every minute).
struct TimeLabelTitleTests {
    static func page(_ minutes: Int, label: (Int) -> String) -> String {
        "<html><body><article><h1>Lockdown lifted\(label(minutes))</h1><p>Pubs reopen today across the country after three weeks shut.</p>"
            + "<section><h3><span class=\"ago\">\(minutes) minutes ago</span> Goodnight</h3><p>That is all from us tonight, thanks for reading.</p>"
            + "<h3>Earlier<br>\(minutes + 20) minutes ago</h3><p>The minister spoke in the afternoon about the rules.</p></section></article></body></html>"
    }

    @Test(arguments: [0, 1, 2])
    func aLabelInAHeadingIsNoPartOfTheTitle(_ shape: Int) {
        let label = { (minutes: Int) in
            [" <small>\(minutes) minutes ago</small>", "<span>Last updated \(minutes) minutes ago</span>", "<br>\(minutes) minutes ago"][shape]
        }
        let before = HTMLArticleExtractor.extract(Self.page(5, label: label)).article
        let after = HTMLArticleExtractor.extract(Self.page(6, label: label)).article
        #expect(before.title == "Lockdown lifted")
        #expect(before.positionedBlocks.map(\.block.text).contains("Goodnight"), "\(before.positionedBlocks.map(\.block.text))")
        #expect(before.positionedBlocks.map(\.block.text).contains("Earlier"))
        #expect(before == after)
    }

    /// A label in the same text as the title, before it or after a separator, is no part of it
    /// either (found by the sixteenth session's newcomer trial: "1h ago Storm makes landfall" in
    /// a key-events box was retitled "3h ago Storm makes landfall" on a later visit).
    @Test func aLabelInTheTitlesOwnTextIsNoPartOfIt() {
        let cases: [(String, String)] = [
            ("1h ago Storm makes landfall", "Storm makes landfall"),
            ("35 minutes ago: Red warning issued", "Red warning issued"),
            ("Updated 5 minutes ago · Storm makes landfall", "Storm makes landfall"),
            ("Storm makes landfall · 1h ago", "Storm makes landfall"),
            ("Storm makes landfall - updated 2 hours ago", "Storm makes landfall"),
            ("Storm makes landfall (35 minutes ago)", "Storm makes landfall"),
            ("Tempesta sulla costa | 5 minuti fa", "Tempesta sulla costa"),
            ("il y a 5 minutes · La tempête arrive", "La tempête arrive"),
            // As they are: no label, a clock time, a label with no separator at the end, only a label.
            ("Sunak to speak at 5pm", "Sunak to speak at 5pm"),
            ("09.30 BST Storm makes landfall", "09.30 BST Storm makes landfall"),
            ("5 things to know about the storm", "5 things to know about the storm"),
            ("Storm makes landfall 1h ago", "Storm makes landfall 1h ago"),
            ("3 hours ago", "3 hours ago"),
            ("Goals (2 mins)", "Goals (2 mins)"),
            ("now it 's german chancellor angela merkel 's", "now it 's german chancellor angela merkel 's"),
            ("Just now: Storm makes landfall", "Just now: Storm makes landfall"),
            ("an hour ago Storm makes landfall", "Storm makes landfall"),
            ("Updated: 5 minutes ago · Storm makes landfall", "Storm makes landfall"),
            ("Storm makes landfall — il y a 2 heures", "Storm makes landfall"),
            // Labels without a number (the sixteenth session's open item).
            ("Il y a une heure · La tempête arrive", "La tempête arrive"),
            ("Sturm erreicht die Küste · vor einer Stunde", "Sturm erreicht die Küste"),
            ("Hace una hora: Tormenta en la costa", "Tormenta en la costa"),
            ("Tempestade chega à costa | há uma hora", "Tempestade chega à costa"),
            ("Vor dem Gipfel: Merkel warnt", "Vor dem Gipfel: Merkel warnt"),
            ("Hace falta más ayuda", "Hace falta más ayuda"),
        ]
        for (title, expected) in cases {
            #expect(TimeLabel.withoutRelativeLabel(title) == expected, "\(title)")
        }
    }

    @Test func aKeyEventsBoxWhoseLabelsTickOnIsUnchanged() {
        func page(_ hours: Int) -> String {
            "<html><body><h1>Storm live</h1><div class=\"key-events\"><h2>Key events</h2><ul>"
                + "<li><a href=\"#block-1\">\(hours)h ago Storm makes landfall</a></li></ul></div>"
                + "<article id=\"block-1\"><time datetime=\"2025-08-20T09:30:00Z\">09.30 BST</time><h2>Storm makes landfall</h2>"
                + "<p>The storm reached the coast near the harbour this morning.</p></article>"
                + "<article id=\"block-0\"><time datetime=\"2025-08-20T09:00:00Z\">09.00 BST</time><h2>Warnings in force</h2>"
                + "<p>Forecasters issued warnings for the whole coast overnight.</p></article></body></html>"
        }
        let before = ArticleExtractor.extract(Data(page(1).utf8)).article, after = ArticleExtractor.extract(Data(page(3).utf8)).article
        #expect(before.keyEvents.map(\.title) == ["Storm makes landfall"], "\(before.keyEvents)")
        #expect(before == after)
        // The same in a copied page's text: the clock after the label is the event's time.
        let text = { (hours: Int) in
            "Storm Ellen live: power cuts across the south\n\nThousands without electricity as winds reach 90mph\n\n"
                + "Wed 20 Aug 2025 10.45 BST\n\nKey events\n\n\(hours)h ago 09.30 BST Storm makes landfall\n"
                + "\(hours)h ago 10.10 BST Red warning issued for the coast\n\n10.10 BST\nRed warning issued for the coast\n\n"
                + "The Met Office has issued a red warning for wind along the Cornish coast.\n\n09.30 BST\nStorm makes landfall\n\n"
                + "Storm Ellen made landfall near Penzance shortly after nine o'clock.\n"
        }
        let copied = ArticleExtractor.extract(Data(text(1).utf8), format: .text).article
        #expect(copied.keyEvents.map(\.title) == ["Storm makes landfall", "Red warning issued for the coast"], "\(copied.keyEvents)")
        #expect(copied.keyEvents.first?.time != nil)
        #expect(copied == ArticleExtractor.extract(Data(text(3).utf8), format: .text).article)
    }
}
