import RedlineText
import Foundation
import RedlineModel

/// Pairs each structured `liveBlogUpdate` with the element that shows it, and builds the entry:
/// metadata from the structured data, text from the markup.
///
///     update {id "2259242", headline "Goodnight"}   ↔ <div id="2259242">      (by id)
///     update {time 18:16:28+05:30}                   ↔ <div><time datetime="2020-10-02T18:16:28+05:30">  (by time)
///     update {headline "Biden ringrazia Qatar"}      ↔ <section><h2>Biden ringrazia Qatar</h2>  (by headline)
///
/// By id first, then by headline (the element's text shows it), then by time to the minute when
/// only one element has that minute and it shows the headline. An update no element shows keeps
/// its metadata and takes its text from `articleBody`.
struct MarkupEntryMatching {
    let page: HTMLPage
    let markup: LiveBlogMarkup

    /// One entry per update, plus the markup's entries beside them that the data leaves out, in
    /// page order (``inPageOrder(_:)``).
    func match(_ updates: [StructuredUpdate]) -> (entries: [(element: Int?, entry: Entry)], unmatched: Int) {
        let tree = page.tree
        // Indices into markup.entries; updates mostly come in page order, so the search for an
        // unused entry starts at the first one not yet used instead of skipping all used ones.
        var used = [Bool](repeating: false, count: markup.entries.count)
        var firstUnused = 0
        func use(_ index: Int) {
            used[index] = true
            while firstUnused < used.count, used[firstUnused] { firstUnused += 1 }
        }
        var usedElements = Set<Int>()
        var found: [MarkupEntry?] = []
        var texts = [String?](repeating: nil, count: markup.entries.count)   // folded once when first needed
        func shows(_ key: String, _ index: Int) -> Bool {
            if let text = texts[index] { return TextFolding.contains(text, key) }
            // A headline mostly opens its entry: the start of a long one is read first.
            let element = markup.entries[index].element
            let start = page.text(of: element, stoppingAfter: 4 * key.utf8.count + 256)
            if start.isWhole { texts[index] = start.text }
            if TextFolding.contains(start.text, key) { return true }
            let text = texts[index] ?? page.text(of: element)
            texts[index] = text
            return TextFolding.contains(text, key)
        }
        func key(_ headline: String) -> String { Self.withoutEllipsis(Self.withoutTimePrefix(headline)) }
        for update in updates {
            var chosen: MarkupEntry?
            if let element = update.element {
                chosen = LiveBlogMarkup.entry(at: element, in: page)
            } else if let id = update.id, let element = page.elementByID[id] ?? page.elementByID["block-" + id] {
                if let index = markup.entries.firstIndex(where: { tree.contains($0.element, element) }), !used[index] {
                    use(index)
                    chosen = markup.entries[index]
                } else if page.textLength[element] > 0 {
                    chosen = LiveBlogMarkup.entry(at: element, in: page)
                }
            }
            if chosen == nil, let headline = update.headline.map(Self.withoutTimePrefix), headline.count >= 8 {
                let key = Self.withoutEllipsis(headline)
                if let index = (firstUnused..<used.count).first(where: { !used[$0] && shows(key, $0) }) {
                    use(index)
                    chosen = markup.entries[index]
                }
            }
            if chosen == nil, let time = update.time {
                let minute = (time.timeIntervalSince1970 / 60).rounded(.down)
                let same = (firstUnused..<used.count).filter { index in
                    !used[index] && markup.entries[index].time.map { ($0.timeIntervalSince1970 / 60).rounded(.down) } == minute
                }
                // A time alone can coincide: when the update has a headline, the element must show it.
                if same.count == 1, update.headline.map({ shows(key($0), same[0]) }) ?? true {
                    use(same[0])
                    chosen = markup.entries[same[0]]
                }
            }
            if let element = chosen?.element, usedElements.contains(element) { chosen = nil }
            if let element = chosen?.element { usedElements.insert(element) }
            found.append(chosen)
        }
        // Entries the markup shows beside matched ones but the structured data leaves out (it
        // often lists only the latest updates) are entries too: their text is the newsroom's.
        let parents = Set(found.compactMap { $0.map { Self.list(of: $0.element, in: tree) } })
        let extras = markup.entries.filter { !usedElements.contains($0.element) && parents.contains(Self.list(of: $0.element, in: tree)) }
        let elements = Set(found.compactMap { $0?.element } + extras.map(\.element))
        var entries: [(element: Int?, entry: Entry)] = zip(updates, found).map { update, markupEntry in
            (markupEntry?.element, entry(update, markupEntry, others: elements))
        }
        entries += extras.map { ($0.element, entry(StructuredUpdate(), $0, others: elements)) }
        return (Self.inPageOrder(entries), found.filter { $0 == nil }.count)
    }

    /// `entries` (the data's, then the markup's beside them) in page order: each the markup shows
    /// where it shows it, and each only the data holds right after the one before it in the data.
    /// (Put in the data's order when one was missing, an entry shown only in the markup went
    /// last, and the diff told it removed from the top and added at the bottom.)
    static func inPageOrder(_ entries: [(element: Int?, entry: Entry)]) -> [(element: Int?, entry: Entry)] {
        var following: [Int?: [(element: Int?, entry: Entry)]] = [:]   // data-only entries by the element before them
        var before: Int?
        for item in entries {
            if let element = item.element { before = element } else { following[before, default: []].append(item) }
        }
        var ordered = following[nil] ?? []
        for item in entries.filter({ $0.element != nil }).sorted(by: { $0.element! < $1.element! }) {
            ordered.append(item)
            ordered += following[item.element] ?? []
        }
        return ordered
    }

    /// `updates` without ids that only count positions: Times of India numbers its updates
    /// `#post1`, `#post2` … from the newest, so every new update renumbers all the others, and
    /// the differ, which trusts ids, would misalign every entry. Ids the page uses as anchors,
    /// or that do not run 1, 2, 3 … from the newest, are kept (NDTV's `#80`, `#79` … count
    /// from the first post and stay put).
    static func withoutPositionalIDs(_ updates: [StructuredUpdate], page: HTMLPage) -> [StructuredUpdate] {
        let ids = updates.compactMap(\.id)
        guard ids.count == updates.count, ids.count >= 2, !ids.contains(where: { page.elementByID[$0] != nil }) else { return updates }
        let newestFirst = updates.enumerated().sorted { ($0.element.time ?? .distantPast, $1.offset) > ($1.element.time ?? .distantPast, $0.offset) }
        for (position, item) in newestFirst.enumerated() {
            let id = item.element.id!
            let digits = id.reversed().prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, Int(String(digits.reversed())) == position + 1 else { return updates }
        }
        return updates.map { update in
            var update = update
            update.id = nil
            return update
        }
    }

    /// Entries from markup alone, for live blogs without structured data: used only when at least
    /// two entry elements share a parent and hold a quarter of the page's text.
    static func markupOnly(_ markup: LiveBlogMarkup, page: HTMLPage) -> [(element: Int, entry: Entry)] {
        var siblings: [Int: Int] = [:]
        for entry in markup.entries { siblings[list(of: entry.element, in: page.tree), default: 0] += 1 }
        guard let (parent, count) = siblings.max(by: { $0.value < $1.value || $0.value == $1.value && $0.key > $1.key }),
              count >= 2 else { return [] }
        let matching = MarkupEntryMatching(page: page, markup: markup)
        let chosen = markup.entries.filter { list(of: $0.element, in: page.tree) == parent }
        // A list of dated links (related stories, comments) is not a live blog: the entries must
        // hold a good share of the page's text.
        let entryText = chosen.reduce(0) { $0 + page.textLength[$1.element] }
        guard entryText * 4 >= page.textLength[page.body] else { return [] }
        // Nor is a rail of teasers (a headline that links to another page, a summary, the next
        // headline …): a live blog's posts are headed, if at all, by text or a link to themselves.
        let teasers = chosen.filter { headlineLinksAway($0.element, page: page) }.count
        guard teasers * 2 < chosen.count else { return [] }
        let elements = Set(chosen.map(\.element))
        return chosen.map { ($0.element, matching.entry(StructuredUpdate(), $0, others: elements)) }
    }

    /// True when the first heading in `element` is all one link to another page
    /// (`<h5><a href="https://…/other-story">Other story</a></h5>`), as a teaser's is.
    private static func headlineLinksAway(_ element: Int, page: HTMLPage) -> Bool {
        let tree = page.tree
        let range = element..<tree.nodes[element].end
        guard let heading = range.first(where: { tree.nodes[$0].kind == .element && headingTags.contains(tree.nodes[$0].name) }),
              let link = tree.firstElement(named: "a", in: heading..<tree.nodes[heading].end),
              let href = tree.nodes[link].attribute("href"), !href.isEmpty, !href.contains("#") else { return false }
        return page.textLength[link] * 10 >= page.textLength[heading] * 9
    }

    private static let headingTags: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

    /// The element listing entry `element` and its siblings: its parent, or, for an entry wrapped
    /// on its own (`<ol><li><article id="post_1">`), the wrapper's parent.
    static func list(of element: Int, in tree: HTMLTree) -> Int {
        tree.nodes[LiveBlogMarkup.outermostWrapper(of: element, in: tree)].parent
    }

    /// The entry for `update` shown by `markupEntry`.
    private func entry(_ update: StructuredUpdate, _ markupEntry: MarkupEntry?, others: Set<Int>) -> Entry {
        // The page's own byline for the entry wins over the structured data's.
        let shown = markupEntry.flatMap { author($0, others: others) }
        var entry = Entry(id: update.id ?? markupEntry?.id, time: update.time ?? markupEntry?.time,
                          author: shown?.names ?? update.author)
        var blocks: [Block]
        var headerTitle: String?
        if let markupEntry {
            let element = markupEntry.element
            blocks = page.blocks(under: element) { index in
                index == markupEntry.stamp || index == shown?.box || (index != element && others.contains(index))
            }
            headerTitle = headerHeading(markupEntry, others: others)
        } else {
            blocks = Self.blocks(articleBody: update.articleBody)
        }
        if let headerTitle {
            // The heading in the entry's header (which is otherwise left out as furniture).
            entry.title = headerTitle
        } else if let first = blocks.first, first.kind == .heading {
            // A heading the page shows opens the entry: it is the title, whatever the data says.
            blocks.removeFirst()
            entry.title = first.text
        } else if let headline = update.headline.map(Self.withoutTimePrefix), !headline.isEmpty {
            let key = Self.withoutEllipsis(headline)
            if let first = blocks.first, first.text == headline, blocks.count > 1 {
                blocks.removeFirst()
                entry.title = headline
            } else if let first = blocks.first, first.text.hasPrefix(key), blocks.count > 1, headline.hasSuffix("…") || headline.hasSuffix("...") {
                // The data cut the headline short; the page has it whole. (libxml2 follows HTML 4
                // and closes an `h2` at a `<p>` inside it, so a title can arrive as a paragraph.)
                blocks.removeFirst()
                entry.title = first.text
            } else if let first = blocks.first, first.text.hasPrefix(key) {
                entry.title = nil   // the "headline" is only the start of the text
            } else {
                entry.title = headline
            }
        }
        entry.blocks = blocks
        return entry
    }

    /// The heading inside the entry's own `<header>` (beside its time stamp), which the page's
    /// furniture rules leave out of the entry's blocks: `<header><time>…</time><h2>Title</h2></header>`.
    private func headerHeading(_ markupEntry: MarkupEntry, others: Set<Int>) -> String? {
        let tree = page.tree
        let element = markupEntry.element
        var index = element + 1
        while index < tree.nodes[element].end {
            let node = tree.nodes[index]
            if others.contains(index) || node.kind == .element && (Furniture.alwaysTags.contains(node.name) || Furniture.isHidden(node)) {
                index = node.end
                continue
            }
            if node.kind == .element, node.name == "header" || page.hasFurnitureClass[index] {
                // Inside a header, the first heading; other furniture boxes (share tools) have none worth reading.
                if node.name == "header", let heading = firstHeading(in: index) { return heading }
                index = node.end
                continue
            }
            if node.kind == .element, BlockFlow.kind(of: node.name) == .heading || node.name == "p" {
                return nil   // the entry's text starts before any header heading
            }
            index += 1
        }
        return nil
    }

    /// The text of the first `h1`–`h6` under `root` that says more than a time.
    private func firstHeading(in root: Int) -> String? {
        let tree = page.tree
        for index in root..<tree.nodes[root].end where tree.nodes[index].kind == .element && BlockFlow.kind(of: tree.nodes[index].name) == .heading {
            let text = page.labelFreeText(of: index)
            if !text.isEmpty { return text }
        }
        return nil
    }

    /// The entry's byline as its markup shows it: an element marked as the author, else a name
    /// beside the time stamp (`<div class="entry-info"><time>21:22</time><mark>Frances Watkins</mark></div>`).
    private func author(_ markupEntry: MarkupEntry, others: Set<Int>) -> Byline? {
        let tree = page.tree
        let element = markupEntry.element
        if let byline = Byline.find(in: page, under: element, skip: { $0 != element && others.contains($0) }) {
            // An entry's byline stands above its text; one further down belongs to something
            // the entry quotes or links to (a related story's card).
            let firstParagraph = tree.firstElement(named: "p", in: element..<tree.nodes[element].end)
            if firstParagraph.map({ byline.box < $0 || tree.contains(byline.box, $0) }) ?? true { return byline }
        }
        guard let stamp = markupEntry.stamp else { return nil }
        let text = TextFolding.fold(tree.text(of: stamp) { inner in
            let node = tree.nodes[inner]
            if node.kind == .text { return TimeLabel.matches(TextFolding.fold(node.text)) }
            return node.name == "time" || BlockFlow.kind(of: node.name) == .heading || Furniture.alwaysTags.contains(node.name)
                || Furniture.isHidden(node) || page.hasFurnitureClass[inner]
        })
        return Byline.names(text).map { Byline(names: $0, box: stamp) }
    }

    /// Paragraphs of a structured `articleBody` (character references decoded, one per line,
    /// tags dropped): the last resort.
    static func blocks(articleBody: String?) -> [Block] {
        guard let body = articleBody.map(HTMLEntities.decode) else { return [] }
        var blocks: [Block] = []
        var line = ""
        var inTag = false
        for character in body + "\n" {
            if character == "<" { inTag = true; continue }
            if character == ">", inTag { inTag = false; continue }
            if inTag { continue }
            if character == "\n" || character == "\r\n" {
                let text = TextFolding.fold(line)
                if !text.isEmpty { blocks.append(Block(.paragraph, text)) }
                line = ""
            } else {
                line.append(character)
            }
        }
        return blocks
    }

    /// `"18:16(IST) Rayudu, hero …"` → `"Rayudu, hero …"`.
    static func withoutTimePrefix(_ headline: String) -> String {
        let scalars = Array(headline.unicodeScalars)
        var index = 0
        func digits() -> Int { var n = 0; while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1; n += 1 }; return n }
        guard (1...2).contains(digits()), index < scalars.count, scalars[index] == ":" || scalars[index] == "." else { return headline }
        index += 1
        guard digits() == 2 else { return headline }
        while index < scalars.count, scalars[index] == " " { index += 1 }
        if index < scalars.count, scalars[index] == "(" {
            while index < scalars.count, scalars[index] != ")" { index += 1 }
            index += 1
        }
        guard index < scalars.count, index > 0, scalars[index - 1] == " " || scalars[index - 1] == ")" else { return headline }
        let rest = TextFolding.fold(String(String.UnicodeScalarView(scalars[index...])))
        return rest.isEmpty ? headline : rest
    }

    /// A headline without a trailing "…" or "...", for prefix matching.
    static func withoutEllipsis(_ headline: String) -> String {
        var key = headline
        while key.hasSuffix("…") || key.hasSuffix(".") { key.removeLast() }
        // A cut-off character reference: "… dissanguata&rdq…"
        if key.withUTF8Bytes({ $0.contains(UInt8(ascii: "&")) }), let ampersand = key.lastIndex(of: "&"), key[ampersand...].dropFirst().allSatisfy({ $0.isLetter || $0.isNumber || $0 == "#" }) {
            key = String(key[..<ampersand])
        }
        return key.isEmpty ? headline : key
    }
}
