/// A JSON text (RFC 8259) read into values, as the JSON-LD a page carries is read.
///
///     {"@type": ["LiveBlogPosting"], "liveBlogUpdate": [{"headline": "Goodnight", "position": 3}]}
///     → .object(["@type": .array([.string("LiveBlogPosting")]),
///                "liveBlogUpdate": .array([.object(["headline": .string("Goodnight"), "position": .scalar])])])
///
/// What JSON refuses is refused (nil): trailing text, a raw control character in a string, a
/// bad escape, an unpaired surrogate, nesting deeper than 512; a comma before a closing bracket
/// and a byte order mark are let pass, as Foundation's `JSONSerialization`, which read these
/// blocks before, lets them (`JSONValueTests` holds the two to the same answers). A number is
/// read by JSON's grammar whatever its size (`JSONSerialization` refused one past a `Double`).
///
/// Read here rather than with `JSONSerialization`: a 1.9 MB live blog carries 760 KB of JSON-LD,
/// which became Foundation objects in 11 ms of a 130 ms capture (2 ms here).
enum JSONValue: Sendable, Equatable {
    case string(String)
    case array([JSONValue])
    /// A repeated name keeps its last value.
    case object([String: JSONValue])
    /// A number, `true`, `false` or `null`: reading JSON-LD needs none of their values.
    case scalar

    /// The value `text` holds, nil when it is not JSON.
    static func parse(_ text: [UInt8]) -> JSONValue? {
        text.withUnsafeBufferPointer { bytes in
            var reader = JSONReader(bytes: bytes)
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.index = 3 }   // a byte order mark
            guard let value = reader.value(depth: 0) else { return nil }
            reader.skipSpace()
            return reader.index == bytes.count ? value : nil
        }
    }

    /// The member `name` of an object; nil for anything else.
    subscript(name: String) -> JSONValue? {
        if case .object(let members) = self { members[name] } else { nil }
    }

    var string: String? {
        if case .string(let string) = self { string } else { nil }
    }

    var array: [JSONValue]? {
        if case .array(let array) = self { array } else { nil }
    }

    var object: [String: JSONValue]? {
        if case .object(let members) = self { members } else { nil }
    }
}

/// Reads one value at a time from the bytes of a JSON text.
private struct JSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    static let maximumDepth = 512

    mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    mutating func value(depth: Int) -> JSONValue? {
        skipSpace()
        guard index < bytes.count, depth <= Self.maximumDepth else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "\""): return string().map(JSONValue.string)
        case UInt8(ascii: "["): return array(depth: depth)
        case UInt8(ascii: "{"): return object(depth: depth)
        case UInt8(ascii: "t"): return literal("true")
        case UInt8(ascii: "f"): return literal("false")
        case UInt8(ascii: "n"): return literal("null")
        default: return number()
        }
    }

    private mutating func array(depth: Int) -> JSONValue? {
        index += 1
        var elements: [JSONValue] = []
        skipSpace()
        if take(UInt8(ascii: "]")) { return .array(elements) }
        repeat {
            skipSpace()
            if take(UInt8(ascii: "]")), !elements.isEmpty { return .array(elements) }   // a trailing comma
            guard let element = value(depth: depth + 1) else { return nil }
            elements.append(element)
            skipSpace()
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "]")) ? .array(elements) : nil
    }

    private mutating func object(depth: Int) -> JSONValue? {
        index += 1
        var members: [String: JSONValue] = [:]
        skipSpace()
        if take(UInt8(ascii: "}")) { return .object(members) }
        repeat {
            skipSpace()
            if take(UInt8(ascii: "}")), !members.isEmpty { return .object(members) }   // a trailing comma
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let name = string() else { return nil }
            skipSpace()
            guard take(UInt8(ascii: ":")), let member = value(depth: depth + 1) else { return nil }
            members[name] = member
            skipSpace()
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "}")) ? .object(members) : nil
    }

    /// The string whose opening quote is at `index`: its bytes as they stand when it has no
    /// escape, else decoded.
    private mutating func string() -> String? {
        index += 1
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                defer { index += 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { return nil }
            index += 1
        }
        var decoded = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: decoded, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { return nil }
                let escaped = bytes[index]
                index += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escaped)
                case UInt8(ascii: "b"): decoded.append(0x08)
                case UInt8(ascii: "f"): decoded.append(0x0C)
                case UInt8(ascii: "n"): decoded.append(0x0A)
                case UInt8(ascii: "r"): decoded.append(0x0D)
                case UInt8(ascii: "t"): decoded.append(0x09)
                case UInt8(ascii: "u"):
                    guard let scalar = escapedScalar() else { return nil }
                    decoded.append(contentsOf: String(Character(scalar)).utf8)
                default: return nil
                }
            case 0..<0x20:
                return nil
            default:
                decoded.append(byte)
            }
        }
        return nil
    }

    /// The character a `\u` escape (the four hex digits at `index`) stands for, joined with the
    /// low surrogate escaped after it when it is a high one; nil for a surrogate left unpaired.
    private mutating func escapedScalar() -> Unicode.Scalar? {
        guard let unit = hexUnit() else { return nil }
        guard (0xD800..<0xDC00).contains(unit) else { return Unicode.Scalar(unit) }
        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else { return nil }
        index += 2
        guard let low = hexUnit(), (0xDC00..<0xE000).contains(low) else { return nil }
        return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
    }

    private mutating func hexUnit() -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var unit: UInt32 = 0
        for byte in bytes[index..<index + 4] {
            guard let digit = Character(Unicode.Scalar(byte)).hexDigitValue else { return nil }
            unit = unit << 4 | UInt32(digit)
        }
        index += 4
        return unit
    }

    private mutating func literal(_ word: StaticString) -> JSONValue? {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count,
              UnsafeBufferPointer(start: word.utf8Start, count: count).elementsEqual(bytes[index..<index + count]) else { return nil }
        index += count
        return .scalar
    }

    /// A number as JSON writes it: `-`, an integer without leading zeros, a fraction, an exponent.
    private mutating func number() -> JSONValue? {
        _ = take(UInt8(ascii: "-"))
        if !take(UInt8(ascii: "0")) { guard digits() else { return nil } }
        if take(UInt8(ascii: ".")) { guard digits() else { return nil } }
        if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
            _ = take(UInt8(ascii: "+")) || take(UInt8(ascii: "-"))
            guard digits() else { return nil }
        }
        return .scalar
    }

    /// Skips a run of digits; false when there is none.
    private mutating func digits() -> Bool {
        let start = index
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        return index > start
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }
}
