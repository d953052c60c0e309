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
}
