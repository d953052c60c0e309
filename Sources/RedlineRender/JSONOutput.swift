import Foundation
import RedlineModel

/// JSON as redline prints it: the contract's shapes, keys in the contract's order, explicit nulls.
public enum JSONOutput {
    /// `article` in the `extract`/`show --format json` shape (schemaVersion 1).
    public static func render(_ article: Article) -> String {
        var json = JSONWriter()
        write(article, to: &json)
        return json.text
    }

    /// ``render(_:)-(Article)`` and a line break, as `extract` and `show` print them, handed to
    /// `output` a piece at a time (a megabyte at most).
    public static func stream(_ article: Article, to output: (UnsafeBufferPointer<UInt8>) -> Void) {
        stream(to: output) { write(article, to: &$0) }
    }

    static func write(_ article: Article, to json: inout JSONWriter) {
        json.object { json in
            json.field("schemaVersion", int: Article.schemaVersion)
            json.field("title", string: article.title)
            json.field("standfirst", string: article.standfirst)
            json.field("byline", string: article.byline)
            json.field("url", string: article.url)
            json.key("keyEvents")
            json.array { json in
                for event in article.keyEvents {
                    json.element()
                    write(event, to: &json)
                }
            }
            json.key("blocks")
            write(article.blocks, to: &json)
            json.key("entries")
            json.array { json in
                for entry in article.entries {
                    json.element()
                    json.object { json in
                        json.field("id", string: entry.id)
                        json.field("time", time: entry.time)
                        json.field("title", string: entry.title)
                        json.field("author", string: entry.author)
                        json.key("blocks")
                        write(entry.blocks, to: &json)
                    }
                }
            }
        }
    }

    /// `diff` in the `diff --format json` shape (schemaVersion 1).
    public static func render(_ diff: ArticleDiff) -> String {
        var json = JSONWriter()
        write(diff, to: &json)
        return json.text
    }

    /// ``render(_:)-(ArticleDiff)`` and a line break, as `diff --format json` prints them, handed to
    /// `output` a piece at a time (a megabyte at most): the document of a 2 MB pair is some 8 MB.
    public static func stream(_ diff: ArticleDiff, to output: (UnsafeBufferPointer<UInt8>) -> Void) {
        stream(to: output) { write(diff, to: &$0) }
    }

    /// The document `body` writes, and a line break, handed to `output` a megabyte at most at a time.
    private static func stream(to output: (UnsafeBufferPointer<UInt8>) -> Void, _ body: (inout JSONWriter) -> Void) {
        withoutActuallyEscaping(output) { output in
            var json = JSONWriter(capacity: 1 << 20, drain: output)
            body(&json)
            json.lineBreak()
            json.finish()
        }
    }

    /// Blocks: `[{"kind": …, "text": …}, …]`.
    static func write(_ blocks: [Block], to json: inout JSONWriter) {
        json.array { json in
            for block in blocks {
                json.element()
                json.object { json in
                    json.field("kind", string: block.kind.rawValue)
                    json.field("text", string: block.text)
                }
            }
        }
    }
}
