/// What of a parsed page goes into an ``HTMLTree``, and how: the one owner of those rules, fed
/// in document order by libxml2's parse as it happens (``HTMLStreamParser``) or by a walk of
/// libxml2's document (``HTMLDocument/tree()``, for a page narrowed by a selector).
///
///     element("div", [id "a"]) → true · text("Hi ") · element("svg", []) → false · close()
///     → 0 div(end 3) · 1 "Hi " · 2 svg(end 3)
///
/// Only the attributes extraction reads are kept (``HTMLTree/readAttributes``); an element of
/// ``HTMLTree/opaqueTags`` is kept without its contents; the text of code and style sheets is
/// dropped (only JSON-LD scripts keep theirs); text that is only white space becomes one space.
struct HTMLTreeBuilder {
    private(set) var tree = HTMLTree()
    /// The elements whose contents are being added, outermost first.
    private var open: [Int] = []

    /// A builder with room for `capacity` nodes.
    init(capacity: Int = 0) {
        tree.nodes.reserveCapacity(capacity)
    }

    /// Adds an element inside the innermost open one; true when its contents are to be added
    /// (then it is open until ``close()``), false for an opaque element (`isOpaque`, when the
    /// caller knows already).
    mutating func element(_ name: String, isOpaque: Bool? = nil, attributes: [HTMLAttribute]) -> Bool {
        let depth = open.count
        tree.nodes.append(HTMLNode(kind: .element, name: name, attributes: attributes, text: "",
                                   parent: open.last ?? -1, end: tree.nodes.count + 1, depth: depth))
        tree.maximumDepth = max(tree.maximumDepth, depth)
        guard !(isOpaque ?? HTMLTree.opaqueTags.contains(name)) else { return false }
        open.append(tree.nodes.count - 1)
        return true
    }

    /// Opens `element` again (added, and closed since): what follows is added inside it.
    mutating func reopen(_ element: Int) {
        open.append(element)
    }

    /// Closes the innermost open element: its subtree ends here.
    mutating func close() {
        if let closed = open.popLast() { tree.nodes[closed].end = tree.nodes.count }
    }

    /// True when `name` is an attribute extraction reads.
    static func keeps(attribute name: String) -> Bool {
        HTMLTree.readAttributes.contains(name)
    }

    /// Adds a run of text (UTF-8, no NUL) inside the innermost open element.
    mutating func text(_ content: UnsafeBufferPointer<UInt8>) {
        let parent = open.last ?? -1
        // Code and style sheets are never read: only JSON-LD scripts keep their text.
        var wanted = true
        if parent >= 0, tree.nodes[parent].name == "script" || tree.nodes[parent].name == "style" {
            wanted = tree.nodes[parent].name == "script" && tree.nodes[parent].attribute("type")?.lowercased().contains("ld+json") == true
        }
        var text = ""
        if wanted {
            // Indentation between tags folds to one space anyway: keep one, allocate nothing.
            if content.contains(where: { $0 > 0x20 }) {
                text = String(decoding: content, as: UTF8.self)
            } else if !content.isEmpty {
                text = " "
            }
        }
        let depth = open.count
        tree.nodes.append(HTMLNode(kind: .text, name: "", attributes: [], text: text, parent: parent, end: tree.nodes.count + 1, depth: depth))
        tree.maximumDepth = max(tree.maximumDepth, depth)
    }

    /// The tree, every element still open closed at the end.
    mutating func finish() -> HTMLTree {
        while !open.isEmpty { close() }
        tree.isDeeplyNested = tree.maximumDepth > HTMLTree.deepNesting
        return tree
    }
}
