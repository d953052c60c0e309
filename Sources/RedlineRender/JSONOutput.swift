import Foundation
import RedlineModel

/// JSON as redline prints it: pretty, keys in the contract's order, `/` unescaped, explicit nulls.
public enum JSONOutput {
    /// `article` in the `extract`/`show --format json` shape (schemaVersion 1).
    public static func render(_ article: Article) -> String {
        encode(article)
    }

    /// `diff` in the `diff --format json` shape (schemaVersion 1).
    public static func render(_ diff: ArticleDiff) -> String {
        encode(DiffDocument(diff))
    }

    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        // Encoding these value types cannot fail: no floats, no non-string keys.
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
