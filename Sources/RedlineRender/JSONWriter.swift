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
    /// What has been written so far, UTF-8.
    private(set) var bytes: [UInt8] = []
    /// How deep the container being written is.
    private var depth = 0
    /// True until the container being written has its first item.
    private var isEmpty = true

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// The text written so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// An object whose fields `body` writes.
    mutating func object(_ body: (inout JSONWriter) -> Void) {
        container(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), body)
    }

    /// An array whose elements `body` writes (each with one of the `element` functions).
    mutating func array(_ body: (inout JSONWriter) -> Void) {
        container(open: UInt8(ascii: "["), close: UInt8(ascii: "]"), body)
    }

    private mutating func container(open: UInt8, close: UInt8, _ body: (inout JSONWriter) -> Void) {
        let outer = isEmpty
        bytes.append(open)
        depth += 1
        isEmpty = true
        body(&self)
        depth -= 1
        if !isEmpty { newline() }
        bytes.append(close)
        isEmpty = outer
    }

    /// Starts the next item of the container being written: a comma after the one before, a
    /// new line, the indent.
    private mutating func nextItem() {
        if !isEmpty { bytes.append(UInt8(ascii: ",")) }
        isEmpty = false
        newline()
    }

    private mutating func newline() {
        bytes.append(UInt8(ascii: "\n"))
        let width = depth * 2
        if width <= Self.indent.utf8CodeUnitCount {
            bytes.append(contentsOf: UnsafeBufferPointer(start: Self.indent.utf8Start, count: width))
        } else {
            bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: width))
        }
    }

    /// Spaces enough for sixteen levels.
    private static let indent: StaticString = "                                "

    /// Starts a field: `"key": `; its value comes next. Keys are the contract's names, which
    /// need no escaping.
    mutating func key(_ key: StaticString) {
        nextItem()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        bytes.append(contentsOf: "\": ".utf8)
    }

    /// Starts an array element; its value comes next.
    mutating func element() {
        nextItem()
    }

    /// A string, or null.
    mutating func value(string: String?) {
        if let string { Self.quote(string, into: &bytes) } else { bytes += "null".utf8 }
    }

    /// A number, or null.
    mutating func value(int: Int?) {
        guard let int else { bytes += "null".utf8; return }
        if int < 0 { bytes += String(int).utf8; return }
        // Digits straight into the buffer, most significant first.
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = int
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            bytes.append(contentsOf: buffer[(20 - count)...])
        }
    }

    /// `true` or `false`.
    mutating func value(bool: Bool) {
        bytes += (bool ? "true" : "false").utf8
    }

    /// `null`.
    mutating func null() {
        bytes += "null".utf8
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

    /// Writes `text` as a JSON string: quotes, backslashes and every control character escaped
    /// (U+2028 and U+2029 too, so the output is also valid JavaScript). Runs that need no
    /// escape are copied whole.
    static func quote(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
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
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                if let escape {
                    out.append(contentsOf: UnsafeBufferPointer(start: escape.utf8Start, count: escape.utf8CodeUnitCount))
                } else {
                    out += ("\\u" + String(byte, radix: 16).leftPadded(to: 4)).utf8
                }
                index += width
                runStart = index
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
