import RedlineText

/// Character references in text that did not pass through the HTML parser (JSON-LD strings).
///
///     "Oms: &ldquo;A Gaza&rdquo; &amp; L&#39;Onu &#x2B;1" → "Oms: “A Gaza” & L'Onu +1"
///
/// Unknown names and malformed references are kept as written.
enum HTMLEntities {
    /// `text` with every `&name;`, `&#123;` and `&#x7B;` replaced by the character it names.
    static func decode(_ text: String) -> String {
        text.withUTF8Bytes { bytes in
            guard bytes.contains(UInt8(ascii: "&")) else { return text }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "&"), let (decoded, length) = reference(in: bytes, at: index) {
                    UTF8.encode(decoded) { result.append($0) }
                    index += length
                } else {
                    result.append(bytes[index])
                    index += 1
                }
            }
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// The character a reference starting at `start` names, and the reference's length in
    /// bytes. A reference is ASCII through: any other byte ends the search.
    private static func reference(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (Unicode.Scalar, Int)? {
        var end = start + 1
        while end < bytes.count, end - start <= 32, bytes[end] != UInt8(ascii: ";") {
            let byte = bytes[end]
            guard byte == UInt8(ascii: "#") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                    || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            end += 1
        }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ";"), end > start + 1 else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + 1)..<end]), as: UTF8.self)
        let length = end - start + 1
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
            return (scalar, length)
        }
        guard let value = named[name], let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }
}
