import Foundation

/// How redline cleans text before it compares it: Unicode NFC, white space folded to single
/// spaces, none at either end.
///
///     "  Talks\u{00A0}end\n\twithout   agreement " → "Talks end without agreement"
public enum Text {
    /// `text` in NFC with every run of white space (including no-break spaces) folded to one space.
    public static func normalize(_ text: some StringProtocol) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in String(text).precomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "\u{200B}" || scalar == "\u{FEFF}" {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.unicodeScalars.append(" ")
                pendingSpace = false
            }
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}
