import Foundation
import RedlineModel

/// The `diff --format json` document (schemaVersion 1), field for field as the contract gives it.
extension JSONOutput {
    static func value(_ diff: ArticleDiff) -> JSONValue {
        let summary = diff.summary
        return .object([
            ("schemaVersion", .int(ArticleDiff.schemaVersion)),
            ("article", .string(diff.article)),
            ("from", value(diff.from)),
            ("to", value(diff.to)),
            ("summary", .object([
                ("added", .int(summary.added)), ("removed", .int(summary.removed)),
                ("edited", .int(summary.edited)), ("moved", .int(summary.moved)),
                ("unchanged", .int(summary.unchanged)),
                ("keyEventsAdded", .int(summary.keyEventsAdded)),
                ("keyEventsRemoved", .int(summary.keyEventsRemoved)),
                ("keyEventsRetitled", .int(summary.keyEventsRetitled)),
            ])),
            ("keyEvents", .object([
                ("added", .array(diff.keyEvents.added.map(value))),
                ("removed", .array(diff.keyEvents.removed.map(value))),
                ("retitled", .array(diff.keyEvents.retitled.map { item in
                    .object([("id", .string(item.id)), ("time", time(item.time)),
                             ("oldTitle", .string(item.oldTitle)), ("newTitle", .string(item.newTitle))])
                })),
            ])),
            ("blocks", .array(diff.blocks.map(value))),
        ])
    }

    static func value(_ side: DiffSide) -> JSONValue {
        var fields: [(String, JSONValue)] = side.path != nil
            ? [("path", .string(side.path))]
            : [("version", .int(side.version)), ("commit", .string(side.commit))]
        fields += [("capturedAt", time(side.capturedAt)), ("url", .string(side.url))]
        return .object(fields)
    }

    static func value(_ block: BlockChange) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("change", .string(block.change.rawValue)),
            ("edited", .bool(block.edited)),
            ("oldIndex", .int(block.oldIndex)),
            ("newIndex", .int(block.newIndex)),
            ("oldText", .string(block.oldText)),
            ("newText", .string(block.newText)),
            ("kind", .string(block.kind.rawValue)),
            ("entry", block.entry.map { entry in
                .object([("id", .string(entry.id)), ("time", time(entry.time)), ("title", .string(entry.title))])
            } ?? .null),
        ]
        if let words = block.words {
            fields.append(("words", .array(words.map { .object([("op", .string($0.op.rawValue)), ("text", .string($0.text))]) })))
        }
        return .object(fields)
    }
}
