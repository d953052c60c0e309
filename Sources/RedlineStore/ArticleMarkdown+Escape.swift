import RedlineText
/// Article text as inert Markdown that reads back exactly:
///
///     "**Breaking** <b>x</b> {#id}"  →  "\*\*Breaking\*\* &lt;b&gt;x&lt;/b&gt; \{#id\}"
///     "line one\nline two"          →  "line one&#xA;line two"
///     "# 1. Not a heading" (lineStart) → "\# 1. Not a heading";  "2025-04-23 …" → "2025\-04-23 …"
///
/// Backslash escapes for the punctuation that starts inline markup (and for `{`, `}`, which
/// mark ids here); `&amp;`, `&lt;`, `&gt;` so no tag or autolink forms; line breaks, control and
/// bidi characters as numeric character references, so a block stays one line and nothing
/// reorders or hides text; an invisible word joiner after `@`, so a forge never mentions the
/// people an article names. ``unescape(_:)`` undoes each of these, nothing else.
extension ArticleMarkdown {
    /// `text` escaped; with `lineStart`, also a leading `#`, `-`, `+`, `=` and the `.`, `)` or
    /// `-` after leading digits (a list marker, or what would read as a time stamp).
    static func escape(_ text: String, lineStart: Bool = false) -> String {
        // Read in place: most text needs nothing, and is told so without a copy.
        if !text.withUTF8Bytes({ $0.contains(where: needsEscape) }) {
            if !lineStart { return text }
            if text.withUTF8Bytes(markerEnd) == nil { return text }   // no marker to escape
        }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        escape(text, lineStart: lineStart, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// ``escape(_:lineStart:)``, written at the end of `out`.
    static func escape(_ text: String, lineStart: Bool = false, into out: inout [UInt8]) {
        let start = out.count
        text.withUTF8Bytes { bytes in
            var i = 0
            while i < bytes.count {
                // Text between escapes is copied a run at a time.
                var run = i
                while run < bytes.count, !needsEscape(bytes[run]) { run += 1 }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<run]))
                i = run
                guard i < bytes.count else { break }
                if let (scalar, width) = invisible(bytes, at: i) {
                    out += Array("&#x\(String(scalar, radix: 16, uppercase: true));".utf8)
                    i += width
                    continue
                }
                switch bytes[i] {
                case 0x26: out += Array("&amp;".utf8)
                case 0x3C: out += Array("&lt;".utf8)
                case 0x3E: out += Array("&gt;".utf8)
                case 0x40: out += [0x40, 0xE2, 0x81, 0xA0]   // @ and a word joiner
                case let byte where isBackslashed(byte): out += [0x5C, byte]
                case let byte: out.append(byte)
                }
                i += 1
            }
        }
        if lineStart, let marker = out.withUnsafeBufferPointer({ markerEnd(UnsafeBufferPointer(rebasing: $0[start...])) }) {
            out.insert(0x5C, at: start + marker)
        }
    }

    /// Where a backslash goes in a line that `bytes` (escaped) starts, so that it is not read as
    /// Markdown: before a leading `#`, `-`, `+` or `=`, or before the `.`, `)` or `-` after
    /// leading digits; nil when the line needs none.
    private static func markerEnd(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = bytes.first else { return nil }
        let digits = bytes.prefix { (0x30...0x39).contains($0) }.count
        if digits == 0 { return [0x23, 0x2D, 0x2B, 0x3D].contains(first) ? 0 : nil }
        return digits < bytes.count && [0x2E, 0x29, 0x2D].contains(bytes[digits]) ? digits : nil
    }

    /// The text `escaped` was made from.
    static func unescape<S: StringProtocol>(_ escaped: S) -> String {
        var text = String(escaped)
        return text.withUTF8 { unescape($0) }
    }

    /// The text the bytes `escaped` were made from.
    static func unescape(_ escaped: UnsafeBufferPointer<UInt8>) -> String {
        guard escaped.contains(where: { $0 == 0x5C || $0 == 0x26 || $0 == 0x40 }) else {
            return String(decoding: escaped, as: UTF8.self)
        }
        let bytes = escaped
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 0x5C, i + 1 < bytes.count, isASCIIPunctuation(bytes[i + 1]) {
                out.append(bytes[i + 1])
                i += 2
            } else if byte == 0x40, bytes[(i + 1)...].starts(with: [0xE2, 0x81, 0xA0]) {
                out.append(0x40)
                i += 4
            } else if byte == 0x26, let (decoded, width) = reference(bytes, at: i) {
                out += decoded
                i += width
            } else {
                out.append(byte)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `&amp;`, `&lt;`, `&gt;` or `&#xHEX;` at `i`: the bytes it stands for and its length.
    private static func reference(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> ([UInt8], Int)? {
        for (name, byte) in [("&amp;", UInt8(0x26)), ("&lt;", 0x3C), ("&gt;", 0x3E)] where bytes[i...].starts(with: name.utf8) {
            return ([byte], name.utf8.count)
        }
        guard bytes[i...].starts(with: "&#x".utf8), let end = bytes[(i + 3)...].prefix(9).firstIndex(of: 0x3B),
              let value = UInt32(String(decoding: bytes[(i + 3)..<end], as: UTF8.self), radix: 16),
              let scalar = Unicode.Scalar(value) else { return nil }
        return (Array(String(Character(scalar)).utf8), end + 1 - i)
    }

    /// The scalar at `i` when it is one written as a character reference (a control character,
    /// a line or paragraph separator, a bidi control, a word joiner, a byte-order mark), and its
    /// length in bytes.
    private static func invisible(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int)? {
        let byte = bytes[i]
        if byte < 0x20 || byte == 0x7F { return (UInt32(byte), 1) }
        let next = i + 1 < bytes.count ? bytes[i + 1] : 0, third = i + 2 < bytes.count ? bytes[i + 2] : 0
        switch (byte, next) {
        case (0xC2, 0x80...0x9F), (0xD8, 0x9C):
            return (UInt32(byte & 0x1F) << 6 | UInt32(next & 0x3F), 2)
        case (0xE2, 0x80) where [0x8E, 0x8F].contains(third) || (0xA8...0xAE).contains(third),
             (0xE2, 0x81) where third == 0xA0 || (0xA6...0xA9).contains(third),
             (0xEF, 0xBB) where third == 0xBF:
            return (UInt32(byte & 0x0F) << 12 | UInt32(next & 0x3F) << 6 | UInt32(third & 0x3F), 3)
        default:
            return nil
        }
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        escapedBytes[Int(byte)]
    }

    /// ``needsEscape(_:)`` by byte, judged once: every byte of an article's text is asked.
    private static let escapedBytes: [Bool] = (0...255).map { value in
        let byte = UInt8(value)
        return byte < 0x20 || byte == 0x7F || byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x40 || isBackslashed(byte)
            || byte == 0xC2 || byte == 0xD8 || byte == 0xE2 || byte == 0xEF
    }

    /// `\ ` * _ [ ] | ~ $ ! { }`.
    private static func isBackslashed(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x5C, 0x60, 0x2A, 0x5F, 0x5B, 0x5D, 0x7C, 0x7E, 0x24, 0x21, 0x7B, 0x7D: true
        default: false
        }
    }

    private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }
}
