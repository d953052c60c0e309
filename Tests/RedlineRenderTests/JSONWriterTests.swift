@testable import RedlineRender
import Testing

/// JSON string quoting, eight bytes at a time, against the plain byte-by-byte rule.
@Suite struct JSONWriterTests {
    /// The rule as the contract states it, one byte at a time.
    static func reference(_ text: String) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "\"")]
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""): out += "\\\"".utf8
            case UInt8(ascii: "\\"): out += "\\\\".utf8
            case UInt8(ascii: "\n"): out += "\\n".utf8
            case UInt8(ascii: "\r"): out += "\\r".utf8
            case UInt8(ascii: "\t"): out += "\\t".utf8
            case 0..<0x20, 0x7F:
                let hex = String(byte, radix: 16)
                out += ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                out += (bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8
                index += 2
            default: out.append(byte)
            }
            index += 1
        }
        out.append(UInt8(ascii: "\""))
        return out
    }

    @Test func quotingAgreesWithTheByteRule() {
        let pieces = ["a", "plain text ", "abcdefgh", "\"", "\\", "\n", "\r", "\t", "\u{1}", "\u{1F}", "\u{7F}", " ", "~",
                      "\u{2028}", "\u{2029}", "\u{2027}", "é", "€", "“quoted”", "🙂", "12345678901234567"]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<5_000 {
            var text = ""
            for _ in 0..<next(12) { text += pieces[next(pieces.count)] }
            var json = JSONWriter()
            json.value(string: text)
            let bytes = json.bytes
            #expect(bytes == Self.reference(text), "\(text.debugDescription)")
        }
    }

    /// A string written again right after itself is copied from the first, which is only right
    /// when the first needed no escape and the bytes are the same.
    @Test func repeatedStringsAgreeWithTheByteRule() {
        let texts = ["", "plain", "plain", "plain text of some length, and more", "plain text of some length, and more",
                     "plain text of some length, and mare", "\"quoted\"", "\"quoted\"", "abcdefgh", "abcdefgh", "é€é",
                     "é€é", "\u{2028}", "\u{2028}", "", ""]
        var json = JSONWriter()
        json.array { json in
            for text in texts {
                json.element()
                json.value(string: text)
            }
        }
        var expected = Array("[".utf8)
        for (index, text) in texts.enumerated() {
            expected += Array((index == 0 ? "\n  " : ",\n  ").utf8) + Self.reference(text)
        }
        expected += Array("\n]".utf8)
        let bytes = json.bytes
        #expect(bytes == expected)
    }

    /// A writer with a drain hands over the same bytes, in pieces, as one that keeps them all:
    /// across drains, repeated strings (copied from the last one written) and escapes included.
    @Test func drainedOutputIsTheSameDocument() {
        let texts = (0..<400).map { n in n % 3 == 0 ? "same text \(n / 6)" : "text \(n) with \"quotes\", a tab\t and ünïcode " + String(repeating: "x", count: n % 50) }
        func document(_ json: inout JSONWriter) {
            json.array { json in
                for text in texts {
                    json.element()
                    json.object { json in
                        json.field("oldText", string: text)
                        json.field("newText", string: text)
                    }
                }
            }
            json.lineBreak()
        }
        var whole = JSONWriter()
        document(&whole)
        var pieces: [[UInt8]] = []
        var drained = JSONWriter(capacity: 1024) { pieces.append(Array($0)) }
        document(&drained)
        drained.finish()
        #expect(pieces.count > 10)
        #expect(pieces.joined().elementsEqual(whole.bytes))
    }
}
