/// Character references in text that did not pass through the HTML parser (JSON-LD strings).
///
///     "Oms: &ldquo;A Gaza&rdquo; &amp; L&#39;Onu &#x2B;1" → "Oms: “A Gaza” & L'Onu +1"
///
/// Unknown names and malformed references are kept as written.
enum HTMLEntities {
    /// `text` with every `&name;`, `&#123;` and `&#x7B;` replaced by the character it names.
    static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var result = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "&", let (decoded, length) = reference(in: scalars, at: index) {
                result.append(decoded)
                index += length
            } else {
                result.append(scalar)
                index += 1
            }
        }
        return String(result)
    }

    /// The character a reference starting at `start` names, and the reference's length.
    private static func reference(in scalars: [Unicode.Scalar], at start: Int) -> (Unicode.Scalar, Int)? {
        var end = start + 1
        while end < scalars.count, end - start <= 32, scalars[end] != ";" {
            guard scalars[end].properties.isASCIIHexDigit || scalars[end].isASCII && (scalars[end] == "#" || scalars[end] == "x" || scalars[end] == "X" || scalars[end].properties.isAlphabetic || ("0"..."9").contains(scalars[end]))
            else { return nil }
            end += 1
        }
        guard end < scalars.count, scalars[end] == ";", end > start + 1 else { return nil }
        let name = String(String.UnicodeScalarView(scalars[(start + 1)..<end]))
        let length = end - start + 1
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
            return (scalar, length)
        }
        if name == "apos" { return ("'", length) }
        guard let scalar = HTMLDocument.entity(named: name) else { return nil }
        return (scalar, length)
    }
}
