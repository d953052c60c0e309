import Foundation

/// How redline cleans text before it compares it: Unicode NFC, white space folded to single
/// spaces, none at either end.
///
///     "  Talks\u{00A0}end\n\twithout   agreement " → "Talks end without agreement"
public enum Text {
    /// `text` in NFC with every run of white space (including no-break and zero-width spaces)
    /// folded to one space. Works on UTF-8 bytes; NFC runs only on text that is not ASCII.
    public static func normalize(_ text: some StringProtocol) -> String {
        var source = String(text)
        let isASCII = source.utf8.allSatisfy { $0 < 0x80 }
        if !isASCII { source = source.precomposedStringWithCanonicalMapping }
        var out: [UInt8] = []
        out.reserveCapacity(source.utf8.count)
        var pendingSpace = false
        if isASCII {
            for byte in source.utf8 {
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                    pendingSpace = !out.isEmpty
                } else {
                    if pendingSpace { out.append(0x20); pendingSpace = false }
                    out.append(byte)
                }
            }
        } else {
            for scalar in source.unicodeScalars {
                if scalar.properties.isWhitespace || scalar == "\u{200B}" || scalar == "\u{FEFF}" {
                    pendingSpace = !out.isEmpty
                    continue
                }
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
