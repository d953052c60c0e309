import RedlineText
import Foundation
import RedlineModel

/// A page's HTML → an ``Article``: schema.org data (JSON-LD, or microdata) gives the entries'
/// metadata (ids, times, titles), the markup gives their text and the key-events list, and the
/// densest paragraph container gives an ordinary article's body (or a live blog's introduction).
///
///     <h1>Level 3 LIVE</h1>
///     <script type="application/ld+json">{"@type": "LiveBlogPosting", "liveBlogUpdate": [
///       {"headline": "Goodnight", "url": "…#2259242", "datePublished": "2020-10-06T21:22:53+01:00"}]}</script>
///     <div id="2259242"><time>21:22</time><h3>Goodnight</h3><p>We are logging off.</p></div>
///     → Article(title: "Level 3 LIVE", entries: [Entry(id: "2259242", time: 20:22:53Z,
///         title: "Goodnight", blocks: [paragraph "We are logging off."])])
enum HTMLArticleExtractor {
    /// The article in `html`, and what went wrong on the way.
    static func extract(_ html: String, select: String? = nil) -> (article: Article, warnings: [String]) {
        extract(Array(html.utf8), select: select) ?? (Article(), ["libxml2 could not parse the capture as HTML"])
    }

    /// The article in `bytes`, a page in UTF-8 (a page in another encoding is converted first:
    /// ``ArticleExtractor``); nil when libxml2 cannot read it.
    static func extract(_ bytes: some ContiguousBytes, select: String? = nil) -> (article: Article, warnings: [String])? {
        guard let select else {
            guard let (tree, structuredData) = HTMLStreamParser.tree(bytes) else { return nil }
            return extract((tree, LiveBlogJSONLD.blocks(in: tree, taken: structuredData)))
        }
        guard let document = HTMLDocument(bytes: bytes) else { return nil }
        return extract(read(consume document, select: select))
    }

    /// `document` as Swift values: its tree, narrowed first to what the XPath `select` selects,
    /// and the texts of its JSON-LD; nil when `select` selects nothing. The caller lets the
    /// document go once this returns, so that libxml2's copy of the page is freed before the
    /// article is read (the memory is used again rather than more taken).
    private static func read(_ document: HTMLDocument, select: String) -> (tree: HTMLTree, structuredData: [[UInt8]])? {
        if document.narrow(to: select) == 0 { return nil }
        let tree = document.tree()
        return (tree, LiveBlogJSONLD.blocks(in: tree, taken: document.structuredData))
    }

    /// The article in a document `read` read.
    private static func extract(_ document: (tree: HTMLTree, structuredData: [[UInt8]])?) -> (article: Article, warnings: [String]) {
        guard let (tree, structuredData) = document else {
            return (Article(), ["the selector matched nothing on the page; nothing was read"])
        }
        var warnings: [String] = []
        if tree.isDeeplyNested {
            warnings.append("the page nests elements \(tree.maximumDepth) levels deep, deeper than libxml2's usual limit of \(HTMLTree.deepNesting); it was read in full")
        }
        guard !tree.nodes.isEmpty else { return (Article(), warnings) }
        let page = HTMLPage(tree)

        let (jsonLD, jsonWarnings) = LiveBlogJSONLD.read(structuredData)
        warnings += jsonWarnings
        let microdata = LiveBlogMicrodata.read(tree)
        var posting = jsonLD
        if posting?.isLiveBlog != true, let microdata {
            var merged = microdata
            merged.headline = merged.headline ?? jsonLD?.headline
            merged.description = merged.description ?? jsonLD?.description
            merged.url = merged.url ?? jsonLD?.url
            merged.author = merged.author ?? jsonLD?.author
            posting = merged
        }
        let updates = MarkupEntryMatching.withoutPositionalIDs(posting?.updates ?? [], page: page)

        let markup = LiveBlogMarkup(page, updateIDs: Set(updates.compactMap(\.id)), updateElements: Set(updates.compactMap(\.element)))
        var entries: [(element: Int?, entry: Entry)]
        if updates.isEmpty {
            entries = MarkupEntryMatching.markupOnly(markup, page: page).map { (Optional($0.element), $0.entry) }
        } else {
            let matched = MarkupEntryMatching(page: page, markup: markup).match(updates)
            entries = matched.entries
            if matched.unmatched > 0 {
                warnings.append("\(matched.unmatched) of \(updates.count) live-blog updates were not found in the page's markup; their text comes from the structured data")
            }
        }

        let entryElements = entries.compactMap(\.element)
        let skipped = entryElements + markup.keyEventBoxes
        // What the reader sees comes first; structured data and metadata fill in what the page
        // does not show (a JSON-LD headline is often cut short, a meta description left stale).
        let knownHeadline = posting?.headline ?? metaContent(page, ["og:title", "twitter:title"])
        let h1 = headline(page, agreeingWith: knownHeadline) ?? markedHeadline(page)
        let title = h1?.text ?? knownHeadline ?? documentTitle(page)
        let skippedSet = Set(skipped)
        let isEntryOrKeyEvents = { (index: Int) in skippedSet.contains(index) }
        let shownStandfirst = Standfirst.find(in: page, range: (h1.map { page.tree.nodes[$0.element].end } ?? page.body)..<page.tree.nodes[page.body].end,
                                              skip: isEntryOrKeyEvents)
        var standfirst = shownStandfirst ?? posting?.description ?? metaContent(page, ["description", "og:description", "twitter:description"])
        let byline = Byline.find(in: page, under: page.body, skip: isEntryOrKeyEvents)
        let region = bodyRegion(page, entries: entryElements, skipped: skipped)
        // Around a live blog's entries, only marked-up paragraphs count: the loose text there is
        // score boards, toggles and labels.
        var blocks = region.map { region -> [Block] in
            let linkLists = page.linkLists(under: region)
            return page.blocks(under: region, paragraphsOnly: !entries.isEmpty) { index in
                skippedSet.contains(index) || index == byline?.box || linkLists.contains(index)
            }
        } ?? []
        // A summary cut short in the page's metadata ("… between Chennai Super Kings and Sunriser")
        // is the start of a paragraph on the page: that paragraph is the standfirst.
        if shownStandfirst == nil, let summary = standfirst.map(MarkupEntryMatching.withoutEllipsis), summary.count >= 40,
           let index = blocks.prefix(3).firstIndex(where: { $0.text.hasPrefix(summary) }) {
            standfirst = blocks[index].text
        }
        blocks.removeAll { $0.text == title || $0.text == standfirst }

        var article = Article(
            title: title, standfirst: standfirst,
            byline: byline?.names ?? posting?.author ?? metaContent(page, ["author", "article:author"]),
            url: (canonicalURL(page) ?? posting?.url).map(withoutTracking),
            keyEvents: keyEvents(markup, entries: entries, page: page),
            blocks: blocks, entries: entries.map(\.entry))
        if article.url?.isEmpty == true { article.url = nil }
        return (article, warnings)
    }

    /// The key events, pointing at the entries they name.
    private static func keyEvents(_ markup: LiveBlogMarkup, entries: [(element: Int?, entry: Entry)], page: HTMLPage) -> [KeyEvent] {
        markup.keyEvents.map { event in
            let target = page.elementByID[event.target]
            let entry = entries.first { pair in
                pair.entry.id == event.target || (pair.element != nil && target != nil && page.tree.contains(pair.element!, target!))
            }?.entry
            return KeyEvent(id: entry?.id ?? (event.target.isEmpty ? nil : event.target), time: entry?.time ?? event.time, title: event.title)
        }
    }

    /// Where the blocks outside any entry are read from: for a plain page, the element with the
    /// most paragraph text; for a live blog, the element with the most paragraph text outside
    /// its entries (its introduction), if at least 30% of its other text stands in paragraphs.
    private static func bodyRegion(_ page: HTMLPage, entries: [Int], skipped: [Int]) -> Int? {
        guard !entries.isEmpty else { return DensestContainer.find(page) }
        let candidates = Array(page.body..<page.tree.nodes[page.body].end)
        return DensestContainer.find(page, among: candidates, excluding: Set(skipped), minimumShare: 0.3)
    }

    /// The page's visible headline: among the `h1`s outside navigation, sidebars and footers,
    /// the one that shows the structured or meta headline `known` (which may be cut short,
    /// "… almen…"), else the first inside an `<article>` or `<main>`, else the first that is
    /// neither in the site's masthead (a `<header>` outside any article) nor only a link (a
    /// section's name, "Esteri"). Nil when none qualifies: the metadata's headline is used.
    private static func headline(_ page: HTMLPage, agreeingWith known: String?) -> (element: Int, text: String)? {
        let tree = page.tree
        let key = known.map(MarkupEntryMatching.withoutEllipsis)
        var inArticle: (element: Int, text: String)?
        var plain: (element: Int, text: String)?
        for h1 in tree.elements(named: "h1", in: page.body..<tree.nodes[page.body].end) {
            var ancestor = tree.nodes[h1].parent
            var chrome = Furniture.isHidden(tree.nodes[h1])
            var inHeader = false, inStory = false
            while ancestor >= 0, !chrome {
                let node = tree.nodes[ancestor]
                chrome = Furniture.alwaysTags.contains(node.name) || node.name == "footer" || Furniture.isHidden(node)
                inHeader = inHeader || node.name == "header"
                inStory = inStory || node.name == "article" || node.name == "main"
                ancestor = node.parent
            }
            let text = page.titleText(of: h1)
            guard !chrome, !text.isEmpty else { continue }
            if let key, text.hasPrefix(key) || key.hasPrefix(text) && text.count * 2 > key.count { return (h1, text) }
            if inStory, inArticle == nil { inArticle = (h1, text) }
            if !inHeader || inStory, plain == nil, !isOnlyLink(h1, page: page) { plain = (h1, text) }
        }
        return inArticle ?? plain
    }

    /// Without an `<h1>` to read (a CMS whose only one is the breadcrumb's last item), the
    /// first `<h2>` or `<h3>` of three words or more, outside navigation, sidebars, footers and
    /// boxes of furniture (a related-posts rail's "headline"), whose class or `itemprop` calls it
    /// the headline (`<h2 class="dm_article_headline">`): the page shows it, and its rewrite went
    /// unseen behind the JSON-LD's search headline.
    private static func markedHeadline(_ page: HTMLPage) -> (element: Int, text: String)? {
        let tree = page.tree
        for index in page.body..<tree.nodes[page.body].end where tree.nodes[index].kind == .element
            && (tree.nodes[index].name == "h2" || tree.nodes[index].name == "h3") {
            let node = tree.nodes[index]
            let marks = [node.attribute("class"), node.attribute("itemprop")].compactMap { $0 }
                .flatMap { Furniture.lowercase($0).split(whereSeparator: { !$0.isLetter }) }
            guard marks.contains("headline"), !page.hasFurnitureClass[index], !Furniture.isHidden(node) else { continue }
            var ancestor = node.parent, chrome = false
            while ancestor >= 0, !chrome {
                let outer = tree.nodes[ancestor]
                chrome = Furniture.alwaysTags.contains(outer.name) || outer.name == "footer" || outer.name == "a" || Furniture.isHidden(outer)
                    || page.hasFurnitureClass[ancestor]
                ancestor = outer.parent
            }
            // A headline says something: not "Related" over a rail of other stories.
            let text = page.titleText(of: index)
            if !chrome, text.split(separator: " ").count >= 3 { return (index, text) }
        }
        return nil
    }

    /// True when all the text of `element` stands in one link (`<h1><a href="/esteri">Esteri</a></h1>`).
    private static func isOnlyLink(_ element: Int, page: HTMLPage) -> Bool {
        let tree = page.tree
        guard let link = tree.firstElement(named: "a", in: element..<tree.nodes[element].end) else { return false }
        return page.visibleText(of: link) == page.visibleText(of: element)
    }

    /// The `content` of the first `<meta name|property="…">` among `names` that is not empty.
    static func metaContent(_ page: HTMLPage, _ names: [String]) -> String? {
        let metas = page.tree.elements(named: "meta")
        for name in names {
            for meta in metas {
                let node = page.tree.nodes[meta]
                guard node.attribute("name")?.lowercased() == name || node.attribute("property")?.lowercased() == name,
                      let content = node.attribute("content") else { continue }
                let text = TextFolding.fold(content)
                if !text.isEmpty { return text }
            }
        }
        return nil
    }

    private static func documentTitle(_ page: HTMLPage) -> String? {
        guard let title = page.tree.firstElement(named: "title") else { return nil }
        let text = TextFolding.fold(page.tree.text(of: title))
        return text.isEmpty ? nil : text
    }

    /// Query parameters that only track the reader.
    private static let trackingParameters: Set<String> = ["fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid"]

    /// `url` without tracking parameters: `…/talks?utm_source=rss&id=7` → `…/talks?id=7`.
    static func withoutTracking(_ url: String) -> String {
        guard let question = url.firstIndex(of: "?") else { return url }
        let fragmentStart = url[question...].firstIndex(of: "#") ?? url.endIndex
        let query = url[url.index(after: question)..<fragmentStart]
        let kept = query.split(separator: "&").filter { item in
            let name = item.prefix { $0 != "=" }.lowercased()
            return !name.hasPrefix("utm_") && !trackingParameters.contains(name)
        }
        return String(url[..<question]) + (kept.isEmpty ? "" : "?" + kept.joined(separator: "&")) + url[fragmentStart...]
    }

    private static func canonicalURL(_ page: HTMLPage) -> String? {
        for link in page.tree.elements(named: "link") {
            let node = page.tree.nodes[link]
            if node.attribute("rel")?.lowercased() == "canonical", let href = node.attribute("href"), !href.isEmpty {
                return TextFolding.fold(href)
            }
        }
        return metaContent(page, ["og:url"])
    }
}
