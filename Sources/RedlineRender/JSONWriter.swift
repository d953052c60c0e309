/// Pretty-printed JSON written straight into one byte buffer, in one layout
/// (two-space indent, `"key": value`, empty containers as `{}` and `[]`), without building a
/// tree of values first (the diff document of a 2 MB pair is some 12 000 block objects; as a
/// tree of enum values it cost more to build and walk than to write).
///
///     var json = JSONWriter()
///     json.object { json in
///         json.field("schemaVersion", int: 1)
///         json.field("title", string: nil)
///     }
///     → {
///         "schemaVersion": 1,
///         "title": null
///       }
struct JSONWriter {
    /// The bytes written so far are `buffer[..<count]`; the rest is room to write into (zeros),
    /// doubled when it runs out. Every write goes straight into it through a pointer: appending
    /// to an array piece by piece cost several times more than the bytes themselves.
    private var buffer: [UInt8]
    /// How many bytes have been written.
    private var count = 0
    /// How deep the container being written is.
    private var depth = 0
    /// True until the container being written has its first item.
    private var isEmpty = true

    init(capacity: Int = 0) {
        buffer = [UInt8](repeating: 0, count: max(capacity, 1024))
    }

    /// What has been written so far, UTF-8.
    var bytes: [UInt8] { Array(buffer[..<count]) }

    /// The text written so far.
    var text: String { String(decoding: buffer[..<count], as: UTF8.self) }

    /// An object whose fields `body` writes.
    @inline(__always)
    mutating func object(_ body: (inout JSONWriter) -> Void) {
        container(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), body)
    }

    /// An array whose elements `body` writes (each with one of the `element` functions).
    @inline(__always)
    mutating func array(_ body: (inout JSONWriter) -> Void) {
        container(open: UInt8(ascii: "["), close: UInt8(ascii: "]"), body)
    }

    @inline(__always)
    private mutating func container(open: UInt8, close: UInt8, _ body: (inout JSONWriter) -> Void) {
        let outer = isEmpty
        write(atMost: 1) { start in start.put(open) - start }
        depth += 1
        isEmpty = true
        body(&self)
        depth -= 1
        let hasItems = !isEmpty, indent = depth * 2
        write(atMost: indent + 2) { start in
            (hasItems ? start.putLineBreak(indent: indent) : start).put(close) - start
        }
        isEmpty = outer
    }

    /// Starts the next item of the container being written: a comma after the one before, a
    /// new line, the indent; then `rest`, and `rest` is at most `restCount` bytes.
    @inline(__always)
    private mutating func nextItem(restCount: Int, _ rest: (UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8>) {
        let hasComma = !isEmpty, indent = depth * 2
        isEmpty = false
        write(atMost: indent + 2 + restCount) { start in
            rest((hasComma ? start.put(UInt8(ascii: ",")) : start).putLineBreak(indent: indent)) - start
        }
    }

    /// Starts a field: `"key": `; its value comes next. Keys are the contract's names, which
    /// need no escaping.
    mutating func key(_ key: StaticString) {
        nextItem(restCount: key.utf8CodeUnitCount + 4) { $0.put(UInt8(ascii: "\"")).put(key).put("\": ") }
    }

    /// Starts an array element; its value comes next.
    mutating func element() {
        nextItem(restCount: 0) { $0 }
    }

    /// A string, or null.
    mutating func value(string: String?) {
        guard var string else { null(); return }
        string.withUTF8 { text in
            write(atMost: 2 + 6 * text.count) { start in Self.quote(text, at: start) - start }
        }
    }

    /// A number, or null.
    mutating func value(int: Int?) {
        guard let int else { null(); return }
        // Digits straight into the buffer, least significant last; Int.min is 20 bytes.
        write(atMost: 20) { start in
            let first = int < 0 ? start.put(UInt8(ascii: "-")) : start
            var digits = 1, scale = int.magnitude
            while scale >= 10 { scale /= 10; digits += 1 }
            var rest = int.magnitude, position = first + digits
            repeat {
                position -= 1
                position.pointee = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            return first + digits - start
        }
    }

    /// `true` or `false`.
    mutating func value(bool: Bool) {
        if bool { put("true") } else { put("false") }
    }

    /// `null`.
    mutating func null() {
        put("null")
    }

    /// A field whose value is a string, or null.
    mutating func field(_ name: StaticString, string: String?) {
        key(name)
        value(string: string)
    }

    /// A field whose value is a number, or null.
    mutating func field(_ name: StaticString, int: Int?) {
        key(name)
        value(int: int)
    }

    /// A field whose value is `true` or `false`.
    mutating func field(_ name: StaticString, bool: Bool) {
        key(name)
        value(bool: bool)
    }

    /// Writes `text` as it is.
    @inline(__always)
    private mutating func put(_ text: StaticString) {
        write(atMost: text.utf8CodeUnitCount) { start in start.put(text) - start }
    }

    /// Makes room for `limit` more bytes, and has `body` write them from the pointer it is given
    /// and say how many it wrote.
    @inline(__always)
    private mutating func write(atMost limit: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        if buffer.count - count < limit { grow(toHold: count + limit) }
        let start = count
        let written = buffer.withUnsafeMutableBufferPointer { body($0.baseAddress! + start) }
        count += written
    }

    private mutating func grow(toHold needed: Int) {
        buffer.append(contentsOf: repeatElement(0, count: max(needed, 2 * buffer.count) - buffer.count))
    }

    /// True for the ASCII bytes written as they are inside a JSON string.
    private static let isPlainASCII: [Bool] = (0..<128).map { byte in
        byte >= 0x20 && byte != 0x7F && byte != Int(UInt8(ascii: "\"")) && byte != Int(UInt8(ascii: "\\"))
    }

    /// True when none of the eight bytes in `word` needs an escape or is part of a multi-byte
    /// scalar: none below 0x20, none 0x7F or above, none `"` or `\\`. Each test asks whether some
    /// byte is zero (or below a bound) with the usual borrow trick, which is exact for "some".
    private static func isPlainASCII(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let hasControl = (word &- ones &* 0x20) & ~word & highs != 0
        return word & highs == 0 && !hasControl && !hasZero(word ^ (ones &* 0x22)) && !hasZero(word ^ (ones &* 0x5C))
            && !hasZero(word ^ (ones &* 0x7F))
    }

    /// Writes `text` at `out` as a JSON string: quotes, backslashes and every control character
    /// escaped (U+2028 and U+2029 too, so the output is also valid JavaScript); returns the
    /// position after it, at most `2 + 6 * text.count` bytes on. Runs that need no escape are
    /// copied whole.
    private static func quote(_ bytes: UnsafeBufferPointer<UInt8>, at out: UnsafeMutablePointer<UInt8>)
        -> UnsafeMutablePointer<UInt8> {
        var out = out.put(UInt8(ascii: "\""))
        let isPlainASCII = Self.isPlainASCII
        var runStart = 0
        var index = 0
        while index < bytes.count {
            // Eight plain ASCII bytes at a time (see ``isPlainASCII(_:)``).
            if index + 8 <= bytes.count,
               Self.isPlainASCII(UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            let byte = bytes[index]
            // Most bytes need no escape: printable ASCII but `"` and `\`, and every byte of a
            // multi-byte scalar but the lead byte of U+2028/U+2029.
            if byte < 0x80 ? isPlainASCII[Int(byte)] : byte != 0xE2 {
                index += 1
                continue
            }
            let escape: StaticString?
            var width = 1
            switch byte {
            case UInt8(ascii: "\""): escape = "\\\""
            case UInt8(ascii: "\\"): escape = "\\\\"
            case UInt8(ascii: "\n"): escape = "\\n"
            case UInt8(ascii: "\r"): escape = "\\r"
            case UInt8(ascii: "\t"): escape = "\\t"
            case 0..<0x20, 0x7F: escape = nil
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80
                && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                escape = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                width = 3
            default:
                index += 1
                continue
            }
            out = out.put(bytes, from: runStart, to: index)
            if let escape {
                out = out.put(escape)
            } else {
                // `\u00` and two lowercase hex digits.
                let hex = Self.hexDigits.utf8Start
                out = out.put("\\u00").put(hex[Int(byte >> 4)]).put(hex[Int(byte & 0xF)])
            }
            index += width
            runStart = index
        }
        return out.put(bytes, from: runStart, to: bytes.count).put(UInt8(ascii: "\""))
    }

    private static let hexDigits: StaticString = "0123456789abcdef"
}

/// Writing at a position in ``JSONWriter``'s buffer; each returns the position after what it wrote.
private extension UnsafeMutablePointer<UInt8> {
    @inline(__always)
    func put(_ byte: UInt8) -> Self {
        pointee = byte
        return self + 1
    }

    @inline(__always)
    func put(_ text: StaticString) -> Self {
        update(from: text.utf8Start, count: text.utf8CodeUnitCount)
        return self + text.utf8CodeUnitCount
    }

    /// `bytes[start..<end]`.
    @inline(__always)
    func put(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Self {
        guard start < end else { return self }
        update(from: bytes.baseAddress! + start, count: end - start)
        return self + (end - start)
    }

    /// A new line and `indent` spaces.
    @inline(__always)
    func putLineBreak(indent: Int) -> Self {
        pointee = UInt8(ascii: "\n")
        (self + 1).update(repeating: UInt8(ascii: " "), count: indent)
        return self + 1 + indent
    }
}
