import Foundation

/// A page parsed by the rules of libxml2's HTML parser (2.9, recovering, as ``HTMLStreamParser``
/// runs it) without libxml2: the same events, so the same ``HTMLTree``, in a fraction of the
/// time (libxml2 reads a page a character at a time and copies every name and value: on the
/// day's largest page its parse was a sixth of a capture's CPU, loading it another 1.3 ms).
///
///     <p>one<p>two<div>three          → p "one" · p "two" · div "three"  (HTML 4's omitted end tags)
///     text before any tag             → html > body > p "text before any tag"  (implied elements)
///     <b>x</i>y</b>                   → b "xy"  (an end tag of no open element is ignored)
///     AT&T &amp; &eacute; &#233;      → "AT&T & é é"
///
/// The rules are libxml2's, step for step: which start tag ends which open element (``ends``,
/// asked of libxml2 itself by `scripts/html-parser-rules/generate.sh`), which elements are
/// empty, the priorities that let an end tag close elements left open, implied `html`, `head`,
/// `body` and `p`, and where text, references, comments, instructions and doctypes end. What it
/// does not follow libxml2 through (control characters, unfinished comments and tags, names past
/// 100 bytes or in letters other than ASCII, a discarded tag closed the XML way) it refuses, and
/// libxml2 parses the page. A test holds the two trees equal on every page of the corpus, on
/// 3,000 made to part them, and (on demand) on 3,382 real pages from other extractors' fixtures.
struct HTMLParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var events: HTMLParseEvents
    var at = 0
    /// The open elements, outermost first (libxml2's name stack).
    var open: [Tag] = []
    /// 3 once a `head` was opened, 10 once a `body` was (libxml2's `ctxt->html`).
    private var seen = 0
    /// Misplaced `html`, `head` and `body` tags discarded, whose end tags are then ignored.
    private var discarded = 0
    private var tags = NameCache<Tag>()
    /// The name a start tag ahead was read by (``lookAheadName()``): where it starts and ends.
    private var lookedAhead: (start: Int, end: Int, tag: Tag)?
    private var attributeNames = NameCache<AttributeName>()
    /// Set when the page holds something this parser leaves to libxml2.
    var refused = false

    /// The events of `bytes` (valid UTF-8, no NUL, as ``HTMLStreamParser`` hands it), arranged
    /// into a tree with room for `capacity` nodes; nil when the page is one to leave to libxml2.
    static func events(of bytes: UnsafeBufferPointer<UInt8>, capacity: Int) -> HTMLParseEvents? {
        var parser = HTMLParser(bytes: bytes, events: HTMLParseEvents(capacity: capacity))
        parser.parseDocument()
        return parser.refused ? nil : parser.events
    }

    init(bytes: UnsafeBufferPointer<UInt8>, events: HTMLParseEvents) {
        self.bytes = bytes
        self.events = events
        open.reserveCapacity(64)
    }

    // MARK: Reading

    /// The byte at `index`, 0 past the end (libxml2's input ends in a NUL).
    @inline(__always) func byte(_ index: Int) -> UInt8 {
        index < bytes.count ? bytes[index] : 0
    }

    @inline(__always) var current: UInt8 { byte(at) }

    @inline(__always) static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    @inline(__always) static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// Where `byte` is next in `bytes` from `start` (C's `memchr`, many bytes a step), nil when nowhere.
    static func find(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress,
              let found = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    mutating func skipBlanks() {
        while Self.isBlank(current) { at += 1 }
    }

    /// True when the bytes at `at` are `word`, letters in either case where `word` has capitals.
    func startsWith(_ word: StaticString, caseless: Bool = false) -> Bool {
        let count = word.utf8CodeUnitCount
        guard at + count <= bytes.count else { return false }
        let letters = word.utf8Start
        for offset in 0..<count {
            let expected = letters[offset], found = bytes[at + offset]
            if found == expected { continue }
            guard caseless, Self.isLetter(expected), found & 0xDF == expected & 0xDF else { return false }
        }
        return true
    }

    var atComment: Bool { startsWith("<!--") }
    var atDoctype: Bool { startsWith("<!DOCTYPE", caseless: true) }
    var atInstruction: Bool { startsWith("<?") }

    // MARK: The document

    private mutating func parseDocument() {
        if startsWith("\u{FEFF}") { at += 3 }   // libxml2 reads the byte order mark as the encoding's and skips it
        skipBlanks()
        while !refused, atComment || atInstruction {
            parseComment()
            parseInstruction()
            skipBlanks()
        }
        if atDoctype { parseDoctype() }
        skipBlanks()
        while !refused, atComment || atInstruction {
            parseComment()
            parseInstruction()
            skipBlanks()
        }
        parseContent()
        if !refused, current == 0 { closeAll() }
    }

    /// libxml2's `htmlParseContentInternal`: comments, elements, references and text to the end.
    private mutating func parseContent() {
        var currentTag = open.last   // libxml2's `currentNode`, compared by name
        var depth = open.count
        while !refused {
            if current == UInt8(ascii: "<"), byte(at + 1) == UInt8(ascii: "/") {
                if parseEndTag(), currentTag != nil || open.isEmpty {
                    currentTag = open.last
                    depth = open.count
                }
                continue
            } else if current == UInt8(ascii: "<"), Self.isLetter(byte(at + 1)) || byte(at + 1) == UInt8(ascii: "_") || byte(at + 1) == UInt8(ascii: ":") {
                // The name ahead, without dots, decides whether the element open now ends first.
                let name = lookAheadName()
                if let top = open.last, name.ends(top) {
                    close(endingFor: name)
                    continue
                }
            }
            if let top = open.last, depth >= open.count, !top.isNamed(like: currentTag) {
                if current == 0 { closeAll() }
                currentTag = open.last
                depth = open.count
                continue
            }
            if current != 0, currentTag?.role == .rawText {
                parseScript()
                continue
            }
            if atDoctype { parseDoctype() }   // misplaced: read and dropped
            if refused { return }
            if atComment {
                parseComment()
            } else if atInstruction {
                parseInstruction()
            } else if current == UInt8(ascii: "<"), Self.isLetter(byte(at + 1)) {
                parseElement()
                currentTag = open.last
                depth = open.count
            } else if current == UInt8(ascii: "<") {
                emit(text: "<")
                at += 1
            } else if current == UInt8(ascii: "&") {
                parseReference()
            } else if current == 0 {
                closeAll()
                return
            } else {
                parseText()
            }
        }
    }

    // MARK: Elements

    /// A start tag and what libxml2 does around it: elements it ends, elements it implies, and
    /// an empty element's end.
    private mutating func parseElement() {
        let discard: Bool
        switch parseStartTag() {
        case nil:
            if current == UInt8(ascii: ">") { at += 1 }
            return
        case let value?:
            discard = value
        }
        guard let top = open.last else {
            if current == UInt8(ascii: ">") { at += 1 }
            return
        }
        if current == UInt8(ascii: "/"), byte(at + 1) == UInt8(ascii: ">") {
            // libxml2 ends the element open now, which a discarded tag is not.
            if discard { refused = true; return }
            at += 2
            pop()
            return
        }
        guard current == UInt8(ascii: ">") else {
            refused = true   // the page ends inside the tag
            return
        }
        at += 1
        if top.isEmpty, !discard { pop() }
    }

    /// libxml2's `htmlParseStartTag`: true when the tag was discarded (a misplaced `html`,
    /// `head` or `body`), false when its element was opened, nil when there was no name.
    private mutating func parseStartTag() -> Bool? {
        at += 1
        guard let tag = parseTagName() else {
            while current != 0, current != UInt8(ascii: ">") { at += 1 }
            return nil
        }
        close(endingFor: tag)
        imply(for: tag)
        var discard = false
        if !open.isEmpty, tag.role == .html {
            discard = true
            discarded += 1
        }
        if open.count != 1, tag.role == .head {
            discard = true
            discarded += 1
        }
        if tag.role == .body {
            for element in open where element.role == .body {
                discard = true
                discarded += 1
            }
        }
        skipBlanks()
        var attributes: [HTMLAttribute] = []
        var names: [String] = []
        while !refused, current != 0, current != UInt8(ascii: ">"), current != UInt8(ascii: "/") || byte(at + 1) != UInt8(ascii: ">") {
            if let name = parseAttributeName() {
                skipBlanks()
                var value: String?
                if current == UInt8(ascii: "=") {
                    at += 1
                    skipBlanks()
                    value = parseAttributeValue(decoded: name.isKept)
                }
                // The first of two attributes of the same name is kept.
                if !names.contains(name.name) {
                    names.append(name.name)
                    if name.isKept { attributes.append(HTMLAttribute(name: name.name, value: value ?? "")) }
                }
            } else {
                // Not a name: dropped up to a blank or the tag's end.
                while current != 0, !Self.isBlank(current), current != UInt8(ascii: ">"),
                      current != UInt8(ascii: "/") || byte(at + 1) != UInt8(ascii: ">") { at += 1 }
            }
            skipBlanks()
        }
        if refused { return nil }
        if !discard {
            open.append(tag)
            if tag.role == .head { seen = max(seen, 3) }
            if tag.role == .body { seen = max(seen, 10) }
            events.start(tag.localName, isOpaque: tag.isOpaque, attributes: attributes)
        }
        return discard
    }

    /// libxml2's `htmlParseEndTag`: true when it ended the element open now.
    private mutating func parseEndTag() -> Bool {
        at += 2
        guard let tag = parseTagName() else { return false }
        skipBlanks()
        while current != 0, current != UInt8(ascii: ">") { at += 1 }
        if current == UInt8(ascii: ">") { at += 1 }
        if discarded > 0, tag.role == .html || tag.role == .body || tag.role == .head {
            discarded -= 1
            return false
        }
        guard let found = open.lastIndex(where: { $0.isNamed(like: tag) }) else { return false }
        // An end tag closes the elements left open inside its element, unless one of them
        // ranks higher (a `td` is not closed by the end of a `div` around its table).
        if !open[(found + 1)...].contains(where: { $0.priority > tag.priority }) {
            while let top = open.last, !top.isNamed(like: tag) { pop() }
        }
        guard open.last?.isNamed(like: tag) == true else { return false }
        pop()
        return true
    }

    private mutating func pop() {
        open.removeLast()
        events.end()
    }

    private mutating func closeAll() {
        while !open.isEmpty { pop() }
    }

    /// Ends the open elements `tag`'s start tag ends (libxml2's `htmlAutoClose`).
    private mutating func close(endingFor tag: Tag) {
        while let top = open.last, tag.ends(top) { pop() }
    }

    /// Opens the `html`, `head` or `body` element a start tag `tag` implies (libxml2's
    /// `htmlCheckImplied`).
    private mutating func imply(for tag: Tag) {
        guard tag.role != .html else { return }
        if open.isEmpty { openImplied("html") }
        guard tag.role != .body, tag.role != .head else { return }
        if open.count <= 1, Self.headElements.contains(tag.name) {
            if seen >= 3 { return }
            openImplied("head")
        } else if seen < 10, tag.name != "noframes", tag.name != "frame", tag.name != "frameset" {
            if open.contains(where: { $0.role == .body || $0.role == .head }) { return }
            openImplied("body")
        }
    }

    private static let headElements: Set<String> = ["script", "style", "meta", "link", "title", "base"]

    private mutating func openImplied(_ name: String) {
        let tag = tag(named: name)
        open.append(tag)
        if tag.role == .head { seen = max(seen, 3) }
        if tag.role == .body { seen = max(seen, 10) }
        events.start(name, attributes: [])
    }

    /// Before text that is not white space ahead of a tag: a `p` when no element, or only
    /// `html` or `head`, is open (libxml2's `htmlCheckParagraph`).
    mutating func checkParagraph() {
        guard let top = open.last else {
            openParagraph()
            return
        }
        if top.role == .html || top.role == .head { openParagraph() }
    }

    private mutating func openParagraph() {
        let paragraph = tag(named: "p")
        close(endingFor: paragraph)
        imply(for: paragraph)
        open.append(paragraph)
        events.start("p", attributes: [])
    }

    // MARK: Names

    /// A tag name (libxml2's `htmlParseHTMLName`): a letter, `_`, `:` or `.`, then letters,
    /// digits, `:`, `-`, `_` and `.`, in lower case.
    private mutating func parseTagName() -> Tag? {
        let start = at
        if let ahead = lookedAhead, ahead.start == start, byte(ahead.end) != UInt8(ascii: "."), ahead.end - start < 100 {
            at = ahead.end   // the same name: read once
            return ahead.tag
        }
        guard Self.isNameStart(current) || current == UInt8(ascii: ".") else { return nil }
        while Self.isNameByte(current) || current == UInt8(ascii: ".") { at += 1 }
        guard at - start < 100 else { refused = true; return nil }   // libxml2 cuts names at 100
        return tags.value(UnsafeBufferPointer(rebasing: bytes[start..<at]), make: Tag.init)
    }

    /// The tag named `name` (lower case already).
    private mutating func tag(named name: String) -> Tag {
        var name = name
        return name.withUTF8 { tags.value($0, make: Tag.init) }
    }

    /// The name a start tag at `at` has, without dots (libxml2's `htmlParseHTMLName_nonInvasive`).
    private mutating func lookAheadName() -> Tag {
        var end = at + 1
        while Self.isNameByte(byte(end)), end - at - 1 < 100 { end += 1 }
        let tag = tags.value(UnsafeBufferPointer(rebasing: bytes[(at + 1)..<end]), make: Tag.init)
        lookedAhead = (at + 1, end, tag)
        return tag
    }

    private mutating func parseAttributeName() -> AttributeName? {
        let start = at
        guard Self.isNameStart(current) || current == UInt8(ascii: ".") else { return nil }
        while Self.isNameByte(current) || current == UInt8(ascii: ".") { at += 1 }
        guard at - start < 100 else { refused = true; return nil }
        return attributeNames.value(UnsafeBufferPointer(rebasing: bytes[start..<at])) {
            AttributeName(name: $0, isKept: HTMLTreeBuilder.keeps(attribute: $0))
        }
    }

    @inline(__always) private static func isNameStart(_ byte: UInt8) -> Bool {
        isLetter(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
    }

    @inline(__always) private static func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }
}

extension HTMLParser {
    /// An element's name and what the rules say of it, made once per name (``NameCache``).
    final class Tag {
        /// Lower case, as written (`o:p`).
        let name: String
        /// The name without its prefix (`p`), as libxml2's document builder names the element.
        let localName: String
        let isEmpty: Bool
        /// Kept without its contents (``HTMLTree/opaqueTags``).
        let isOpaque: Bool
        /// What the rules single out it by name for.
        let role: Role

        enum Role {
            case html, head, body
            /// `script` and `style`, whose contents are read as they are.
            case rawText
            case other
        }

        /// True when `other` has this name (most tags of a name are one object).
        func isNamed(like other: Tag?) -> Bool {
            guard let other else { return false }
            return other === self || other.name == name
        }
        /// How far its end tag reaches over elements left open (libxml2's `htmlEndPriority`).
        let priority: Int
        /// Its place among the elements the rules name (-1 for the rest), and the places of
        /// those its start tag ends.
        fileprivate let code: Int
        fileprivate let endsMask: (UInt64, UInt64)

        /// True when this start tag ends an open `other`.
        func ends(_ other: Tag) -> Bool {
            guard other.code >= 0 else { return false }
            return (other.code < 64 ? endsMask.0 >> other.code : endsMask.1 >> (other.code - 64)) & 1 != 0
        }

        fileprivate init(_ name: String) {
            self.name = name
            // What follows the first colon, unless the name starts or ends with it (xmlSplitQName).
            if let colon = name.utf8.firstIndex(of: UInt8(ascii: ":")), colon != name.utf8.startIndex,
               name.utf8.index(after: colon) != name.utf8.endIndex {
                localName = String(name[name.utf8.index(after: colon)...])
            } else {
                localName = name
            }
            isEmpty = HTMLParser.empty.contains(name)
            isOpaque = HTMLTree.opaqueTags.contains(localName)
            role = switch name {
            case "html": .html
            case "head": .head
            case "body": .body
            case "script", "style": .rawText
            default: .other
            }
            priority = HTMLParser.priorities[name] ?? 100
            code = HTMLParser.codes[name] ?? -1
            var mask: (UInt64, UInt64) = (0, 0)
            for ended in HTMLParser.ends[name] ?? [] {
                let code = HTMLParser.codes[ended]!
                if code < 64 { mask.0 |= 1 << code } else { mask.1 |= 1 << (code - 64) }
            }
            endsMask = mask
        }
    }

    private static let priorities: [String: Int] = [
        "div": 150, "td": 160, "th": 160, "tr": 170, "thead": 180, "tbody": 180, "tfoot": 180, "table": 190,
        "head": 200, "body": 200, "html": 220,
    ]

    /// A place for each element a start tag can end.
    private static let codes: [String: Int] = {
        let named = Set(ends.values.flatMap { $0 })
        precondition(named.count <= 128)
        return Dictionary(uniqueKeysWithValues: named.sorted().enumerated().map { ($0.element, $0.offset) })
    }()

    /// Names made strings once each, with what is made of them (a page uses a few dozen tag and
    /// attribute names, tens of thousands of times): one slot per hash, the newest name kept.
    struct NameCache<Value> {
        private var hashes = [UInt64](repeating: 0, count: 256)
        private var names = [String](repeating: "", count: 256)
        private var values = [Value?](repeating: nil, count: 256)

        /// What `make` makes of the name `bytes` are, in lower case.
        mutating func value(_ bytes: UnsafeBufferPointer<UInt8>, make: (String) -> Value) -> Value {
            let hash = HTMLParser.hash(bytes)
            let slot = Int(hash >> 56)
            if hashes[slot] == hash, let known = values[slot], HTMLParser.same(names[slot], bytes) { return known }
            let name = HTMLParser.lowercased(bytes)
            let value = make(name)
            hashes[slot] = hash
            names[slot] = name
            values[slot] = value
            return value
        }
    }

    /// FNV-1a of `bytes` in lower case.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(isLetter(byte) ? byte | 0x20 : byte)) &* 0x100_0000_01B3 }
        return hash
    }

    static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { output in
            for index in bytes.indices { output[index] = isLetter(bytes[index]) ? bytes[index] | 0x20 : bytes[index] }
            return bytes.count
        }
    }

    /// True when `name` is `bytes` in lower case.
    static func same(_ name: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var name = name
        return name.withUTF8 { stored in
            guard stored.count == bytes.count else { return false }
            for index in bytes.indices where stored[index] != (isLetter(bytes[index]) ? bytes[index] | 0x20 : bytes[index]) { return false }
            return true
        }
    }

    /// An attribute's name, and whether extraction reads it (``HTMLTree/readAttributes``).
    struct AttributeName {
        let name: String
        let isKept: Bool
    }
}
