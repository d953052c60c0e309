import Foundation
@testable import RedlineExtract
import Testing

/// The tree libxml2's events build (``HTMLStreamParser``, every page) is the tree copied from
/// libxml2's document (``HTMLDocument``, a page narrowed by a selector): node for node.
@Suite struct HTMLStreamParserTests {
    static func documentTree(_ page: [UInt8]) -> HTMLTree? {
        HTMLDocument(bytes: page)?.tree()
    }

    static func streamTree(_ page: [UInt8]) -> HTMLTree? {
        HTMLStreamParser.tree(page)?.tree
    }

    /// The first node where two trees part, for a readable failure.
    static func firstDifference(_ a: HTMLTree, _ b: HTMLTree) -> String? {
        for index in 0..<min(a.nodes.count, b.nodes.count) where a.nodes[index] != b.nodes[index] {
            return "node \(index): \(a.nodes[index]) ≠ \(b.nodes[index])"
        }
        if a.nodes.count != b.nodes.count { return "\(a.nodes.count) nodes ≠ \(b.nodes.count)" }
        if a.maximumDepth != b.maximumDepth { return "depth \(a.maximumDepth) ≠ \(b.maximumDepth)" }
        return nil
    }

    @Test func everyPageOfTheCorpusAndTheFixtures() throws {
        let pages = try Fixtures.htmlPages()
        #expect(pages.count >= 10)
        for page in pages {
            let bytes = [UInt8](page)
            let document = try #require(Self.documentTree(bytes)), stream = try #require(Self.streamTree(bytes))
            #expect(Self.firstDifference(document, stream) == nil)
        }
    }

    /// Shapes where libxml2's document builder, not its parser, decides the tree.
    static let shapes: [String] = [
        // Runs of text joined, split by a comment or an element; entities and character references.
        "<p>one &amp; two &#233; <!-- c --> three<b>b</b> four <?php x ?> five</p>",
        // Text outside every element, and before the first.
        "loose text <p>in</p>",
        // What comes after the root ends: inside it (nothing came first), beside it (a doctype
        // or a comment came first; a doctype in the middle).
        "<html><body><p>a</p></body></html><p>after</p> tail <div>more<i>x</i></div>",
        "<!DOCTYPE html><html><body><p>a</p></body></html><p>after</p>",
        "<!-- first --><html><body><p>a</p></body></html><p>after</p>",
        "<html><body><p>a</p><!DOCTYPE html></body></html><p>after</p>",
        "<html><body><p>a</p></body></html><svg><g></g></svg><p>after</p>",
        // Misplaced html, head and body tags; stray end tags.
        "<html><body><p>a<html lang='x'><body class='y'><p>b</p></div></span>c</body></html>",
        // Prefixed names (Word's <o:p>), attributes with and without values, repeated attributes.
        "<p class='a' class='b' hidden data-id=7 xlink:href='#x'>word<o:p></o:p><fb:like href='z'></fb:like></p>",
        // Opaque elements with contents; script and style text; JSON-LD in a script.
        "<div><svg><text>no</text></svg><picture><img src=a></picture><noscript><p>no</p></noscript>" +
            "<script>var a = '<p>';</script><style>p{}</style><script type='application/ld+json'>{\"a\": 1}</script></div>",
        // White space only, long runs of text and of script data (libxml2 reports them in pieces).
        "<div>\n   \n<p> </p>\t<span></span>" + String(repeating: "word ", count: 900) + "</div>" +
            "<script type='application/ld+json'>" + String(repeating: "{\"a\": \"b\"} ", count: 400) + "</script>",
        // Implied paragraphs and autoclosed elements (HTML 4's rules).
        "<table><tr><td>a<td>b</table><ul><li>one<li>two</ul><p>x<p>y<dl><dt>t<dd>d</dl>",
        // A byte order mark, and a NUL among the first bytes (libxml2 guesses UTF-16 from them).
        "\u{FEFF}<p>marked</p>", "<\u{0}p\u{0}>nul</p><p>after</p>",
        "", " ", "<", "<!DOCTYPE html>", "<html></html>", "<svg><p>x</p>", "</p>text",
    ]

    @Test(arguments: shapes)
    func shapesWhereTheDocumentBuilderDecides(_ html: String) throws {
        let bytes = Array(html.utf8)
        let document = try #require(Self.documentTree(bytes)), stream = try #require(Self.streamTree(bytes))
        #expect(Self.firstDifference(document, stream) == nil)
    }
}
