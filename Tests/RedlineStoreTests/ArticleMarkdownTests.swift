import Foundation
import RedlineModel
import RedlineStore
import Testing

/// Issue 16 (6): `article.md` was raw Markdown, so an article's image, HTML or heading syntax
/// rendered as such where the repository is browsed.
@Suite struct ArticleMarkdownTests {
    @Test func articleTextIsInertMarkdown() {
        let article = Article(
            title: "Talks <script>alert(1)</script> end", byline: "*Dan*",
            keyEvents: [KeyEvent(title: "# Not a heading")],
            blocks: [Block(.paragraph, "![x](http://evil.example/pixel.png) seen"), Block(.paragraph, "# Not a heading either"),
                     Block(.paragraph, "1. Not a list")],
            entries: [Entry(id: "block-1", title: "[link](javascript:alert(1))", author: "@team", blocks: [Block(.quote, "> nested")])])
        let markdown = ArticleMarkdown.render(article)
        #expect(markdown.hasPrefix("# Talks &lt;script&gt;alert(1)&lt;/script&gt; end\n"))
        #expect(markdown.contains("\\!\\[x\\](http://evil.example/pixel.png) seen"))
        #expect(markdown.contains("\n\\# Not a heading either\n"))
        #expect(markdown.contains("- \\# Not a heading\n"))
        #expect(markdown.contains("\n1\\. Not a list\n"))
        #expect(markdown.contains("### \\[link\\](javascript:alert(1)) {#block-1}"))
        #expect(markdown.contains("*\\*Dan\\**"))
        #expect(markdown.contains("> &gt; nested"))
        #expect(!markdown.contains("<script>") && !markdown.contains("!["))
    }
}
