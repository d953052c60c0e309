/// One unit of text the differ aligns: a paragraph, heading, list item or quote.
public struct Block: Sendable, Hashable, Codable {
    /// What kind of text a block is; a closed set.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case paragraph, heading, listItem, quote
    }

    /// The kind of block.
    public var kind: Kind
    /// The block's text, NFC-normalised with white space folded.
    public var text: String

    /// A block of `kind` holding `text`.
    public init(_ kind: Kind = .paragraph, _ text: String) {
        self.kind = kind
        self.text = text
    }
}
