import Foundation
import RedlineModel

/// The `diff --format json` document (schemaVersion 1), field for field as the contract gives it,
/// written straight into one buffer (``JSONWriter``).
extension JSONOutput {
    /// `diff`'s document; `more` writes fields of its own after the contract's (an announcement's).
    static func write(_ diff: ArticleDiff, to json: inout JSONWriter, more: ((inout JSONWriter) -> Void)? = nil) {
        let summary = diff.summary
        json.object { json in
            json.field("schemaVersion", int: ArticleDiff.schemaVersion)
            json.field("article", string: diff.article)
            json.key("from")
            write(diff.from, to: &json)
            json.key("to")
            write(diff.to, to: &json)
            json.key("summary")
            write(summary, to: &json)
            json.key("fields")
            json.array { json in
                for field in diff.fields {
                    json.element()
                    json.object { json in
                        json.field("field", string: field.field.rawValue)
                        json.field("change", string: field.change.rawValue)
                        json.field("oldText", string: field.oldText)
                        json.field("newText", string: field.newText)
                        if let entry = field.entry {
                            json.key("entry")
                            write(entry, to: &json)
                        }
                        if let words = field.words { write(words, to: &json) }
                    }
                }
            }
            json.key("keyEvents")
            json.object { json in
                json.key("added")
                json.array { json in
                    for event in diff.keyEvents.added { json.element(); write(event, to: &json) }
                }
                json.key("removed")
                json.array { json in
                    for event in diff.keyEvents.removed { json.element(); write(event, to: &json) }
                }
                json.key("retitled")
                json.array { json in
                    for item in diff.keyEvents.retitled {
                        json.element()
                        json.object { json in
                            json.field("id", string: item.id)
                            json.field("time", time: item.time)
                            json.field("oldTitle", string: item.oldTitle)
                            json.field("newTitle", string: item.newTitle)
                        }
                    }
                }
            }
            json.key("blocks")
            json.array { json in
                diff.blocks.withUnsafeBufferPointer { blocks in
                    for k in blocks.indices {
                        json.element()
                        write(blocks.baseAddress! + k, to: &json)
                    }
                }
            }
            more?(&json)
        }
    }

    /// The counts, `{"added": 3, "removed": 0, …, "fieldsChanged": 1}`.
    static func write(_ summary: ChangeSummary, to json: inout JSONWriter) {
        json.object { json in
            json.field("added", int: summary.added)
            json.field("removed", int: summary.removed)
            json.field("edited", int: summary.edited)
            json.field("moved", int: summary.moved)
            json.field("unchanged", int: summary.unchanged)
            json.field("keyEventsAdded", int: summary.keyEventsAdded)
            json.field("keyEventsRemoved", int: summary.keyEventsRemoved)
            json.field("keyEventsRetitled", int: summary.keyEventsRetitled)
            json.field("fieldsChanged", int: summary.fieldsChanged)
        }
    }

    static func write(_ side: DiffSide, to json: inout JSONWriter) {
        json.object { json in
            if side.path != nil {
                json.field("path", string: side.path)
            } else {
                json.field("version", int: side.version)
                json.field("commit", string: side.commit)
            }
            json.field("capturedAt", time: side.capturedAt)
            json.field("url", string: side.url)
        }
    }

    static func write(_ event: KeyEvent, to json: inout JSONWriter) {
        json.object { json in
            json.field("id", string: event.id)
            json.field("time", time: event.time)
            json.field("title", string: event.title)
        }
    }

    /// The entry a block belongs to, `{"id": …, "time": …, "title": …}`, or null.
    static func write(_ entry: EntryReference?, to json: inout JSONWriter) {
        guard let entry else { json.null(); return }
        json.object { json in
            json.field("id", string: entry.id)
            json.field("time", time: entry.time)
            json.field("title", string: entry.title)
        }
    }

    /// One block, read through a pointer: the closures below would otherwise capture a copy of
    /// it, a retain and a release for each of its strings.
    static func write(_ block: UnsafePointer<BlockChange>, to json: inout JSONWriter) {
        json.object { json in
            json.field("change", string: block.pointee.change.rawValue)
            json.field("edited", bool: block.pointee.edited)
            json.field("oldIndex", int: block.pointee.oldIndex)
            json.field("newIndex", int: block.pointee.newIndex)
            json.field("oldText", string: block.pointee.oldText)
            json.field("newText", string: block.pointee.newText)
            json.field("kind", string: block.pointee.kind.rawValue)
            json.key("entry")
            if block.pointee.entry == nil {
                json.null()
            } else {
                json.object { json in
                    json.field("id", string: block.pointee.entry.unsafelyUnwrapped.id)
                    json.field("time", time: block.pointee.entry.unsafelyUnwrapped.time)
                    json.field("title", string: block.pointee.entry.unsafelyUnwrapped.title)
                }
            }
            if let words = block.pointee.words { write(words, to: &json) }
        }
    }

    /// `"words": [{"op": …, "text": …}, …]`.
    static func write(_ words: [WordChange], to json: inout JSONWriter) {
        json.key("words")
        json.array { json in
            for word in words {
                json.element()
                json.object { json in
                    json.field("op", string: word.op.rawValue)
                    json.field("text", string: word.text)
                }
            }
        }
    }
}
