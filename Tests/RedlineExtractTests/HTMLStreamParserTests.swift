import Foundation
@testable import RedlineExtract
import RedlineCorpus
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

    /// libxml2's events' tree, and ``HTMLParser``'s (nil where it leaves the page to libxml2).
    static func libxml2Tree(_ page: [UInt8]) -> HTMLTree? {
        HTMLStreamParser.libxml2Tree(HTMLDocument.prepared(page).bytes)
    }

    static func parsedTree(_ page: [UInt8]) -> HTMLTree? {
        HTMLStreamParser.parsedTree(HTMLDocument.prepared(page).bytes)
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
        var parsed = 0
        for page in pages {
            let bytes = [UInt8](page)
            let document = try #require(Self.documentTree(bytes)), stream = try #require(Self.libxml2Tree(bytes))
            #expect(Self.firstDifference(document, stream) == nil)
            if let own = Self.parsedTree(bytes) {
                parsed += 1
                #expect(Self.firstDifference(document, own) == nil)
            }
        }
        // The parser of our own reads nearly every real page; libxml2 the few it leaves.
        #expect(parsed * 10 >= pages.count * 9)
    }

    /// Pages from elsewhere (a folder named by `REDLINE_PARSER_PAGES`; a few thousand from other
    /// extractors' test fixtures were read so): each page ``HTMLParser`` reads, it reads as
    /// libxml2 does. Prints the pages that part and those it leaves to libxml2.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["REDLINE_PARSER_PAGES"] != nil))
    func pagesFromElsewhere() throws {
        let folder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["REDLINE_PARSER_PAGES"]!)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        var parsed = 0, parted: [String] = []
        for name in names {
            let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
            guard let own = Self.parsedTree(bytes) else {
                print("left to libxml2: \(name)")
                continue
            }
            parsed += 1
            let document = try #require(Self.documentTree(bytes))
            if let difference = Self.firstDifference(document, own) {
                parted.append(name)
                print("parted: \(name): \(difference.prefix(600))")
            }
        }
        print("read \(parsed) of \(names.count) pages; \(parted.count) parted from libxml2's tree")
        #expect(parted.isEmpty)
    }

    /// Tag soup made to part the two parsers: 3,000 documents of random pieces (omitted and
    /// stray end tags, implied elements, misplaced `html`/`head`/`body`, references of every
    /// kind, comments, doctypes and processing instructions anywhere, scripts, prefixed names,
    /// attributes of every form), each read alike by ``HTMLParser`` and libxml2 or left to libxml2.
    @Test func tagSoup() throws {
        let pieces = [
            "<p>", "</p>", "<div>", "</div>", "<li>", "</li>", "<ul>", "</ul>", "<table>", "</table>", "<tr>", "<td>",
            "</td>", "<th>", "</tr>", "<tbody>", "<a href='x'>", "</a>", "<b>", "</b>", "<i>", "</i>", "<span class=s>",
            "</span>", "<head>", "</head>", "<body class=b>", "</body>", "<html lang=en>", "</html>", "<title>t</title>",
            "<meta name=m content='c'>", "<link rel=x>", "<br>", "<br/>", "<img src=a/>", "<hr>", "<h1>", "</h1>", "<h2 id=h>",
            "<dl>", "<dt>", "<dd>", "<form>", "</form>", "<option>", "<select>", "</select>", "<noscript>", "</noscript>",
            "<svg><g></g></svg>", "<o:p>", "</o:p>", "<fb:like href=z>", "<x:>", "<section>", "</section>", "<font>",
            "<center>", "<pre>", "<blockquote>", "<address>", "<col>", "<colgroup>", "<caption>", "<thead>", "<frameset>",
            "<script>var a = '</b>';</script>", "<style>p{}</style>", "<script type='application/ld+json'>{}</script>",
            "<!-- c -->", "<!---->", "<!-- a --!>", "<!--->-->", "<!DOCTYPE html>", "<!doctype html PUBLIC \"-//W3C//DTD HTML 4.01//EN\">",
            "<?php x ?>", "<?>", "<? y>", "<!foo>", "<![CDATA[x]]>", "< p>", "</ p>", "</>", "<>", "<3", "a < b", "<_x>", "<:y>",
            "<p.x>", "<div/>", "<p class='a' class='b' hidden data-id=7>", "<a href=\"?a=1&b=2&amp;c&#38;d&eacute;\">",
            "<div id=a\tclass=\"q\" @click=x =y 'z'>", "text", " ", "   \n  ", "&amp;", "&amp", "&foo;", "&#233;", "&#xE9;",
            "&#x;", "&#0;", "&#65abc", "& ", "&;", "AT&T", "&nbsp;", "&apos;", "é", "“quoted”", "\r\n", String(repeating: " ", count: 1001),
            "\u{FFFE}", "\u{FFFF}x", "\u{1}", "\u{C}", "<script>\u{FFFF}</script>", "<!-- \u{1} -->", "<p title='\u{1}\u{FFFE}'>",
            // Doctypes whose name is no name (the seventeenth session's trial: libxml2 ends them at the first `>`).
            "<!DOCTYPE 5 SYSTEM \"a>b\">", "<!DOCTYPE -html PUBLIC \"x>y\" \"z\">", "<!DOCTYPE html SYSTEM 'q>r'>", "<!doctype>",
        ]
        var generator = SeededGenerator(seed: 17)
        var parsed = 0
        for _ in 0..<3000 {
            let page = (0..<Int.random(in: 1...24, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let bytes = Array(page.utf8)
            let document = try #require(Self.documentTree(bytes))
            guard let own = Self.parsedTree(bytes) else { continue }
            parsed += 1
            let difference = Self.firstDifference(document, own)
            #expect(difference == nil, "\(page.debugDescription)")
            if difference != nil { break }
        }
        #expect(parsed > 2000)
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
        let document = try #require(Self.documentTree(bytes)), stream = try #require(Self.libxml2Tree(bytes))
        #expect(Self.firstDifference(document, stream) == nil)
        if let own = Self.parsedTree(bytes) { #expect(Self.firstDifference(document, own) == nil) }
    }
}
