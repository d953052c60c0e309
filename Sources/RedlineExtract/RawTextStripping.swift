import Foundation
import RedlineText

/// Empties `<script>` and `<style>` elements before libxml2 sees the page: their contents are
/// never article text, and on news pages they are a third of the bytes (NDTV: 300 KB of 711 KB),
/// which libxml2's HTML parser reads a character at a time.
///
///     <p>Hi</p><script>var s = "<p>no</p>";</script><style>p{}</style>
///     → <p>Hi</p><script></script><style></style>
///
/// JSON-LD scripts are kept whole, or taken out whole (their texts returned apart, each script
/// left holding a marker, ``marker(_:)``, that says which text was its), so that libxml2 does not
/// read a live blog's hundreds of kilobytes of it a character at a time and it is not copied
/// twice more on the way to the JSON reader, while the tree still says where each script was.
/// The rules are the HTML parser's own: a script ends at the first `</script` whatever it is
/// inside, comments (`<!-- <script> -->`) are skipped, so are other tags whole (a `<script>`
/// inside an attribute's quoted value is text: `<img alt="how <script> loads">`), and a start tag
/// closed the XML way (`<script src="x"/>`) is left alone, since libxml2 ends the element there.
enum RawTextStripping {
    private static let script = Array("<script".utf8)
    private static let names = [script, Array("<style".utf8)]

    static func stripped(_ bytes: some ContiguousBytes) -> [UInt8] {
        var ignored: [[UInt8]]?
        return stripped(bytes, structuredData: &ignored)
    }

    /// What a JSON-LD script taken out holds instead of its text: which of the texts taken it was.
    static func marker(_ index: Int) -> String { "\(markerPrefix)\(index)" }

    /// The index a script's text names when it is a ``marker(_:)``, else nil.
    static func takenIndex(_ text: String) -> Int? {
        guard text.hasPrefix(markerPrefix) else { return nil }
        return Int(text.dropFirst(markerPrefix.count))
    }

    private static let markerPrefix = "redline:json-ld:"

    /// `bytes` stripped, with the JSON-LD scripts taken out too, and their texts in page order.
    static func strippedWithoutStructuredData(_ bytes: some ContiguousBytes) -> (page: [UInt8], structuredData: [[UInt8]]) {
        var taken: [[UInt8]]? = []
        let page = stripped(bytes, structuredData: &taken)
        return (page, taken ?? [])
    }

    /// Strips `bytes`; JSON-LD scripts are emptied into `structuredData` unless it is nil.
    private static func stripped(_ bytes: some ContiguousBytes, structuredData: inout [[UInt8]]?) -> [UInt8] {
        var output: [UInt8] = []
        bytes.withUnsafeBytes { raw in
            let input = raw.bindMemory(to: UInt8.self)
            output.reserveCapacity(input.count)
            let count = input.count
            var index = 0
            var unclosed: Set<UInt8> = []   // the quotes no later byte closes
            while index < count {
                guard let open = find(UInt8(ascii: "<"), in: input, from: index) else {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: input[index..<count]))
                    break
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: input[index..<open]))
                index = open
                if matches("<!--", in: input, at: open) {
                    let end = find(Array("-->".utf8), in: input, from: open + 4).map { $0 + 3 } ?? count
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: input[open..<end]))
                    index = end
                    continue
                }
                let next = open + 1 < count ? input[open + 1] | 0x20 : 0
                guard (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(next) else {
                    output.append(input[open])   // an end tag, a doctype, a lone `<`
                    index = open + 1
                    continue
                }
                // A start tag, to the first `>` outside its attributes' quoted values. One that
                // another `<` interrupts, or that never ends, is left to libxml2 as it is.
                guard let cursor = tagEnd(in: input, from: open + 1, unclosed: &unclosed) else {
                    output.append(input[open])
                    index = open + 1
                    continue
                }
                appendTag(input, from: open, to: cursor, to: &output)
                index = cursor + 1
                guard next == UInt8(ascii: "s"), let name = names.first(where: { startsTag($0, in: input, at: open) }) else { continue }
                let selfClosed = input[cursor - 1] == UInt8(ascii: "/")
                let isJSONLD = name == Self.script && contains("ld+json", in: input, from: open, to: cursor)
                let taken = isJSONLD && structuredData != nil && typeIsJSONLD(in: input, from: open + name.count, to: cursor)
                guard !selfClosed, !isJSONLD || taken else { continue }
                // Drop everything up to the closing tag (or the end of the page).
                let content = index
                index = find([UInt8(ascii: "<"), UInt8(ascii: "/")] + name.dropFirst(), in: input, from: index, ignoringCase: true) ?? count
                if taken, structuredData != nil {
                    output.append(contentsOf: marker(structuredData!.count).utf8)
                    structuredData!.append(Array(UnsafeBufferPointer(rebasing: input[content..<index])))
                }
            }
        }
        return output
    }

    /// The `>` that ends the tag whose name starts at `start`, as libxml2 reads a start tag: a
    /// quote opens a value only right after `=` (and spaces), and runs to the same quote. Nil for
    /// no clean tag: a `<` comes first (outside a value), a value or the page never ends.
    /// `unclosed` keeps the quotes found to have no closing one, so that no scan is repeated.
    private static func tagEnd(in input: UnsafeBufferPointer<UInt8>, from start: Int, unclosed: inout Set<UInt8>) -> Int? {
        var index = start
        let words = UnsafeRawPointer(input.baseAddress!)
        while index < input.count {
            // Eight bytes at a time past names and values that hold no `>`, `<` or `=`.
            while index + 8 <= input.count {
                let word = words.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                guard SWAR.bytes(equalTo: UInt8(ascii: ">"), word) | SWAR.bytes(equalTo: UInt8(ascii: "<"), word)
                        | SWAR.bytes(equalTo: UInt8(ascii: "="), word) == 0 else { break }
                index += 8
            }
            guard index < input.count else { break }
            switch input[index] {
            case UInt8(ascii: ">"):
                return index
            case UInt8(ascii: "<"):
                return nil
            case UInt8(ascii: "="):
                index += 1
                while index < input.count, isSpace(input[index]) { index += 1 }
                guard index < input.count else { return nil }
                let quote = input[index]
                guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { continue }
                guard !unclosed.contains(quote), let close = find(quote, in: input, from: index + 1) else {
                    unclosed.insert(quote)
                    return nil
                }
                index = close + 1
            default:
                index += 1
            }
        }
        return nil
    }

    /// HTML's white space between attributes: space, tab, line feed, form feed, carriage return
    /// (and vertical tab, as libxml2 takes it).
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    private static func find(_ byte: UInt8, in input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        HTMLParser.find(byte, in: input, from: start)
    }

    private static func find(_ pattern: [UInt8], in input: UnsafeBufferPointer<UInt8>, from start: Int, ignoringCase: Bool = false) -> Int? {
        var index = start
        while index + pattern.count <= input.count {
            if let next = find(pattern[0], in: input, from: index) {
                index = next
            } else {
                return nil
            }
            if index + pattern.count <= input.count, matches(pattern, in: input, at: index, ignoringCase: ignoringCase) { return index }
            index += 1
        }
        return nil
    }

    private static func matches(_ needle: String, in input: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        matches(Array(needle.utf8), in: input, at: index, ignoringCase: false)
    }

    private static func matches(_ pattern: [UInt8], in input: UnsafeBufferPointer<UInt8>, at index: Int, ignoringCase: Bool) -> Bool {
        guard index + pattern.count <= input.count else { return false }
        for offset in pattern.indices {
            var byte = input[index + offset]
            if ignoringCase, byte >= 0x41, byte <= 0x5A { byte |= 0x20 }
            if byte != pattern[offset] { return false }
        }
        return true
    }

    /// True when `pattern` (`<script`) starts a tag at `index` (any case), followed by space, `>` or `/`.
    private static func startsTag(_ pattern: [UInt8], in input: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard matches(pattern, in: input, at: index, ignoringCase: true), index + pattern.count < input.count else { return false }
        let next = input[index + pattern.count]
        return isSpace(next) || next == UInt8(ascii: ">") || next == UInt8(ascii: "/")
    }

    /// True when the attributes in `start..<end` give a `type` whose value names JSON-LD
    /// (`type="application/ld+json"`, any case, quoted or not), as the extractor reads it.
    private static func typeIsJSONLD(in input: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        var index = start
        while index < end {
            let afterSpace = isSpace(input[index])
            index += 1
            guard afterSpace, matches(Array("type".utf8), in: input, at: index, ignoringCase: true) else { continue }
            var cursor = index + 4
            while cursor < end, isSpace(input[cursor]) { cursor += 1 }
            guard cursor < end, input[cursor] == UInt8(ascii: "=") else { continue }
            cursor += 1
            while cursor < end, isSpace(input[cursor]) { cursor += 1 }
            guard cursor < end else { return false }
            let quote = input[cursor] == UInt8(ascii: "\"") || input[cursor] == UInt8(ascii: "'") ? input[cursor] : nil
            if quote != nil { cursor += 1 }
            var valueEnd = cursor
            while valueEnd < end, quote.map({ input[valueEnd] != $0 }) ?? !isSpace(input[valueEnd]) {
                valueEnd += 1
            }
            return contains("ld+json", in: input, from: cursor, to: valueEnd)
        }
        return false
    }

    private static func contains(_ needle: String, in input: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        let pattern = Array(needle.utf8)
        var index = start
        while index + pattern.count <= end {
            if matches(pattern, in: input, at: index, ignoringCase: true) { return true }
            index += 1
        }
        return false
    }
}
