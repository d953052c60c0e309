/// An article's name: `[a-z0-9][a-z0-9._-]{0,99}`, with no `..` and no trailing `.` or `.lock`
/// (so that it is always a safe file name and git branch name).
public struct Slug: Sendable, Hashable, CustomStringConvertible {
    /// The slug's text.
    public let value: String

    /// The slug `text`, or an error saying why it is not one.
    public init(_ text: String) throws(SlugError) {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { throw SlugError(text: text, reason: "it is empty") }
        guard bytes.count <= 100 else { throw SlugError(text: text, reason: "it is longer than 100 characters") }
        func isAlnum(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) }
        guard isAlnum(bytes[0]) else { throw SlugError(text: text, reason: "it must start with a-z or 0-9") }
        for b in bytes where !(isAlnum(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")) {
            throw SlugError(text: text, reason: "it may hold only a-z, 0-9, '.', '_' and '-'")
        }
        guard !text.contains("..") else { throw SlugError(text: text, reason: "it may not contain '..'") }
        guard !text.hasSuffix("."), !text.hasSuffix(".lock") else {
            throw SlugError(text: text, reason: "it may not end in '.' or '.lock'")
        }
        value = text
    }

    public var description: String { value }
}

/// Why a text is not a slug.
public struct SlugError: Error, Sendable, CustomStringConvertible {
    /// The refused text.
    public var text: String
    /// Why.
    public var reason: String

    public var description: String {
        "'\(text.prefix(120))' is not a valid article name: \(reason) (use lower-case letters, digits, '.', '_' and '-')"
    }
}
