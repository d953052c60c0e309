import Foundation
import RedlineExtract
import RedlineModel
import Testing

/// Captures of the same page that differ only in markup, attribute order, white space, scripts,
/// styles or sidebar content extract to equal articles. The variants are generated from the
/// real corpus pages.
@Suite struct VariantTests {
    /// One way of rewriting a page without changing what it says.
    struct Variant: CustomTestStringConvertible, Sendable {
        var name: String
        var rewrite: @Sendable (String) -> String
        var testDescription: String { name }
    }

    static func replacing(_ pattern: String, in html: String, options: NSRegularExpression.Options = [],
                          with transform: (NSTextCheckingResult, NSString) -> String) -> String {
        let expression = try! NSRegularExpression(pattern: pattern, options: options)
        let source = html as NSString
        var result = ""
        var last = 0
        for match in expression.matches(in: html, range: NSRange(location: 0, length: source.length)) {
            result += source.substring(with: NSRange(location: last, length: match.range.location - last))
            result += transform(match, source)
            last = match.range.location + match.range.length
        }
        return result + source.substring(from: last)
    }

    /// Applies `transform` to the page outside `<script>` and `<style>` elements.
    static func outsideScripts(_ html: String, _ transform: (String) -> String) -> String {
        var result = ""
        var rest = html[...]
        while let open = rest.range(of: "<script", options: .caseInsensitive) ?? rest.range(of: "<style", options: .caseInsensitive) {
            let isScript = rest[open].lowercased() == "<script"
            guard let close = rest[open.upperBound...].range(of: isScript ? "</script>" : "</style>", options: .caseInsensitive) else { break }
            result += transform(String(rest[..<open.lowerBound])) + rest[open.lowerBound..<close.upperBound]
            rest = rest[close.upperBound...]
        }
        return result + transform(String(rest))
    }

    static let sidebar = """
        <aside class="sidebar"><h2>Most read</h2><ol><li><a href="/a">Another story entirely</a></li>
        <li><a href="/b">Yet another story</a></li></ol></aside>
        <div class="most-read"><h3>Trending now</h3><ul><li><a href="/c">Celebrity news item</a></li></ul></div>
        <div id="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
        """

    static let variants: [Variant] = [
        Variant(name: "white space between and inside tags") { html in
            outsideScripts(html) { part in
                replacing("\\s+", in: part) { match, source in
                    source.substring(with: match.range).contains("\n") ? " " : "\n\t  "
                }
            }
        },
        Variant(name: "attribute order") { html in
            outsideScripts(html) { part in
                replacing("<([a-zA-Z][a-zA-Z0-9]*)((?:\\s+[a-zA-Z:_-]+=\"[^\"<>]*\"){2,})\\s*(/?)>", in: part) { match, source in
                    let tag = source.substring(with: match.range(at: 1))
                    let attributes = source.substring(with: match.range(at: 2))
                    let pairs = replacing("\\s+([a-zA-Z:_-]+=\"[^\"<>]*\")", in: attributes) { m, s in s.substring(with: m.range(at: 1)) + "\u{1}" }
                        .split(separator: "\u{1}").map(String.init).filter { !$0.isEmpty }
                    return "<" + tag + " " + pairs.reversed().joined(separator: "  ") + source.substring(with: match.range(at: 3)) + ">"
                }
            }
        },
        Variant(name: "scripts added and removed") { html in
            var page = replacing("<script(?![^>]*ld\\+json)[^>]*>.*?</script>", in: html, options: [.dotMatchesLineSeparators]) { _, _ in "" }
            page = page.replacingOccurrences(of: "<body", with: "<script>var ads = '<p>Buy now</p>';</script><body")
            page = page.replacingOccurrences(of: "</p>", with: "</p><script>track(1)</script>")
            return page
        },
        Variant(name: "styles added") { html in
            html.replacingOccurrences(of: "</head>", with: "<style>p { color: red } .x::after { content: 'Hi' }</style></head>")
                .replacingOccurrences(of: "<p>", with: "<p style=\"margin: 0\">")
        },
        Variant(name: "sidebar content") { html in
            html.replacingOccurrences(of: "</body>", with: sidebar + "</body>")
                .replacingOccurrences(of: "<body>", with: "<body>" + sidebar)
        },
        Variant(name: "inline markup") { html in
            outsideScripts(html) { part in
                part.replacingOccurrences(of: "<p>", with: "<p><span class=\"x\">")
                    .replacingOccurrences(of: "</p>", with: "</span></p>")
                    .replacingOccurrences(of: "<b>", with: "<strong>").replacingOccurrences(of: "</b>", with: "</strong>")
            }
        },
    ]

    static let pages = ["corkbeo-level-3-live-cork.html", "repubblica-israele-hamas-diretta-2023-11-02.html",
                        "timesofindia-ipl2020-csk-vs-srh-liveblog.html", "ndtv-ind-vs-sl-cwc2023-live.html"]

    @Test(arguments: pages, variants)
    func variantExtractsToTheSameArticle(_ page: String, _ variant: Variant) throws {
        let html = String(decoding: try Fixtures.page(page), as: UTF8.self)
        let original = try Fixtures.extraction(page: page).article
        let rewritten = variant.rewrite(html)
        #expect(rewritten != html, "the variant changed nothing")
        let article = ArticleExtractor.extract(Data(rewritten.utf8)).article
        #expect(article.title == original.title)
        #expect(article.keyEvents == original.keyEvents)
        #expect(article.blocks == original.blocks)
        #expect(article.entries.count == original.entries.count)
        for (new, old) in zip(article.entries, original.entries) where new != old {
            #expect(new == old)
        }
        #expect(article.standfirst == original.standfirst)
        #expect(article.byline == original.byline)
        #expect(article.url == original.url)
    }
}
