import RedlineText
import RedlineModel

/// A parsed page with what every later step asks about it, computed once in linear passes:
/// which elements are furniture, how much text each subtree holds, and which element has which id.
///
///     <body><nav>Home</nav><div class="most-read">…</div><article><p>Talks end.</p></article></body>
///     → furniture: nav, div.most-read · text length: article 10, body 10 · ids: none
struct HTMLPage {
    let tree: HTMLTree
    /// The `body` element (the root when there is none).
    let body: Int
    /// True for a node that is furniture or lies inside furniture.
    private(set) var isFurniture: [Bool]
    /// Visible characters (bytes above space) of the non-furniture text under each node.
    private(set) var textLength: [Int]
    /// Elements by their `id`, first one wins.
    private(set) var elementByID: [String: Int] = [:]
    /// True for an element marked as naming an author (``Byline/marks(_:)``), judged once per page.
    let marksAuthor: [Bool]
    /// True for an element whose class names furniture (``Furniture/isFurnitureName(_:)``), judged
    /// once per class name.
    let hasFurnitureClass: [Bool]

    init(_ tree: HTMLTree) {
        self.tree = tree
        let nodes = tree.nodes
        body = tree.firstElement(named: "body") ?? 0
        // Pass 1: furniture by tag and hidden marks, inherited from the parent.
        var byTag = [Bool](repeating: false, count: nodes.count)
        for index in nodes.indices {
            let parent = nodes[index].parent
            if parent >= 0, byTag[parent] { byTag[index] = true }
            guard nodes[index].kind == .element else { continue }
            if !byTag[index], Furniture.tags.contains(nodes[index].name) && !Furniture.softTags.contains(nodes[index].name)
                || Furniture.isHidden(nodes[index]) {
                byTag[index] = true
            }
            for attribute in nodes[index].attributes where attribute.name == "id" && !attribute.value.isEmpty {
                if elementByID[attribute.value] == nil { elementByID[attribute.value] = index }
            }
        }
        let visible = Self.visibleLengths(nodes, excluding: byTag)
        let lengths = Self.textLengths(nodes, visible: visible, excluding: byTag)
        // Pass 2: furniture by class name or id, or by a tag that is only sometimes furniture
        // (`form`, `header`, `noscript`), unless the box holds most of the page's text (a wrapper
        // called `has-sidebar` or `article-comments` is not a sidebar, a page-wide form not a form).
        let limit = max(lengths.isEmpty ? 0 : lengths[body] / 2, 1)
        var pruned = byTag
        // Each class or id value is judged once: pages repeat the same few hundred.
        var furnitureNames: [String: Bool] = [:]
        func isFurnitureName(_ value: String) -> Bool {
            if let known = furnitureNames[value] { return known }
            let judged = Furniture.isFurnitureName(value)
            furnitureNames[value] = judged
            return judged
        }
        // For an inline element, the first ancestor that is not one (-1: none), found once per
        // element: 30,000 nested `<b>`s walked up one by one took seconds.
        var outsideInline = [Int](repeating: -2, count: nodes.count)
        var walked: [Int] = []
        for index in nodes.indices where !pruned[index] {
            let parent = nodes[index].parent
            if parent >= 0, pruned[parent] { pruned[index] = true; continue }
            guard nodes[index].kind == .element, lengths[index] < limit, nodes[index].name != "blockquote" else { continue }
            if Furniture.softTags.contains(nodes[index].name) { pruned[index] = true; continue }
            // Words of a paragraph are the paragraph's, whatever their class says: a link to a
            // topic page (`<a class="js-article-topic-teaser">Boris Johnson</a>`) inside a `<p>`.
            if Self.inlineTags.contains(nodes[index].name) {
                var outer = parent
                walked.removeAll(keepingCapacity: true)
                while outer >= 0 {
                    if outsideInline[outer] != -2 {
                        outer = outsideInline[outer]
                        break
                    }
                    guard Self.inlineTags.contains(nodes[outer].name) else { break }
                    walked.append(outer)
                    outer = nodes[outer].parent
                }
                for inline in walked { outsideInline[inline] = outer }
                if outer >= 0, nodes[outer].name == "p" { continue }
            }
            for attribute in nodes[index].attributes where attribute.name == "class" || attribute.name == "id" {
                if isFurnitureName(attribute.value) { pruned[index] = true; break }
            }
        }
        // Pass 3: promotion boxes, known by their heading ("Sign up for our newsletter").
        for index in nodes.indices where !pruned[index] && Self.promotionHeadings.contains(nodes[index].name) {
            let heading = TextFolding.fold(tree.text(of: index))
            guard Furniture.isPromotionHeading(heading) else { continue }
            var box = index
            while nodes[box].parent >= 0, nodes[box].parent != body, lengths[nodes[box].parent] < 800 { box = nodes[box].parent }
            for inner in box..<nodes[box].end { pruned[inner] = true }
        }
        isFurniture = pruned
        textLength = Self.textLengths(nodes, visible: visible, excluding: pruned)
        hasFurnitureClass = nodes.indices.map { index in
            guard nodes[index].kind == .element, let value = nodes[index].attribute("class") else { return false }
            return isFurnitureName(value)
        }
        var classesSeen: [String: Bool] = [:]
        marksAuthor = nodes.map { node in
            Byline.marks(node) { value in
                if let known = classesSeen[value] { return known }
                let marked = Byline.isAuthorClass(value)
                classesSeen[value] = marked
                return marked
            }
        }
    }

    private static let promotionHeadings: Set<String> = ["h2", "h3", "h4", "h5", "strong"]

    /// Elements that stand within a line of text.
    private static let inlineTags: Set<String> = ["a", "span", "b", "i", "em", "strong", "small", "abbr", "cite", "code", "mark", "q", "u"]

    /// Visible characters (bytes above space) of each text node, 0 for elements and for the
    /// text of scripts, styles and other furniture by tag (never counted, pruning only adds).
    private static func visibleLengths(_ nodes: [HTMLNode], excluding excluded: [Bool]) -> [Int] {
        nodes.indices.map { index in
            guard nodes[index].kind == .text, !excluded[index] else { return 0 }
            return nodes[index].text.withUTF8Bytes { bytes in
                var count = 0, at = 0
                if let base = bytes.baseAddress {
                    while at + 8 <= bytes.count {
                        count += SWAR.count(SWAR.bytes(above: 0x20, UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self)))
                        at += 8
                    }
                }
                while at < bytes.count {
                    if bytes[at] > 0x20 { count += 1 }
                    at += 1
                }
                return count
            }
        }
    }

    /// Text lengths per subtree, summed children-first over the pre-order array.
    private static func textLengths(_ nodes: [HTMLNode], visible: [Int], excluding excluded: [Bool]) -> [Int] {
        var lengths = [Int](repeating: 0, count: nodes.count)
        for index in nodes.indices.reversed() {
            if nodes[index].kind == .text, !excluded[index] { lengths[index] = visible[index] }
            let parent = nodes[index].parent
            if parent >= 0, !excluded[index] { lengths[parent] += lengths[index] }
        }
        return lengths
    }

    /// The blocks under `root`, leaving out furniture and the subtrees `skip` names.
    func blocks(under root: Int, paragraphsOnly: Bool = false, skip: (Int) -> Bool = { _ in false }) -> [Block] {
        BlockFlow(tree: tree, paragraphsOnly: paragraphsOnly).blocks(under: root) { isFurniture[$0] || skip($0) }
    }

    /// The lists under `root` that are navigation, not prose: three items or more, nearly all
    /// of whose text stands in links (a "Categories" widget, a list of related links).
    ///
    ///     <ul><li><a>Economia</a></li><li><a>Educação</a></li><li><a>Esportes</a></li></ul>  → a link list
    ///     <ul><li>Prices rose <a>4 %</a> in May.</li> …</ul>                                 → not
    func linkLists(under root: Int) -> Set<Int> {
        var lists = Set<Int>()
        var index = root
        while index < tree.nodes[root].end {
            let node = tree.nodes[index]
            guard !isFurniture[index] else { index = node.end; continue }
            if node.kind == .element, node.name == "ul" || node.name == "ol", textLength[index] > 0 {
                var items = 0, linked = 0
                var inner = index + 1
                while inner < node.end {
                    let child = tree.nodes[inner]
                    if child.kind == .element, child.name == "li" { items += 1 }
                    if child.kind == .element, child.name == "a" { linked += isFurniture[inner] ? 0 : textLength[inner]; inner = child.end; continue }
                    inner += 1
                }
                if items >= 3, linked * 10 >= textLength[index] * 8 { lists.insert(index); index = node.end; continue }
            }
            index += 1
        }
        return lists
    }

    /// The folded text under `index` as a reader sees it: scripts, styles and hidden elements
    /// left out, whether or not the box around it is furniture.
    func visibleText(of index: Int) -> String {
        TextFolding.fold(tree.text(of: index) { inner in
            let node = tree.nodes[inner]
            return node.kind == .element && (Furniture.alwaysTags.contains(node.name) || Furniture.isHidden(node))
        })
    }

    /// ``visibleText(of:)`` without the runs of text that are only a time label, as a heading's
    /// block reads (``BlockFlow``): a title never holds the label that ticks on beside it. A
    /// headline's kicker, the label a page sets above it in the same heading
    /// (``Furniture/isKicker(_:)``), is left out too, with a separator after it, unless it is all
    /// the heading holds.
    ///
    ///     <h1>Lockdown lifted<small>5 minutes ago</small></h1>                 → "Lockdown lifted"
    ///     <h1><span class="dachzeile">Cyberangriff</span> <span>Daten gehackt</span></h1> → "Daten gehackt"
    func titleText(of index: Int) -> String {
        func text(withoutKickers: Bool) -> String {
            TextFolding.fold(tree.text(of: index) { inner in
                let node = tree.nodes[inner]
                if node.kind == .text { return TimeLabel.matches(TextFolding.fold(node.text)) }
                return Furniture.alwaysTags.contains(node.name) || Furniture.isHidden(node) || withoutKickers && Furniture.isKicker(node)
            })
        }
        let hasKicker = (index + 1..<tree.nodes[index].end).contains { Furniture.isKicker(tree.nodes[$0]) }
        guard hasKicker else { return text(withoutKickers: false) }
        // "Abstandsregeln: Wie Firmen …" set as kicker, colon, headline: the colon goes with the kicker.
        let headline = String(text(withoutKickers: true).drop { $0 == ":" || $0 == "–" || $0 == "-" || $0 == "|" || $0 == " " })
        return headline.isEmpty ? text(withoutKickers: false) : headline
    }

    /// ``visibleText(of:)`` without time stamps: `<time>` elements and text that is only a time
    /// label ("2h ago", "09.15 BST") are left out.
    ///
    ///     <a href="#block-2"><time datetime="…">2h ago</time><span>Talks end</span></a> → "Talks end"
    func labelFreeText(of index: Int) -> String {
        TextFolding.fold(tree.text(of: index) { inner in
            let node = tree.nodes[inner]
            if node.kind == .text { return TimeLabel.matches(TextFolding.fold(node.text)) }
            return node.name == "time" || Furniture.alwaysTags.contains(node.name) || Furniture.isHidden(node)
        })
    }

    /// The folded text under `index`, furniture left out.
    func text(of index: Int) -> String {
        text(of: index, stoppingAfter: .max).text
    }

    /// ``text(of:)``, or only its start when that is `bytes` bytes or more (`isWhole` false):
    /// cut where the next text begins with an ASCII byte, which neither joins a space run nor
    /// composes with what comes before it, so what the start holds the whole text holds too.
    func text(of index: Int, stoppingAfter bytes: Int) -> (text: String, isWhole: Bool) {
        var raw = ""
        var cursor = index
        let end = tree.nodes[index].end
        while cursor < end {
            if cursor != index, isFurniture[cursor] { cursor = tree.nodes[cursor].end; continue }
            let node = tree.nodes[cursor]
            if node.kind == .text, let first = node.text.utf8.first {
                if raw.utf8.count >= bytes, first < 0x80 { return (TextFolding.fold(raw), false) }
                raw += node.text
            }
            cursor += 1
        }
        return (TextFolding.fold(raw), true)
    }
}
