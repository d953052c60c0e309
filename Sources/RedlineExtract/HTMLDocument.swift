internal import CLibXML2
import Foundation

/// A page parsed by libxml2's HTML parser, copied at once into an ``HTMLTree`` of Swift values.
///
///     "<p>Talks <b>end</b></p>"
///     → HTMLTree: html > body > p > ["Talks ", b > ["end"]]  (the C document is freed on deinit)
///
/// The parser recovers from any markup (unclosed tags, stray end tags) and never touches the
/// network. It runs with `XML_PARSE_HUGE`: without it libxml2 stops at 256 levels of nesting and
/// drops the rest of the page; with it, 100,000 nested `div`s parse in milliseconds, and the
/// copy below walks them with a loop. ``HTMLTree/isDeeplyNested`` flags such pages.
final class HTMLDocument {
    let document: htmlDocPtr
    /// The texts of the page's JSON-LD scripts, taken out before parsing (in page order, each
    /// script left holding a marker: ``LiveBlogJSONLD/blocks(in:taken:)``) when the page is
    /// UTF-8; nil when they were left in the page for libxml2 to convert.
    let structuredData: [[UInt8]]?
    /// Tag and attribute names by their pointer: libxml2 mostly interns names in its
    /// dictionary, so each distinct name is decoded once.
    private var names: [UnsafePointer<xmlChar>: String] = [:]

    /// Parses `utf8` (already decoded and re-encoded as UTF-8); nil when libxml2 returns no document.
    convenience init?(utf8: [UInt8]) {
        self.init(bytes: utf8, encoding: "UTF-8")
    }

    /// Parses `bytes` in the named character encoding (`"windows-1252"`, …), converted by
    /// libxml2 (iconv); nil when the encoding is unknown or libxml2 returns no document.
    init?(bytes page: some ContiguousBytes, encoding: String) {
        HTMLDocument.initializeParser()
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | XML_PARSE_HUGE.rawValue)
        var (bytes, structuredData): ([UInt8], [[UInt8]]?)
        if encoding.uppercased() == "UTF-8" {
            (bytes, structuredData) = RawTextStripping.strippedWithoutStructuredData(page)
        } else {
            (bytes, structuredData) = (RawTextStripping.stripped(page), nil)
        }
        if bytes.isEmpty { bytes = [UInt8(ascii: " ")] }
        self.structuredData = structuredData
        let parsed: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(clamping: chars.count), nil, encoding, options)
            }
        }
        guard let parsed else { return nil }
        document = parsed
    }

    deinit { xmlFreeDoc(document) }

    /// The document as Swift values, in document order; walked with pointers, never recursion.
    func tree() -> HTMLTree {
        var tree = HTMLTree()
        guard let root = xmlDocGetRootElement(document) else { return tree }
        var open: [Int] = []          // indices of the elements whose subtrees are being copied
        var node: xmlNodePtr? = root
        while let current = node {
            let copied = append(current, parent: open.last ?? -1, depth: open.count, to: &tree)
            if copied, current.pointee.type == XML_ELEMENT_NODE, let child = current.pointee.children,
               !HTMLTree.opaqueTags.contains(tree.nodes[tree.nodes.count - 1].name) {
                open.append(tree.nodes.count - 1)
                node = child
                continue
            }
            if copied { tree.nodes[tree.nodes.count - 1].end = tree.nodes.count }
            // Climb until a next sibling exists, closing the elements we leave.
            var climbing: xmlNodePtr? = current
            node = nil
            while let here = climbing {
                if here == root { break }
                if let next = here.pointee.next { node = next; break }
                climbing = here.pointee.parent
                if let closed = open.popLast() { tree.nodes[closed].end = tree.nodes.count }
            }
        }
        while let closed = open.popLast() { tree.nodes[closed].end = tree.nodes.count }
        tree.isDeeplyNested = tree.maximumDepth > HTMLTree.deepNesting
        return tree
    }

    /// A tag or attribute name, lower case.
    private func name(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        if let known = names[pointer] { return known }
        let name = String(cString: pointer).lowercased()
        // libxml2 interns most names; where it does not (deeply nested pages), the cache would
        // only grow, so it stops taking new ones.
        if names.count < 512 { names[pointer] = name }
        return name
    }

    /// Appends `node` when it is an element or text; false for comments and other kinds.
    private func append(_ node: xmlNodePtr, parent: Int, depth: Int, to tree: inout HTMLTree) -> Bool {
        switch node.pointee.type {
        case XML_ELEMENT_NODE:
            var attributes: [HTMLAttribute] = []
            var attribute = node.pointee.properties
            while let current = attribute {
                attribute = current.pointee.next
                let name = self.name(current.pointee.name)
                guard HTMLTree.readAttributes.contains(name) else { continue }
                var value = ""
                var child = current.pointee.children
                while let text = child {
                    if let content = text.pointee.content { value += String(cString: content) }
                    child = text.pointee.next
                }
                attributes.append(HTMLAttribute(name: name, value: value))
            }
            tree.nodes.append(HTMLNode(kind: .element, name: name(node.pointee.name), attributes: attributes, text: "",
                                       parent: parent, end: tree.nodes.count + 1, depth: depth))
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            // Code and style sheets are never read: only JSON-LD scripts keep their text.
            var wanted = true
            if parent >= 0, tree.nodes[parent].name == "script" || tree.nodes[parent].name == "style" {
                wanted = tree.nodes[parent].name == "script" && tree.nodes[parent].attribute("type")?.lowercased().contains("ld+json") == true
            }
            var text = ""
            if wanted, let content = node.pointee.content {
                // Indentation between tags folds to one space anyway: keep one, allocate nothing.
                var cursor = content
                while cursor.pointee != 0, cursor.pointee <= 0x20 { cursor += 1 }
                text = cursor.pointee == 0 ? (cursor == content ? "" : " ") : String(cString: content)
            }
            tree.nodes.append(HTMLNode(kind: .text, name: "", attributes: [], text: text,
                                       parent: parent, end: tree.nodes.count + 1, depth: depth))
        default:
            return false
        }
        tree.maximumDepth = max(tree.maximumDepth, depth)
        return true
    }
}

extension HTMLDocument {
    /// Loads and sets up libxml2 once per process, before any thread parses (libxml2's rule).
    /// Without libxml2 no page can be read: one line, exit 2.
    private static let parserInitialized: Void = {
        if let failure = redline_xml_load() {
            FileHandle.standardError.write(Data("redline: error: libxml2 could not be loaded (\(String(cString: failure))); install it (apt-get install libxml2)\n".utf8))
            exit(2)
        }
        xmlInitParser()
    }()

    static func initializeParser() {
        _ = parserInitialized
    }

    /// The character a named HTML entity stands for (`"eacute"` → `"é"`), from libxml2's table.
    static func entity(named name: String) -> Unicode.Scalar? {
        initializeParser()
        guard let description = htmlEntityLookup(name) else { return nil }
        return Unicode.Scalar(description.pointee.value)
    }
}
