import Foundation
import RedlineExtract
import RedlineModel
import Testing

/// The page shapes of `Tests/Shapes` in miniature: what the reader sees wins over structured
/// data, and time labels are never text.
extension HTMLShapesTests {
    /// Guardian: key events `<a href="#block-…"><time datetime>2h ago</time><span>Title</span></a>`,
    /// entries whose title sits in their `<header>` beside the time, "Updated at" lines.
    @Test func guardianKeyEventsAndEntryHeaders() {
        let html = """
            <html><body><main><h1>Brexit: Cameron to resign – live</h1>
            <div class="meta"><address><a rel="author" href="/a">Jamie Grierson</a> and <a rel="author" href="/b">Haroon Siddique</a></address></div>
            <div class="key-events"><h2>Key events</h2><ul>
              <li><a href="#block-2"><time datetime="2016-06-24T07:25:00Z">2h ago</time><span>Cameron announces he will resign</span></a></li></ul></div>
            <div id="liveblog-body">
              <article id="block-2"><header><a class="block-time" href="#block-2"><time datetime="2016-06-24T07:25:00Z">2h ago</time>
                <span>08.25 BST</span></a><h2 class="block-title">Cameron announces he will resign</h2></header>
                <div><p>He will go before the autumn.</p></div>
                <footer><p><time datetime="2016-06-24T07:40:00Z">Updated at 08.40 BST</time></p><button>Share</button></footer></article>
              <article id="block-1"><header><a class="block-time" href="#block-1"><time datetime="2016-06-24T07:10:00Z">2h ago</time>
                <span>08.10 BST</span></a></header><p>Markets fall.</p><p>Updated at 08.12 BST</p></article>
            </div></main></body></html>
            """
        let article = ArticleExtractor.extract(Data(html.utf8)).article
        #expect(article.byline == "Jamie Grierson and Haroon Siddique")
        #expect(article.keyEvents == [KeyEvent(id: "block-2", time: Timestamp.parse("2016-06-24T07:25:00Z"), title: "Cameron announces he will resign")])
        #expect(article.entries.map(\.title) == ["Cameron announces he will resign", nil])
        #expect(article.entries.map { $0.blocks.map(\.text) } == [["He will go before the autumn."], ["Markets fall."]])
    }

    /// BBC Local Live: posts wrapped one by one in `<li>`, a "Summary" list linking to them,
    /// titles in the post's header, a contributor with a role, "By …" reporters.
    @Test func bbcSummaryAndPostsInListItems() {
        let html = """
            <html><body><h1>Essex: Snow closes schools</h1>
            <p class="lx-c-session-header__description">Live updates from across Essex as snow brings disruption</p>
            <div class="summary"><h2>Summary</h2><ol><li><a href="#post_2">Accident closes Essex road</a></li></ol></div>
            <p class="lx-c-live-reporting-header__reporters">By Orla Moore and Andrew Segal</p>
            <ol class="lx-stream">
              <li><article id="post_2"><header><div><time datetime="2018-02-27T11:16:00Z"><span>2 hours ago</span> <span>11:16</span></time>
                <span class="gs-u-vh">Posted at 11:16</span></div><h3><span>Accident closes Essex road</span></h3></header>
                <div class="lx-stream-post__contributor"><p class="contributor-name">Andrew Segal</p><p class="contributor-description">BBC Local Live</p></div>
                <div><p>The A120 is closed.</p></div></article></li>
              <li><article id="post_1"><header><div><time datetime="2018-02-27T10:55:00Z"><span>2 hours ago</span> <span>10:55</span></time></div>
                <h3><span>Snow on Canvey Island</span></h3></header><div><p>Children went sledging.</p></div></article></li>
            </ol></body></html>
            """
        let article = ArticleExtractor.extract(Data(html.utf8)).article
        #expect(article.byline == "Orla Moore and Andrew Segal")
        #expect(article.standfirst == "Live updates from across Essex as snow brings disruption")
        #expect(article.entries.map(\.id) == ["post_2", "post_1"])
        #expect(article.entries.map(\.title) == ["Accident closes Essex road", "Snow on Canvey Island"])
        #expect(article.entries.map(\.author) == ["Andrew Segal", nil])
        #expect(article.entries.map { $0.blocks } == [[Block(.paragraph, "The A120 is closed.")], [Block(.paragraph, "Children went sledging.")]])
        #expect(article.keyEvents == [KeyEvent(id: "post_2", time: Timestamp.parse("2018-02-27T11:16:00Z"), title: "Accident closes Essex road")])
        #expect(article.blocks.isEmpty)
    }

    /// The page's headline, standfirst, byline and entry headings and bylines win over JSON-LD
    /// that is cut short or stale; JSON-LD fills in only what the page does not show.
    @Test func visibleTextWinsOverStructuredData() {
        let html = """
            <html><head><meta name="description" content="Old summary in the metadata">
            <script type="application/ld+json">{"@type": "LiveBlogPosting", "headline": "Level 3 LIVE from Cork as Ireland ad…",
              "author": [{"name": "Desk"}],
              "liveBlogUpdate": [{"headline": "In case you missed this", "url": "https://example.com/live#9",
                                  "datePublished": "2020-10-06T21:01:08+01:00", "author": [{"name": "Desk"}]},
                                 {"url": "https://example.com/live#8", "datePublished": "2020-10-06T20:30:00+01:00",
                                  "headline": "Shown nowhere", "author": [{"name": "Desk"}]}]}</script></head>
            <body><article><h1>Level 3 LIVE from Cork as Ireland adapts to restrictions</h1>
            <p class="sub-title">The country avoided Level 5 last night</p>
            <div class="author-information-container"><span class="author-label">By</span><div class="author"><span rel="author">Gavin O'Callaghan</span></div></div>
            <div class="entries">
              <div id="9"><div class="entry-info"><time>21:01</time><mark>Frances Watkins</mark></div>
                <div><h3>In case you missed it: today's numbers</h3><p>One death and 432 new cases.</p></div></div>
              <div id="8"><div class="entry-info"><time>20:30</time></div><div><p>Pubs prepare to close.</p></div></div>
            </div></article></body></html>
            """
        let article = ArticleExtractor.extract(Data(html.utf8)).article
        #expect(article.title == "Level 3 LIVE from Cork as Ireland adapts to restrictions")
        #expect(article.standfirst == "The country avoided Level 5 last night")
        #expect(article.byline == "Gavin O'Callaghan")
        #expect(article.entries.map(\.title) == ["In case you missed it: today's numbers", "Shown nowhere"])
        #expect(article.entries.map(\.author) == ["Frances Watkins", "Desk"])
        #expect(article.entries.map { $0.blocks.map(\.text) } == [["One death and 432 new cases."], ["Pubs prepare to close."]])
    }

    /// A site's masthead `h1` and a section name in an `h1` link are not the headline.
    @Test func mastheadAndSectionHeadingsAreNotTheHeadline() {
        let html = """
            <html><head><meta property="og:title" content="Talks end"></head><body>
            <header><h1 class="logo"><a href="/">The Paper</a></h1></header><div><h1><a href="/world">World</a></h1></div>
            <div class="story"><h1>Talks end without agreement</h1><p>London discussions ended on Wednesday without a deal.</p></div>
            </body></html>
            """
        #expect(ArticleExtractor.extract(Data(html.utf8)).article.title == "Talks end without agreement")
    }

    @Test(arguments: ["2h ago", "48m ago", "3 hours ago", "Published 1 hour ago", "Updated at 09.40 BST", "Last updated 5 minutes ago",
                      "Posted at 13:05", "09.15 BST", "13:17 27 Feb", "5.27am", "an hour ago", "just now",
                      // A newcomer's page: each read as an edit on every poll before.
                      "Updated: 5 mins ago", "about 5 hours ago", "Last updated: 5h ago", "5 hours, 8 minutes ago",
                      "il y a 5 minutes", "Mis à jour il y a une heure", "5 minuti fa", "Aggiornato 2 ore e 5 minuti fa",
                      "hace 5 minutos", "vor 5 Minuten", "Aktualisiert vor einer Stunde", "há 3 horas"])
    func timeLabels(_ text: String) {
        #expect(ArticleExtractor.extract(Data("<html><body><article><h2>\(text)</h2><p>Body text here.</p></article></body></html>".utf8))
            .article.blocks == [Block(.paragraph, "Body text here.")])
    }

    @Test(arguments: ["Talks end at 10.45", "Seven died", "2 hours", "At 13:05 the talks ended", "Posted at noon by Jane",
                      "about 5 hours of talks", "vor dem Rathaus", "hace frío", "il y a des blessés", "5 minuti di silenzio"])
    func textThatMentionsATimeIsKept(_ text: String) {
        #expect(ArticleExtractor.extract(Data("<html><body><article><p>\(text)</p><p>Body text here.</p></article></body></html>".utf8))
            .article.blocks.first?.text == text)
    }
}
