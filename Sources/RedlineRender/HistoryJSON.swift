import Foundation
import RedlineModel

extension JSONOutput {
    /// `redline events --format json`: every key event ever listed, newest first.
    ///
    ///     {"schemaVersion": 1, "article": "…", "events": [{"id": …, "time": …, "title": …,
    ///       "firstVersion": 2, "firstSeenAt": …, "retitled": [{"version": 4, "at": …,
    ///       "oldTitle": …, "newTitle": …}], "droppedVersion": null, "droppedAt": null}]}
    public static func render(events: [KeyEventRecord], article: String) -> String {
        JSONValue.object([
            ("schemaVersion", .int(1)),
            ("article", .string(article)),
            ("events", .array(events.map { record in
                .object([
                    ("id", .string(record.id)),
                    ("time", time(record.time)),
                    ("title", .string(record.title)),
                    ("firstVersion", .int(record.firstVersion)),
                    ("firstSeenAt", time(record.firstSeenAt)),
                    ("retitled", .array(record.retitles.map { retitle in
                        .object([("version", .int(retitle.version)), ("at", time(retitle.at)),
                                 ("oldTitle", .string(retitle.oldTitle)), ("newTitle", .string(retitle.newTitle))])
                    })),
                    ("droppedVersion", .int(record.droppedVersion)),
                    ("droppedAt", time(record.droppedAt)),
                ])
            })),
        ]).text
    }

    /// `redline blame --format json`: each block of a version with where it came from.
    ///
    ///     {"schemaVersion": 1, "article": "…", "version": 5, "blocks": [{"index": 0,
    ///       "kind": "paragraph", "text": "…", "firstVersion": 1, "lastChangedVersion": 3,
    ///       "entry": {"id": …, "time": …, "title": …}}]}
    public static func render(blame: [(block: PositionedBlock, origin: BlockOrigin, entry: EntryReference?)],
                              article: String, version: Int) -> String {
        JSONValue.object([
            ("schemaVersion", .int(1)),
            ("article", .string(article)),
            ("version", .int(version)),
            ("blocks", .array(blame.map { item in
                .object([
                    ("index", .int(item.block.position)),
                    ("kind", .string(item.block.block.kind.rawValue)),
                    ("text", .string(item.block.block.text)),
                    ("firstVersion", .int(item.origin.firstVersion)),
                    ("lastChangedVersion", .int(item.origin.lastChangedVersion)),
                    ("entry", item.entry.map { entry in
                        .object([("id", .string(entry.id)), ("time", time(entry.time)), ("title", .string(entry.title))])
                    } ?? .null),
                ])
            })),
        ]).text
    }
}
