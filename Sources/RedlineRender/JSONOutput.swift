import Foundation
import RedlineModel

/// JSON as redline prints it: the contract's shapes, keys in the contract's order, explicit nulls.
public enum JSONOutput {
    /// `article` in the `extract`/`show --format json` shape (schemaVersion 1).
    public static func render(_ article: Article) -> String {
        value(article).text
    }

    /// `diff` in the `diff --format json` shape (schemaVersion 1).
    public static func render(_ diff: ArticleDiff) -> String {
        String(decoding: utf8(diff), as: UTF8.self)
    }

    /// ``render(_:)-(ArticleDiff)`` as UTF-8 bytes, for writing out without another copy.
    public static func utf8(_ diff: ArticleDiff) -> [UInt8] {
        var textBytes = 0
        for block in diff.blocks { textBytes += (block.oldText?.utf8.count ?? 0) + (block.newText?.utf8.count ?? 0) }
        var json = JSONWriter(capacity: 4096 + diff.blocks.count * 320 + textBytes + textBytes / 8)
        write(diff, to: &json)
        return json.bytes
    }

    static func value(_ article: Article) -> JSONValue {
        .object([
            ("schemaVersion", .int(Article.schemaVersion)),
            ("title", .string(article.title)),
            ("standfirst", .string(article.standfirst)),
            ("byline", .string(article.byline)),
            ("url", .string(article.url)),
            ("keyEvents", .array(article.keyEvents.map(value))),
            ("blocks", .array(article.blocks.map(value))),
            ("entries", .array(article.entries.map { entry in
                .object([
                    ("id", .string(entry.id)),
                    ("time", time(entry.time)),
                    ("title", .string(entry.title)),
                    ("author", .string(entry.author)),
                    ("blocks", .array(entry.blocks.map(value))),
                ])
            })),
        ])
    }

    static func value(_ event: KeyEvent) -> JSONValue {
        .object([("id", .string(event.id)), ("time", time(event.time)), ("title", .string(event.title))])
    }

    static func value(_ block: Block) -> JSONValue {
        .object([("kind", .string(block.kind.rawValue)), ("text", .string(block.text))])
    }

    static func time(_ date: Date?) -> JSONValue {
        .string(date.map(Timestamp.format))
    }
}
