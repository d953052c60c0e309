/// A parsed page as flat Swift values in document (pre-)order; a node's subtree is the index
/// range `index..<end`, so every walk is a loop over a range, never recursion.
///
///     <div id="a"><p>Hi <b>you</b></p></div>
///     → 0 div(end 5) · 1 p(end 5) · 2 "Hi " · 3 b(end 5) · 4 "you"
struct HTMLTree: Sendable, Equatable {
    /// Every element and text node, parents before children.
    var nodes: [HTMLNode] = []
    /// The deepest nesting seen.
    var maximumDepth = 0
    /// True when the page nests elements deeper than ``deepNesting``: no real page does.
    var isDeeplyNested = false
    /// The attributes extraction reads; others (`srcset`, `onclick`, `data-src` …) are not copied.
    static let readAttributes: Set<String> = [
        "id", "class", "style", "hidden", "aria-hidden", "href", "data-id", "data-post-time", "datetime", "itemprop",
        "itemtype", "itemscope", "itemid", "content", "name", "property", "rel", "type", "src", "charset", "data-gu-name",
    ]

    /// Elements copied without their contents: nothing inside them is ever article text
    /// (inline SVG icons alone are thousands of nodes on some pages).
    static let opaqueTags: Set<String> = [
        "svg", "math", "canvas", "video", "audio", "picture", "object", "embed", "select", "template", "iframe", "noscript",
    ]

    /// libxml2's own nesting limit without `XML_PARSE_HUGE`.
    static let deepNesting = 256

    /// The indices of the elements named `name`, in document order.
    func elements(named name: String, in range: Range<Int>? = nil) -> [Int] {
        var result: [Int] = []
        for index in range ?? nodes.indices where nodes[index].kind == .element && nodes[index].name == name {
            result.append(index)
        }
        return result
    }

    /// The first element named `name` in `range`.
    func firstElement(named name: String, in range: Range<Int>? = nil) -> Int? {
        for index in range ?? nodes.indices where nodes[index].kind == .element && nodes[index].name == name {
            return index
        }
        return nil
    }

    /// The raw text under `index`, concatenated, skipping subtrees for which `skip` is true.
    func text(of index: Int, skip: (Int) -> Bool = { _ in false }) -> String {
        if nodes[index].kind == .text { return nodes[index].text }
        var result = ""
        var cursor = index
        let end = nodes[index].end
        while cursor < end {
            if cursor != index, skip(cursor) { cursor = nodes[cursor].end; continue }
            if nodes[cursor].kind == .text { result += nodes[cursor].text }
            cursor += 1
        }
        return result
    }

    /// True when `ancestor` is `index` or contains it.
    func contains(_ ancestor: Int, _ index: Int) -> Bool {
        ancestor <= index && index < nodes[ancestor].end
    }
}

/// One element or run of text.
struct HTMLNode: Sendable, Equatable {
    enum Kind: Sendable { case element, text }

    var kind: Kind
    /// The element's tag name, lower case; empty for text.
    var name: String
    /// The element's attributes that extraction reads (``HTMLTree/readAttributes``), names in
    /// lower case, values with entities decoded.
    var attributes: [HTMLAttribute]
    /// The text of a text node, entities decoded; empty for elements.
    var text: String
    /// The parent element's index, -1 for the root.
    var parent: Int
    /// One past the last node of this node's subtree.
    var end: Int
    /// How many elements enclose it.
    var depth: Int

    /// The value of attribute `name`, when present.
    func attribute(_ name: String) -> String? {
        for attribute in attributes where attribute.name == name { return attribute.value }
        return nil
    }

    /// True for an element named one of `names`.
    func isElement(_ names: Set<String>) -> Bool { kind == .element && names.contains(name) }
}

/// One `name="value"` pair of an element.
struct HTMLAttribute: Sendable, Hashable {
    var name: String
    var value: String
}
