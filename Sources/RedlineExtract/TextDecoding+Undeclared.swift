import Foundation
import RedlineModel

/// Bytes that declare no charset known here (no byte order mark, no charset from the server or
/// a `<meta>` that names one this system reads) and are not UTF-8 are read as windows-1252, as
/// browsers in Western locales read them (the WHATWG Encoding Standard's fallback):
///
///     43 61 66 E9 20 E0 20 80 35         → "Café à €5"   (not UTF-8: windows-1252)
///     43 61 66 C3 A9                     → "Café"        (valid UTF-8 stays UTF-8)
///     "Café" in UTF-8 twice, then FF     → "CaféCafé\u{FFFD}" (UTF-8 with one bad byte)
///     <meta charset="utf-8"> … E9        → U+FFFD        (a UTF-8 page, as it says)
///
/// A page whose valid UTF-8 characters outnumber its bad bytes is UTF-8 with damage: read as
/// windows-1252, every one of its good characters would turn to mojibake, and one bad byte in a
/// new capture would read as an edit of every accented letter on the page.
extension TextDecoding {
    /// The warning for bytes read as windows-1252 because nothing said what they were.
    static let windows1252Warning = "the capture declares no charset known here and is not UTF-8; it was read as windows-1252"

    /// `bytes`, which are not valid UTF-8 and have no byte order mark, read as windows-1252; nil
    /// when their `<meta>` says UTF-8 or they are mostly UTF-8.
    static func windows1252Fallback(_ bytes: UnsafeBufferPointer<UInt8>) -> (text: String, warning: String)? {
        guard !isMostlyUTF8(bytes), !metaDeclaresUTF8(bytes),
              case .converted(let utf8, let undefined) = transcode(Data(bytes), from: "windows-1252") else { return nil }
        let warning = undefined == nil ? windows1252Warning : windows1252Warning + "; bytes it does not define were replaced with U+FFFD"
        return (String(decoding: utf8, as: UTF8.self), warning)
    }

    /// True when `bytes` hold more well-formed UTF-8 characters of two bytes or more than bad
    /// sequences.
    ///
    ///     "Café" "Café" FF → true (2 to 1)     "Caf" E9 → false (0 to 1)
    static func isMostlyUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var parser = Unicode.UTF8.ForwardParser()
        var input = bytes.makeIterator()
        var characters = 0, bad = 0
        while true {
            switch parser.parseScalar(from: &input) {
            case .valid(let encoded): if encoded.count > 1 { characters += 1 }
            case .error: bad += 1
            case .emptyInput: return characters > bad
            }
        }
    }

    /// True when the page's own `<meta>` names UTF-8 (or UTF-16, which browsers read as UTF-8 in
    /// a `<meta>`).
    static func metaDeclaresUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        CaptureFormat.metaCharset(Data(bytes.prefix(16 << 10)))?.hasPrefix("utf") == true
    }
}
