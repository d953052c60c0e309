import RedlineText

/// Text, character references, comments, doctypes and script contents, read as libxml2 reads them.
extension HTMLParser {
    /// A run of text up to the next `<` or `&` (libxml2's `htmlParseCharData`). Before it, a `p`
    /// is implied unless it is white space followed by a tag (or the end) where no element, or
    /// only `html` or `head`, is open; libxml2 decides that per 1,000 bytes, so a run of white
    /// space that long always implies one.
    mutating func parseText() {
        let start = at
        var isBlank = true
        let words = UnsafeRawPointer(bytes.baseAddress!)
        while at < bytes.count {
            // Eight bytes at a time while none is `<`, `&`, a control character or 0xEF (which
            // starts U+FFFE and U+FFFF); the rest a byte at a time.
            while at + 8 <= bytes.count {
                let word = words.loadUnaligned(fromByteOffset: at, as: UInt64.self)
                let stops = SWAR.bytes(equalTo: UInt8(ascii: "<"), word) | SWAR.bytes(equalTo: UInt8(ascii: "&"), word)
                    | SWAR.bytes(equalTo: 0xEF, word) | (~SWAR.bytes(above: 0x1F, word) & SWAR.highs)
                guard stops == 0 else { break }
                if isBlank, SWAR.bytes(equalTo: 0x20, word) != SWAR.highs { isBlank = false }
                at += 8
            }
            guard at < bytes.count else { break }
            let byte = bytes[at]
            if byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&") { break }
            if Self.isDropped(byte, at: at, in: bytes) { refused = true; return }   // libxml2 drops them: left to it
            if isBlank, !Self.isBlank(byte) { isBlank = false }
            at += 1
        }
        guard at > start else { return }
        let blankBeforeTag = isBlank && at - start < 1000
            && (current == 0 || (current == UInt8(ascii: "<") && (open.last.map { $0.role == .html || $0.role == .head } ?? true)))
        if !blankBeforeTag { checkParagraph() }
        events.text(UnsafeBufferPointer(rebasing: bytes[start..<at]), isData: false)
    }

    /// True for the start of a character libxml2 drops from text: a control character but tab,
    /// line feed and carriage return, U+FFFE, U+FFFF.
    @inline(__always) static func isDropped(_ byte: UInt8, at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if byte < 0x20 { return !isBlank(byte) }
        return byte == 0xEF && index + 2 < bytes.count && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE
    }

    /// A character reference in text (libxml2's `htmlParseReference`): `&#233;`, `&#xE9;` or
    /// `&eacute;` as the character; `&` and an unknown name (or a known one without its `;`) as
    /// written; a numeric one that names no character, nothing.
    mutating func parseReference() {
        switch Self.reference(in: bytes, at: &at) {
        case .character(let scalar):
            checkParagraph()
            emit(scalar)
        case .nothing:
            break
        case .asWritten(let name):
            checkParagraph()
            emit(text: "&")
            if let name { events.text(name, isData: false) }
        case .refused:
            refused = true
        }
    }

    /// What a reference reads as.
    enum Reference {
        case character(Unicode.Scalar)
        /// A numeric reference to no character.
        case nothing
        /// `&` and the name after it, if any, as written.
        case asWritten(UnsafeBufferPointer<UInt8>?)
        /// One libxml2 reads in a way not followed here.
        case refused
    }

    /// The reference at `at` (its `&`) in `bytes`, read by libxml2's rules; `at` moves past it.
    static func reference(in bytes: UnsafeBufferPointer<UInt8>, at: inout Int) -> Reference {
        if at + 1 < bytes.count, bytes[at + 1] == UInt8(ascii: "#") {
            return characterReference(in: bytes, at: &at).map(Reference.character) ?? .nothing
        }
        at += 1
        let name: UnsafeBufferPointer<UInt8>
        switch referenceName(in: bytes, at: &at) {
        case .name(let read): name = read
        case .none: return .asWritten(nil)
        case .refused: return .refused
        }
        if at < bytes.count, bytes[at] == UInt8(ascii: ";"), let value = HTMLEntities.named[String(decoding: name, as: UTF8.self)],
           value > 0, let scalar = Unicode.Scalar(value) {
            at += 1
            return .character(scalar)
        }
        return .asWritten(name)
    }

    /// `&#…;` or `&#x…;` at `at` (libxml2's `htmlParseCharRef`): the digits up to the first that is
    /// not one, and the `;` after them; nil when they name no character (U+0000, a surrogate,
    /// U+FFFE, past U+10FFFF, a control character).
    static func characterReference(in bytes: UnsafeBufferPointer<UInt8>, at: inout Int) -> Unicode.Scalar? {
        func byte(_ index: Int) -> UInt8 { index < bytes.count ? bytes[index] : 0 }
        var value: UInt32 = 0
        let isHex = byte(at + 2) == UInt8(ascii: "x") || byte(at + 2) == UInt8(ascii: "X")
        at += isHex ? 3 : 2
        while byte(at) != UInt8(ascii: ";") {
            let byte = byte(at)
            let digit: UInt32
            if isDigit(byte) {
                digit = UInt32(byte - UInt8(ascii: "0"))
            } else if isHex, (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte | 0x20) {
                digit = UInt32((byte | 0x20) - UInt8(ascii: "a") + 10)
            } else {
                break
            }
            if value < 0x110000 { value = value * (isHex ? 16 : 10) + digit }
            at += 1
        }
        if byte(at) == UInt8(ascii: ";") { at += 1 }
        return isCharacter(value) ? Unicode.Scalar(value) : nil
    }

    /// XML's characters: tab, line feed, carriage return, and U+0020 on but for surrogates,
    /// U+FFFE and U+FFFF.
    private static func isCharacter(_ value: UInt32) -> Bool {
        switch value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// A name read by libxml2's `htmlParseName`.
    enum Name {
        case name(UnsafeBufferPointer<UInt8>)
        /// None there, or one running to the end of the input.
        case none
        /// One libxml2 reads past ASCII.
        case refused
    }

    /// The name at `at`, after `&` or `<?` (libxml2's `htmlParseName`, case kept); `at` moves past
    /// it only when there is one.
    static func referenceName(in bytes: UnsafeBufferPointer<UInt8>, at: inout Int) -> Name {
        let start = at
        guard start < bytes.count else { return .none }
        let first = bytes[start]
        guard first < 0x80 else { return .refused }
        guard isLetter(first) || first == UInt8(ascii: "_") || first == UInt8(ascii: ":") else { return .none }
        var end = start + 1
        while end < bytes.count, isReferenceNameByte(bytes[end]) { end += 1 }
        guard end < bytes.count else { return .none }
        guard bytes[end] < 0x80 else { return .refused }
        at = end
        return .name(UnsafeBufferPointer(rebasing: bytes[start..<end]))
    }

    @inline(__always) private static func isReferenceNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
    }

    /// An attribute's value (libxml2's `htmlParseAttValue`): quoted, or up to a blank or `>`;
    /// references in it are read as in text, and the value made only when `decoded`.
    mutating func parseAttributeValue(decoded: Bool) -> String? {
        let quote = current
        let quoted = quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'")
        if quoted { at += 1 }
        let start = at
        if quoted {
            at = Self.find(quote, in: bytes, from: at) ?? bytes.count
        } else {
            while at < bytes.count, !Self.isBlank(bytes[at]), bytes[at] != UInt8(ascii: ">") { at += 1 }
        }
        let end = at
        if quoted, current == quote { at += 1 }
        guard decoded else { return nil }
        let raw = UnsafeBufferPointer(rebasing: bytes[start..<end])
        return Self.find(UInt8(ascii: "&"), in: raw, from: 0) != nil ? decodeReferences(raw) : String(decoding: raw, as: UTF8.self)
    }

    /// `value` with its references read as libxml2 reads them in an attribute: as in text, but
    /// a numeric one to no character ends the value (libxml2 writes a NUL there): refused.
    private mutating func decodeReferences(_ value: UnsafeBufferPointer<UInt8>) -> String? {
        var result: [UInt8] = []
        result.reserveCapacity(value.count)
        var index = 0
        while index < value.count {
            guard value[index] == UInt8(ascii: "&") else {
                result.append(value[index])
                index += 1
                continue
            }
            switch Self.reference(in: value, at: &index) {
            case .character(let scalar):
                UTF8.encode(scalar) { result.append($0) }
            case .asWritten(let name):
                result.append(UInt8(ascii: "&"))
                if let name { result.append(contentsOf: name) }
            case .nothing, .refused:
                refused = true
                return nil
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// A comment (libxml2's `htmlParseComment`): from `<!--` to the first `-->` or `--!>` after
    /// at least two more characters; one never ended is refused.
    mutating func parseComment() {
        guard atComment else { return }
        // Each `>` from the third character on: after `--`, or `--!`.
        var search = at + 6
        while let close = Self.find(UInt8(ascii: ">"), in: bytes, from: search) {
            if bytes[close - 1] == UInt8(ascii: "-"), bytes[close - 2] == UInt8(ascii: "-") {
                at = close + 1
                events.node()
                return
            }
            if close - 3 >= at + 4, bytes[close - 1] == UInt8(ascii: "!"), bytes[close - 2] == UInt8(ascii: "-"),
               bytes[close - 3] == UInt8(ascii: "-") {
                at = close + 1
                events.node()
                return
            }
            search = close + 1
        }
        refused = true
    }

    /// A processing instruction (libxml2's `htmlParsePI`): `<?`, a name, then up to the first `>`
    /// (not `?>`); without a name only the `<?` is read, and one never ended is refused.
    mutating func parseInstruction() {
        guard atInstruction else { return }
        at += 2
        switch Self.referenceName(in: bytes, at: &at) {
        case .name: break
        case .none: return
        case .refused:
            refused = true
            return
        }
        while current != 0, current != UInt8(ascii: ">") { at += 1 }
        guard current == UInt8(ascii: ">") else { refused = true; return }
        at += 1
        events.node()
    }

    /// A doctype (libxml2's `htmlParseDocTypeDecl`): its name and identifiers, then up to `>`.
    mutating func parseDoctype() {
        at += 9
        skipBlanks()
        // Its name as libxml2 reads one (a letter, `_` or `:` first); without one, what follows
        // is read on from where the name would have been.
        if case .refused = Self.referenceName(in: bytes, at: &at) {
            refused = true
            return
        }
        skipBlanks()
        if startsWith("SYSTEM", caseless: true) {
            at += 6
            skipBlanks()
            skipLiteral()
        } else if startsWith("PUBLIC", caseless: true) {
            at += 6
            skipBlanks()
            skipLiteral()
            skipBlanks()
            if current == UInt8(ascii: "\"") || current == UInt8(ascii: "'") { skipLiteral() }
        }
        skipBlanks()
        while current != 0, current != UInt8(ascii: ">") { at += 1 }
        guard current == UInt8(ascii: ">"), !refused else { refused = true; return }
        at += 1
        events.doctype()
    }

    /// A quoted literal of a doctype; one the page ends in is refused.
    private mutating func skipLiteral() {
        let quote = current
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return }
        at += 1
        while current != 0, current != quote { at += 1 }
        if current == quote { at += 1 } else { refused = true }
    }

    /// A script's or style sheet's contents (libxml2's `htmlParseScript`): up to `</` and the
    /// open element's name, in either case.
    mutating func parseScript() {
        let start = at
        let name = open.last.map { Array($0.name.utf8) }
        while at < bytes.count {
            if bytes[at] == UInt8(ascii: "<"), byte(at + 1) == UInt8(ascii: "/"), let name, closesScript(name, at: at + 2) { break }
            if Self.isDropped(bytes[at], at: at, in: bytes) { refused = true; return }
            at += 1
        }
        events.text(UnsafeBufferPointer(rebasing: bytes[start..<at]), isData: true)
    }

    private func closesScript(_ name: [UInt8], at index: Int) -> Bool {
        guard index + name.count <= bytes.count else { return false }
        for (offset, letter) in name.enumerated() where bytes[index + offset] | 0x20 != letter | 0x20 { return false }
        return true
    }

    // MARK: Text made here

    mutating func emit(text: StaticString) {
        events.text(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount), isData: false)
    }

    mutating func emit(_ scalar: Unicode.Scalar) {
        var encoded: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &encoded) { buffer in
            UTF8.encode(scalar) { byte in
                buffer[count] = byte
                count += 1
            }
        }
        withUnsafeBytes(of: encoded) { buffer in
            events.text(UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count), isData: false)
        }
    }
}
