internal import CLibXML2
import Foundation

/// A page parsed by libxml2's HTML parser into libxml2's own document, for a page narrowed by a
/// selector (``narrow(to:)``, XPath needs the document), then copied into an ``HTMLTree`` of Swift
/// values. Every other page is parsed straight into the tree (``HTMLStreamParser``), to the same tree.
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
    /// script left holding a marker: ``LiveBlogJSONLD/blocks(in:taken:)``).
    let structuredData: [[UInt8]]
    private var names = LibxmlNames()

    /// Parses `bytes`, a page in UTF-8; nil when libxml2 returns no document.
    init?(bytes page: some ContiguousBytes) {
        HTMLDocument.initializeParser()
        let (bytes, structuredData) = HTMLDocument.prepared(page)
        self.structuredData = structuredData
        let parsed: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(clamping: chars.count), nil, "UTF-8", HTMLDocument.options)
            }
        }
        guard let parsed else { return nil }
        document = parsed
    }

    deinit { xmlFreeDoc(document) }

    /// How libxml2 parses a page: recovering from any markup, never touching the network, at
    /// any depth, in UTF-8 whatever the page names.
    static let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
        | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | XML_PARSE_HUGE.rawValue)

    /// `page` as libxml2 is given it: the contents of scripts and style sheets taken out, and
    /// the JSON-LD too, returned, each script left holding a marker (``RawTextStripping``);
    /// never empty.
    static func prepared(_ page: some ContiguousBytes) -> (bytes: [UInt8], structuredData: [[UInt8]]) {
        let stripped = RawTextStripping.strippedWithoutStructuredData(page)
        return (stripped.page.isEmpty ? [UInt8(ascii: " ")] : stripped.page, stripped.structuredData)
    }

    /// The document as Swift values, in document order; walked with pointers, never recursion.
    func tree() -> HTMLTree {
        var builder = HTMLTreeBuilder()
        guard let root = xmlDocGetRootElement(document) else { return builder.finish() }
        var node: xmlNodePtr? = root
        while let current = node {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                if builder.element(name(current.pointee.name), attributes: attributes(of: current)) {
                    if let child = current.pointee.children {
                        node = child
                        continue
                    }
                    builder.close()
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                let content = current.pointee.content
                builder.text(UnsafeBufferPointer(start: content, count: content.map { strlen(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) } ?? 0))
            default:
                break
            }
            // Climb until a next sibling exists, closing the elements we leave.
            var climbing: xmlNodePtr? = current
            node = nil
            while let here = climbing {
                if here == root { break }
                if let next = here.pointee.next { node = next; break }
                climbing = here.pointee.parent
                builder.close()
            }
        }
        return builder.finish()
    }

    /// A tag or attribute name, lower case.
    private func name(_ pointer: UnsafePointer<xmlChar>?) -> String {
        pointer.map { names.name($0) } ?? ""
    }

    /// The attributes of `element` that extraction reads, each value the text of its children.
    private func attributes(of element: xmlNodePtr) -> [HTMLAttribute] {
        var attributes: [HTMLAttribute] = []
        var attribute = element.pointee.properties
        while let current = attribute {
            attribute = current.pointee.next
            let name = self.name(current.pointee.name)
            guard HTMLTreeBuilder.keeps(attribute: name) else { continue }
            var value = ""
            var child = current.pointee.children
            while let text = child {
                if let content = text.pointee.content { value += String(cString: content) }
                child = text.pointee.next
            }
            attributes.append(HTMLAttribute(name: name, value: value))
        }
        return attributes
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
}

/// libxml2's tag and attribute names as Swift strings, lower case, each decoded once by its
/// pointer: libxml2 interns most names in its dictionary. Where it does not (deeply nested
/// pages) the cache would only grow, so it stops taking new ones.
struct LibxmlNames {
    private var names: [UnsafePointer<xmlChar>: String] = [:]

    /// The name at `pointer`, as `decode` reads it (its own text by default), lower case.
    mutating func name(_ pointer: UnsafePointer<xmlChar>,
                       decode: (UnsafePointer<xmlChar>) -> String = { String(cString: $0) }) -> String {
        if let known = names[pointer] { return known }
        let name = decode(pointer).lowercased()
        if names.count < 512 { names[pointer] = name }
        return name
    }
}
