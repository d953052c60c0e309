internal import CLibXML2
import Foundation
import RedlineText

/// A page parsed straight into an ``HTMLTree``: by ``HTMLParser`` (libxml2's rules, in Swift), or,
/// for a page it leaves, by libxml2's HTML parser, which reports each tag and run of text as it
/// reads them (its SAX interface); ``HTMLParseEvents`` arranges either's events and
/// ``HTMLTreeBuilder`` keeps what extraction reads. libxml2's own document (some six times the
/// page in memory, built, walked and freed) is never made; a page narrowed by a selector still
/// needs it (``HTMLDocument``).
///
/// The tree is the one ``HTMLDocument/tree()`` copies from libxml2's document (a test holds the
/// two equal on every page of the corpus), so the events are arranged here as libxml2's document
/// builder arranges them:
///
///     "a" "b" (two runs of text)         → one text node "ab"; a comment between them splits them
///     <o:p>                              → an element `p` (a prefixed name is its local part)
///     text outside every element         → dropped
///     <p> once the root element ended    → inside the root when the root is the document's first
///                                          node, else beside it, where it is not read (a doctype
///                                          or a comment came first)
enum HTMLStreamParser {
    /// The tree of `page`, a page in UTF-8, and its JSON-LD, taken out first (as
    /// ``HTMLDocument/prepared(_:)`` does); nil when libxml2 cannot set up a parse.
    static func tree(_ page: some ContiguousBytes) -> (tree: HTMLTree, structuredData: [[UInt8]])? {
        let (bytes, structuredData) = HTMLDocument.prepared(page)
        guard let tree = parsedTree(bytes) ?? libxml2Tree(bytes) else { return nil }
        return (tree, structuredData)
    }

    /// The tree ``HTMLParser`` builds of `bytes` (a page as ``HTMLDocument/prepared(_:)`` makes
    /// it), nil when it leaves the page to libxml2: bytes that are not UTF-8 (libxml2 converts
    /// them), a NUL (which ends libxml2's reading in some places and not in others), and what
    /// the parser refuses.
    static func parsedTree(_ bytes: [UInt8]) -> HTMLTree? {
        bytes.withUnsafeBufferPointer { buffer in
            guard memchr(buffer.baseAddress!, 0, buffer.count) == nil, TextDecoding.isValidUTF8(buffer) else { return nil }
            guard var events = HTMLParser.events(of: buffer, capacity: tagCount(buffer) + 16) else { return nil }
            events.flush()
            return events.builder.finish()
        }
    }

    /// The tree of `bytes` (prepared) from libxml2's parse; nil when libxml2 cannot set up one.
    static func libxml2Tree(_ bytes: [UInt8]) -> HTMLTree? {
        HTMLDocument.initializeParser()
        // Valid UTF-8 is what libxml2 reads unconverted: told "UTF-8", it copies the page through
        // a converter first. Not told, it guesses from the first four bytes, which only a NUL
        // among them could mislead (to UTF-16 or UCS-4); bytes that are not UTF-8 it would read
        // as Latin-1 where the converter puts U+FFFD.
        let isUTF8 = !bytes.prefix(4).contains(0) && bytes.withUnsafeBufferPointer { TextDecoding.isValidUTF8($0) }
        let converted: String? = isUTF8 ? nil : "UTF-8"
        // About one node a tag (a start and an end tag hold an element and a run of text): room
        // reserved once, rather than doubled and copied as the tree grows.
        let stream = Stream(capacity: bytes.withUnsafeBufferPointer(Self.tagCount) + 16)
        var handler = htmlSAXHandler()
        handler.initialized = 1   // as libxml2's own HTML handler is (a SAX1 handler: startElement, not startElementNs)
        handler.startElement = { context, name, attributes in Stream.of(context).start(context, name, attributes) }
        handler.endElement = { context, _ in Stream.of(context).events.end() }
        handler.characters = { context, characters, length in
            Stream.of(context).events.text(UnsafeBufferPointer(start: characters, count: characters == nil ? 0 : Int(max(length, 0))), isData: false)
        }
        handler.cdataBlock = { context, characters, length in
            Stream.of(context).events.text(UnsafeBufferPointer(start: characters, count: characters == nil ? 0 : Int(max(length, 0))), isData: true)
        }
        handler.comment = { context, _ in Stream.of(context).events.node() }
        handler.processingInstruction = { context, _, _ in Stream.of(context).events.node() }
        handler.internalSubset = { context, _, _, _ in Stream.of(context).events.doctype() }
        let parsed = withExtendedLifetime(stream) {
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    redline_html_sax_parse(chars.baseAddress, Int32(clamping: chars.count), converted, HTMLDocument.options,
                                           &handler, Unmanaged.passUnretained(stream).toOpaque())
                }
            }
        }
        guard parsed == 0 else { return nil }
        stream.events.flush()
        return stream.events.builder.finish()
    }
}

extension HTMLStreamParser {
    /// How many `<` `bytes` hold, eight bytes at a time.
    static func tagCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0, at = 0
        if let base = bytes.baseAddress {
            while at + 8 <= bytes.count {
                count += SWAR.count(SWAR.bytes(equalTo: UInt8(ascii: "<"), UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self)))
                at += 8
            }
        }
        for byte in bytes[at...] where byte == UInt8(ascii: "<") { count += 1 }
        return count
    }
}

/// One libxml2 parse's state, reached from its callbacks through its parser context: its names
/// made Swift strings, handed on to the tree's events.
private final class Stream {
    var events: HTMLParseEvents
    private var elementNames = LibxmlNames(), attributeNames = LibxmlNames()

    init(capacity: Int) {
        events = HTMLParseEvents(capacity: capacity)
    }

    static func of(_ context: UnsafeMutableRawPointer?) -> Stream {
        Unmanaged<Stream>.fromOpaque(redline_html_sax_user(context)!).takeUnretainedValue()
    }

    func start(_ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?,
               _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        events.start(elementName(context, name), attributes: kept(attributes))
    }

    /// An element's name as libxml2's document builder names it: a prefixed one (`o:p`) by its
    /// local part.
    private func elementName(_ context: UnsafeMutableRawPointer?, _ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return elementNames.name(pointer) { pointer in
            let name = String(cString: pointer)
            guard name.utf8.contains(UInt8(ascii: ":")), let local = redline_xml_local_name(context, pointer) else { return name }
            defer { redline_xml_free(local) }
            return String(cString: local)
        }
    }

    /// The attributes extraction reads, from libxml2's list (name, value, name, value …, nil).
    private func kept(_ list: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> [HTMLAttribute] {
        guard var cursor = list else { return [] }
        var attributes: [HTMLAttribute] = []
        while let pointer = cursor.pointee {
            let name = attributeNames.name(pointer)
            // A value left out (`<div hidden>`) reads as empty: libxml2 gives one only to the
            // boolean attributes of HTML 4 (`checked`, `selected` …), none of which is kept.
            if HTMLTreeBuilder.keeps(attribute: name) {
                attributes.append(HTMLAttribute(name: name, value: cursor[1].map { String(cString: $0) } ?? ""))
            }
            cursor += 2
        }
        return attributes
    }
}

/// A parser's events (libxml2's, or ``HTMLParser``'s, which follows libxml2's rules) arranged
/// into an ``HTMLTree`` as libxml2's document builder arranges them (see ``HTMLStreamParser``).
struct HTMLParseEvents {
    var builder: HTMLTreeBuilder
    /// Text read but not yet added: the runs libxml2's builder would join into one node.
    private var pending: [UInt8] = []
    private var pendingIsData = false
    /// How many elements libxml2's builder would have open (its current node is nil at 0).
    private var depth = 0
    /// How deep inside an element whose contents are not read (opaque, or outside the root).
    private var skipping = 0
    private var rootSeen = false
    /// Whether the root element's contents are read (it is not opaque).
    private var rootOpen = false
    /// True while nothing came before the root element in the document (a doctype, a comment).
    private var rootIsFirst = true
    /// True while an element that started after the root ended is being read inside the root.
    private var rootReopened = false

    init(capacity: Int) {
        builder = HTMLTreeBuilder(capacity: capacity)
    }

    /// An element starts: its name (a prefixed one by its local part), whether it is opaque
    /// when the caller knows, and the attributes kept.
    mutating func start(_ name: String, isOpaque: Bool? = nil, attributes: @autoclosure () -> [HTMLAttribute]) {
        flush()
        defer { depth += 1 }
        if skipping > 0 {
            skipping += 1
            return
        }
        if depth == 0, rootSeen {
            guard rootIsFirst, rootOpen else {
                skipping = 1
                return
            }
            builder.reopen(0)
            rootReopened = true
        }
        let opened = builder.element(name, isOpaque: isOpaque, attributes: attributes())
        if !rootSeen {
            rootSeen = true
            rootOpen = opened
        }
        if !opened { skipping = 1 }
    }

    mutating func end() {
        flush()
        guard depth > 0 else { return }
        depth -= 1
        if skipping > 0 {
            skipping -= 1
        } else {
            builder.close()
        }
        if depth == 0, rootReopened {
            builder.close()
            rootReopened = false
        }
    }

    /// A run of text (`isData`: a script's or style sheet's).
    mutating func text(_ characters: UnsafeBufferPointer<UInt8>, isData: Bool) {
        guard depth > 0, skipping == 0, !characters.isEmpty else { return }
        if !pending.isEmpty, pendingIsData != isData { flush() }
        pendingIsData = isData
        pending.append(contentsOf: characters)
    }

    /// A comment or processing instruction: a node of its own, which no text joins across.
    mutating func node() {
        flush()
        if depth == 0, !rootSeen { rootIsFirst = false }
    }

    /// A doctype: libxml2 puts it first in the document, before the root element.
    mutating func doctype() {
        rootIsFirst = false
    }

    mutating func flush() {
        guard !pending.isEmpty else { return }
        pending.withUnsafeBufferPointer { builder.text($0) }
        pending.removeAll(keepingCapacity: true)
    }
}
