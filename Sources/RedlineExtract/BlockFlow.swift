import RedlineText
import RedlineModel

/// Lays the text under an element out as blocks, the way a browser breaks it into lines:
/// block-level elements end a block, inline ones (`a`, `b`, `span` …) do not.
///
///     <div><h2>Talks end</h2>Both sides <b>left</b>.<ul><li>One</li></ul><blockquote><p>Q</p></blockquote></div>
///     → [heading "Talks end", paragraph "Both sides left.", listItem "One", quote "Q"]
///
/// The kind comes from the nearest enclosing `h1`–`h6`, `li` or `blockquote`; text elsewhere is
/// a paragraph. One `<br>` is a space; two in a row end the paragraph. Lines of furniture and
/// time labels ("Updated at 09.40 BST", ``TimeLabel``) are no blocks.
struct BlockFlow {
    /// Elements that start and end a block of text.
    static let blockTags: Set<String> = [
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "h1", "h2", "h3", "h4", "h5",
        "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "td",
        "th", "caption", "figure", "figcaption", "hr", "address", "center", "details", "summary", "fieldset",
        "legend", "body", "html", "time", "hgroup",
    ]

    /// Elements whose text counts when only marked-up paragraphs are wanted.
    static let paragraphTags: Set<String> = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figcaption", "dd", "dt"]

    let tree: HTMLTree
    /// When true, text counts only inside ``paragraphTags``: loose text in `div`s and `span`s
    /// (score boards, toggles, labels) is left out.
    var paragraphsOnly = false

    /// The blocks under element `root`, skipping the subtrees for which `skip` is true.
    func blocks(under root: Int, skip: (Int) -> Bool) -> [Block] {
        var blocks: [Block] = []
        var buffer = ""
        var bufferKind = Block.Kind.paragraph
        var open: [Int] = []                               // ends of the enclosing block elements
        var kinds: [(end: Int, kind: Block.Kind)] = []     // the enclosing h1–h6, li, blockquote
        var lastWasBreak = false
        var bufferHasText = false
        var paragraphs: [Int] = []                          // ends of the enclosing paragraphTags

        func flush() {
            guard bufferHasText else {
                buffer = ""
                lastWasBreak = false
                return
            }
            let text = TextFolding.fold(buffer)
            buffer = ""
            lastWasBreak = false
            bufferHasText = false
            guard !text.isEmpty, !Furniture.isFurnitureLine(text), !TimeLabel.matches(text) else { return }
            blocks.append(Block(bufferKind, text))
        }

        let end = tree.nodes[root].end
        var index = root
        while index < end {
            while let last = open.last, last <= index {
                open.removeLast()
                flush()
            }
            while let last = kinds.last, last.end <= index { kinds.removeLast() }
            while let last = paragraphs.last, last <= index { paragraphs.removeLast() }
            let node = tree.nodes[index]
            if index != root, skip(index) {
                index = node.end
                continue
            }
            switch node.kind {
            case .text:
                if paragraphsOnly, paragraphs.isEmpty { break }
                // A time label in a heading, in an element or line of its own, is no part of the
                // title (`<h3><span class="ago">5 minutes ago</span> Goodnight</h3>`).
                if kinds.last?.kind == .heading, TimeLabel.matches(TextFolding.fold(node.text)) { break }
                buffer += node.text
                if node.text.utf8.contains(where: { $0 > 0x20 }) {
                    if !bufferHasText { bufferKind = kinds.last?.kind ?? .paragraph; bufferHasText = true }
                    lastWasBreak = false
                }
            case .element where node.name == "br":
                if lastWasBreak { flush() } else { buffer += " "; lastWasBreak = true }
            case .element where Self.blockTags.contains(node.name):
                flush()
                open.append(node.end)
                if paragraphsOnly, Self.paragraphTags.contains(node.name) { paragraphs.append(node.end) }
                if let kind = Self.kind(of: node.name) {
                    kinds.append((node.end, kind))
                } else if node.name == "p", followsEmptyHeading(index) {
                    kinds.append((node.end, .heading))
                }
            case .element:
                break
            }
            index += 1
        }
        flush()
        return blocks
    }

    /// True when the `p` at `index` comes right after an empty `h1`–`h6`: libxml2 follows HTML 4
    /// and closes a heading at a `<p>` inside it (`<h2><p>Title</p></h2>` → `<h2></h2><p>Title</p>`),
    /// where browsers keep the paragraph inside the heading.
    private func followsEmptyHeading(_ index: Int) -> Bool {
        let parent = tree.nodes[index].parent
        var previous = index - 1
        while previous > parent, tree.nodes[previous].kind == .text, tree.nodes[previous].parent == parent,
              !tree.nodes[previous].text.utf8.contains(where: { $0 > 0x20 }) {
            previous -= 1
        }
        guard previous > parent, tree.nodes[previous].parent == parent, tree.nodes[previous].end == previous + 1 else { return false }
        return Self.kind(of: tree.nodes[previous].name) == .heading
    }

    /// The block kind an element gives the text inside it.
    static func kind(of tag: String) -> Block.Kind? {
        switch tag {
        case "h1", "h2", "h3", "h4", "h5", "h6": .heading
        case "li", "dt", "dd": .listItem
        case "blockquote": .quote
        default: nil
        }
    }
}
