import RedlineText
import Foundation
import RedlineModel

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
///
/// The buffer is the writer's own memory, written through a pointer: appending to an array
/// piece by piece cost several times more than the bytes themselves. So the writer cannot be
/// copied, only passed `inout`.
struct JSONWriter: ~Copyable {
    /// The buffer: `start..<end` is written, `end..<limit` is room; doubled when it runs out.
    private var start: UnsafeMutablePointer<UInt8>
    private var end: UnsafeMutablePointer<UInt8>
    private var limit: UnsafeMutablePointer<UInt8>
    /// How deep the container being written is.
    private var depth = 0
    /// True until the container being written has its first item.
    private var isEmpty = true
    /// Where the last string written went, without its quotes, when it needed no escape: a
    /// string with the same bytes is copied from there rather than quoted again (a block's new
    /// text is most often its old text).
    private var lastPlainString: (offset: Int, count: Int)?
    /// The last time written and its text: the blocks of one entry all give the entry's time,
    /// and formatting a date costs more than writing the rest of a block.
    private var lastTime: (date: Date, text: String)?
    /// Where written bytes go when the buffer is full, if anywhere: then the buffer is emptied
    /// and reused rather than grown, and a document of megabytes never sits in memory whole.
    let drain: ((UnsafeBufferPointer<UInt8>) -> Void)?

    /// A writer into a buffer of `capacity` bytes, grown as needed; or, with `drain`, handed to
    /// `drain` whenever it fills (and once more by ``finish()``).
    init(capacity: Int = 0, drain: ((UnsafeBufferPointer<UInt8>) -> Void)? = nil) {
        let capacity = max(capacity, 1024)
        start = .allocate(capacity: capacity)
        end = start
        limit = start + capacity
        self.drain = drain
    }

    deinit { start.deallocate() }

    /// What has been written so far, UTF-8.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: start, count: end - start)) }

    /// Ends the document with a line break, as a command prints it.
    mutating func lineBreak() {
        reserve(1)
        end = end.put(UInt8(ascii: "\n"))
    }

    /// Hands what is left in the buffer to the drain, if there is one, and empties the buffer.
    mutating func finish() {
        if let drain, end > start { drain(UnsafeBufferPointer(start: start, count: end - start)) }
        end = start
        lastPlainString = nil
    }

    /// The text written so far.
    var text: String { String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self) }

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
        reserve(1)
        end = end.put(open)
        depth += 1
        isEmpty = true
        body(&self)
        depth -= 1
        reserve(depth * 2 + 2)
        if !isEmpty { end = end.putLineBreak(indent: depth * 2) }
        end = end.put(close)
        isEmpty = outer
    }

    /// Starts the next item of the container being written: a comma after the one before, a
    /// new line, the indent; and makes room for `count` bytes more.
    @inline(__always)
    private mutating func nextItem(reserving count: Int) {
        reserve(depth * 2 + 2 + count)
        if !isEmpty { end = end.put(UInt8(ascii: ",")) }
        isEmpty = false
        end = end.putLineBreak(indent: depth * 2)
    }

    /// Starts a field: `"key": `; its value comes next. Keys are the contract's names, which
    /// need no escaping.
    @inline(__always)
    mutating func key(_ key: StaticString) {
        nextItem(reserving: key.utf8CodeUnitCount + 4)
        end = end.put(UInt8(ascii: "\"")).put(key).put("\": ")
    }

    /// Starts an array element; its value comes next.
    mutating func element() {
        nextItem(reserving: 0)
    }

    /// A string, or null.
    mutating func value(string: String?) {
        guard let string else { null(); return }
        string.withUTF8Bytes { quote($0) }
    }

    /// A number, or null.
    mutating func value(int: Int?) {
        guard let int else { null(); return }
        // Digits straight into the buffer, least significant last; Int.min is 20 bytes.
        reserve(20)
        if int < 0 { end = end.put(UInt8(ascii: "-")) }
        var digits = 1, power: UInt = 10
        while digits < 20 && int.magnitude >= power {
            digits += 1
            power &*= 10
        }
        var rest = int.magnitude
        end += digits
        var position = end
        repeat {
            position -= 1
            position.pointee = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        } while rest > 0
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
    @inline(__always)
    mutating func field(_ name: StaticString, string: String?) {
        key(name)
        value(string: string)
    }

    /// A field whose value is a number, or null.
    @inline(__always)
    mutating func field(_ name: StaticString, int: Int?) {
        key(name)
        value(int: int)
    }

    /// A field whose value is a time as ``Timestamp/format(_:)`` writes it, or null.
    mutating func field(_ name: StaticString, time: Date?) {
        key(name)
        guard let time else { null(); return }
        if lastTime?.date != time { lastTime = (time, Timestamp.format(time)) }
        value(string: lastTime?.text)
    }

    /// A field whose value is `true` or `false`.
    @inline(__always)
    mutating func field(_ name: StaticString, bool: Bool) {
        key(name)
        value(bool: bool)
    }

    /// Writes `text` as it is.
    @inline(__always)
    private mutating func put(_ text: StaticString) {
        reserve(text.utf8CodeUnitCount)
        end = end.put(text)
    }

    /// Makes room for `count` more bytes, and sixteen to spare for writes eight bytes at a time
    /// (see ``putLineBreak(indent:)``).
    @inline(__always)
    private mutating func reserve(_ count: Int) {
        if limit - end < count + 16 { grow(toHold: count + 16) }
    }

    private mutating func grow(toHold count: Int) {
        if drain != nil {
            finish()
            if limit - end >= count { return }
        }
        let written = end - start, capacity = max(written + count, 2 * (limit - start))
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        bigger.initialize(from: start, count: written)
        start.deallocate()
        start = bigger
        end = bigger + written
        limit = bigger + capacity
    }

    /// The eight bytes at `at` when none needs an escape or is part of a multi-byte scalar:
    /// none below 0x20, none 0x7F or above, none `"` or `\\`.
    @inline(__always)
    private static func plainEight(at: UnsafePointer<UInt8>) -> UInt64? {
        let word = UnsafeRawPointer(at).loadUnaligned(as: UInt64.self)
        return stops(word) == 0 ? word : nil
    }

    /// ``plainEight(at:)`` for sixteen bytes.
    @inline(__always)
    private static func plainSixteen(at: UnsafePointer<UInt8>) -> (UInt64, UInt64)? {
        let low = UnsafeRawPointer(at).loadUnaligned(as: UInt64.self)
        let high = UnsafeRawPointer(at + 8).loadUnaligned(as: UInt64.self)
        return stops(low) | stops(high) == 0 ? (low, high) : nil
    }

    /// Nonzero when some byte of `word` is one ``plainEight(at:)`` stops at. With no byte 0x80 or
    /// above, each term sets a byte's high bit when that byte (or, through a borrow, one above a
    /// byte that does) is one to stop at; which is exact for "some byte".
    @inline(__always)
    private static func stops(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let below20 = word &- ones &* 0x20, is7F = word &+ ones
        let isQuote = (word ^ (ones &* 0x22)) &- ones, isBackslash = (word ^ (ones &* 0x5C)) &- ones
        return (word | below20 | is7F | isQuote | isBackslash) & highs
    }

    /// Writes `bytes` as a JSON string: quotes, backslashes and every control character
    /// escaped (U+2028 and U+2029 too, so the output is also valid JavaScript). Plain ASCII is
    /// copied sixteen or eight bytes at a time.
    private mutating func quote(_ bytes: UnsafeBufferPointer<UInt8>) {
        // An escape is at most six bytes for one.
        reserve(2 + 6 * bytes.count)
        var out = end.put(UInt8(ascii: "\""))
        guard let first = bytes.baseAddress else { end = out.put(UInt8(ascii: "\"")); return }
        // The same bytes as the last plain string: copied from where that went.
        if let last = lastPlainString, last.count == bytes.count, memcmp(start + last.offset, first, last.count) == 0 {
            out.update(from: start + last.offset, count: last.count)
            end = (out + last.count).put(UInt8(ascii: "\""))
            return
        }
        let content = out
        let stop = first + bytes.count
        var from = first
        while from < stop {
            // Plain ASCII sixteen or eight bytes at a time. With fewer left, the last sixteen (or
            // eight) bytes when they are plain: the ones among them already copied were copied as
            // they are, and are written again.
            let left = stop - from
            if left >= 16, case let (low, high)? = Self.plainSixteen(at: from) {
                out = out.put(word: low).put(word: high)
                from += 16
                continue
            }
            if left < 16, bytes.count >= 16, case let (low, high)? = Self.plainSixteen(at: stop - 16) {
                out = (out - (16 - left)).put(word: low).put(word: high)
                break
            }
            if left >= 8, let word = Self.plainEight(at: from) {
                out = out.put(word: word)
                from += 8
                continue
            }
            if left < 8, bytes.count >= 8, let word = Self.plainEight(at: stop - 8) {
                out = (out - (8 - left)).put(word: word)
                break
            }
            let byte = from.pointee
            // Most bytes need no escape: printable ASCII but `"` and `\`, and every byte of a
            // multi-byte scalar but the lead byte of U+2028/U+2029 and of the C1 controls.
            if byte >= 0x20 && byte != 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != 0xE2 && byte != 0xC2 {
                out = out.put(byte)
                from += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): out = out.put("\\\"")
            case UInt8(ascii: "\\"): out = out.put("\\\\")
            case UInt8(ascii: "\n"): out = out.put("\\n")
            case UInt8(ascii: "\r"): out = out.put("\\r")
            case UInt8(ascii: "\t"): out = out.put("\\t")
            case 0..<0x20, 0x7F:
                // `\u00` and two lowercase hex digits.
                let hex = Self.hexDigits.utf8Start
                out = out.put("\\u00").put(hex[Int(byte >> 4)]).put(hex[Int(byte & 0xF)])
            case 0xC2 where left >= 2 && from[1] >= 0x80 && from[1] <= 0x9F:
                // A C1 control (U+0080–U+009F): `\u00` and its two hex digits, never raw.
                let hex = Self.hexDigits.utf8Start
                out = out.put("\\u00").put(hex[Int(from[1] >> 4)]).put(hex[Int(from[1] & 0xF)])
                from += 1
            case 0xE2 where left >= 3 && from[1] == 0x80 && (from[2] == 0xA8 || from[2] == 0xA9):
                out = out.put(from[2] == 0xA8 ? "\\u2028" : "\\u2029")
                from += 2
            default:
                out = out.put(byte)
            }
            from += 1
        }
        end = out.put(UInt8(ascii: "\""))
        lastPlainString = out - content == bytes.count ? (content - start, bytes.count) : nil
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

    /// The eight bytes of `word`, unaligned.
    @inline(__always)
    func put(word: UInt64) -> Self {
        UnsafeMutableRawPointer(self).storeBytes(of: word, as: UInt64.self)
        return self + 8
    }

    /// A new line and `indent` spaces, written eight at a time: up to fifteen more spaces may
    /// land after them, which is room the writer keeps and writes over next.
    @inline(__always)
    func putLineBreak(indent: Int) -> Self {
        pointee = UInt8(ascii: "\n")
        let spaces = self + 1, eight: UInt64 = 0x2020_2020_2020_2020
        // Two stores cover eight levels; deeper ones loop.
        var position = spaces.put(word: eight).put(word: eight)
        while position < spaces + indent {
            position = position.put(word: eight)
        }
        return spaces + indent
    }
}
