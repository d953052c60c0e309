/// The element that holds an ordinary article's body: the one with the most paragraph text
/// directly below it (a paragraph's text counts fully for its parent, half for its grandparent;
/// link text and furniture count nothing).
///
///     <body><div class="links"><a>Home</a> <a>World</a></div>
///           <div class="story"><p>First, long paragraph …</p><p>Second …</p></div></body>
///     → div.story
///
/// When the body is split into sibling boxes around an advert, their common parent is taken.
enum DensestContainer {
    /// The densest element of `page`, nil when the page has no text outside furniture.
    static func find(_ page: HTMLPage) -> Int? {
        let score = scores(page, excluding: [])
        var best: Int?
        var bestScore = 0.0
        for index in page.body..<page.tree.nodes[page.body].end where score[index] > bestScore {
            best = index
            bestScore = score[index]
        }
        guard var chosen = best else { return page.textLength[page.body] > 0 ? page.body : nil }
        // A body split into sibling boxes (text, advert, text; a paywall's lead and the rest;
        // columns of a CMS): climb to the ancestor that holds clearly more paragraph text while
        // still mostly paragraphs, through a few wrappers that add nothing (each column in a
        // box of its own).
        let paragraphs = paragraphLengths(page)
        var ancestor = chosen
        var wrappers = 0
        // A box of one paragraph is a CMS's wrapper for each (`div > div > div > p`): the
        // wrappers around it that hold nothing else are climbed through without counting.
        let single = page.tree.elements(named: "p", in: chosen..<page.tree.nodes[chosen].end).count <= 1
        while chosen != page.body, ancestor != page.body, page.tree.nodes[ancestor].parent >= 0, wrappers < 2 {
            let below = ancestor
            ancestor = page.tree.nodes[ancestor].parent
            if single, chosen == best, page.textLength[ancestor] == page.textLength[below] { continue }
            guard paragraphs[ancestor] * 2 >= page.textLength[ancestor] else { break }
            // What the ancestor adds must be paragraphs too, not a menu or a list of teasers.
            let added = paragraphs[ancestor] - paragraphs[chosen], addedText = page.textLength[ancestor] - page.textLength[chosen]
            if paragraphs[ancestor] * 10 >= paragraphs[chosen] * 13, added * 2 >= addedText {
                chosen = ancestor
                wrappers = 0
            } else {
                wrappers += 1
            }
        }
        // The page's own mark of its body (schema.org's articleBody) around the densest box.
        if let marked = articleBody(page, around: chosen), paragraphs[marked] * 10 >= paragraphs[chosen] * 13 { chosen = marked }
        // A page that is no article (a home page of headlines and summaries): its one short
        // paragraph is not what it says; the whole page but its furniture is.
        if page.textLength[chosen] < 400, page.textLength[page.body] >= 8 * page.textLength[chosen] { return page.body }
        // Nor is a short box that holds under a sixth of the page's paragraphs (one update of a
        // match report whose score boards keep the rest apart): taken when it passed 400 letters,
        // and the whole page when it did not, moving one paragraph between boxes turned the
        // capture from the page into that box.
        if page.textLength[chosen] < 1200, paragraphs[chosen] * 6 < paragraphs[page.body] { return page.body }
        return chosen
    }

    /// The nearest ancestor of `element` marked `itemprop="articleBody"`, if any.
    private static func articleBody(_ page: HTMLPage, around element: Int) -> Int? {
        var ancestor = page.tree.nodes[element].parent
        while ancestor >= 0 {
            if page.tree.nodes[ancestor].attribute("itemprop")?.split(separator: " ").contains("articleBody") == true { return ancestor }
            ancestor = page.tree.nodes[ancestor].parent
        }
        return nil
    }

    /// The text in `<p>`s and `<blockquote>`s under each node, furniture left out.
    private static func paragraphLengths(_ page: HTMLPage) -> [Int] {
        let tree = page.tree
        var lengths = [Int](repeating: 0, count: tree.nodes.count)
        var paragraphEnds: [Int] = []
        for index in tree.nodes.indices {
            while let last = paragraphEnds.last, last <= index { paragraphEnds.removeLast() }
            let node = tree.nodes[index]
            if node.kind == .element, node.name == "p" || node.name == "blockquote" { paragraphEnds.append(node.end) }
            if node.kind == .text, !paragraphEnds.isEmpty, !page.isFurniture[index] { lengths[index] = page.textLength[index] }
        }
        for index in tree.nodes.indices.reversed() where tree.nodes[index].parent >= 0 && !page.isFurniture[index] {
            lengths[tree.nodes[index].parent] += lengths[index]
        }
        return lengths
    }

    /// The densest of `candidates` by the text of their `<p>`s, counting nothing inside the
    /// `excluded` subtrees, among those with at least `minimumShare` of their text in paragraphs
    /// (not menus or score boards); nil when there is none.
    static func find(_ page: HTMLPage, among candidates: [Int], excluding excluded: Set<Int>, minimumShare: Double) -> Int? {
        let score = scores(page, excluding: excluded, paragraphsOnly: true)
        var best: Int?
        var bestScore = 0.0
        for index in candidates where score[index] > bestScore && paragraphShare(page, index, excluding: excluded) >= minimumShare {
            best = index
            bestScore = score[index]
        }
        return best
    }

    /// The share of the text under `root` (outside `excluded` and furniture) that stands in `<p>`s.
    static func paragraphShare(_ page: HTMLPage, _ root: Int, excluding excluded: Set<Int>) -> Double {
        let tree = page.tree
        var total = 0
        var inParagraphs = 0
        var paragraphEnds: [Int] = []
        var index = root
        while index < tree.nodes[root].end {
            if index != root, excluded.contains(index) || page.isFurniture[index] { index = tree.nodes[index].end; continue }
            while let last = paragraphEnds.last, last <= index { paragraphEnds.removeLast() }
            let node = tree.nodes[index]
            if node.kind == .element, node.name == "p" || node.name == "blockquote" { paragraphEnds.append(node.end) }
            if node.kind == .text {
                total += page.textLength[index]
                if !paragraphEnds.isEmpty { inParagraphs += page.textLength[index] }
            }
            index += 1
        }
        return total == 0 ? 0 : Double(inParagraphs) / Double(total)
    }

    private static func scores(_ page: HTMLPage, excluding excluded: Set<Int>, paragraphsOnly: Bool = false) -> [Double] {
        let tree = page.tree
        var score = [Double](repeating: 0, count: tree.nodes.count)
        var index = page.body
        let end = tree.nodes[page.body].end
        while index < end {
            if excluded.contains(index) || page.isFurniture[index] { index = tree.nodes[index].end; continue }
            defer { index += 1 }
            guard tree.nodes[index].kind == .text else { continue }
            let length = page.textLength[index]
            guard length > 0 else { continue }
            // The nearest block-level element holds the text; links are navigation, not body.
            var container = tree.nodes[index].parent
            var steps = 0
            var inLink = false
            while container >= 0, steps < 12, !BlockFlow.blockTags.contains(tree.nodes[container].name) {
                if tree.nodes[container].name == "a" { inLink = true }
                container = tree.nodes[container].parent
                steps += 1
            }
            guard !inLink, container >= 0 else { continue }
            if paragraphsOnly, tree.nodes[container].name != "p", tree.nodes[container].name != "blockquote" { continue }
            let parent = tree.nodes[container].parent
            if parent >= 0 {
                score[parent] += Double(length)
                let grandparent = tree.nodes[parent].parent
                if grandparent >= 0 { score[grandparent] += Double(length) / 2 }
            }
        }
        return score
    }
}
