import Foundation
import RedlineModel

extension JSONOutput {
    /// `redline log --format json`: the versions, newest first.
    ///
    ///     {"schemaVersion": 1, "article": "…", "versions": [{"version": 2, "commit": "…",
    ///       "capturedAt": …, "url": …, "subject": "…", "summary": {"added": 3, …} | null}]}
    ///
    /// A version whose URL redirected elsewhere also has `"finalURL": "…"` after `"url"`.
    public static func render(log versions: [Version], article: String) -> String {
        var json = JSONWriter()
        json.object { json in
            json.field("schemaVersion", int: 1)
            json.field("article", string: article)
            json.key("versions")
            json.array { json in
                for version in versions {
                    json.element()
                    json.object { json in
                        json.field("version", int: version.number)
                        json.field("commit", string: version.commit)
                        json.field("capturedAt", time: version.capturedAt)
                        json.field("url", string: version.url)
                        if let finalURL = version.finalURL { json.field("finalURL", string: finalURL) }
                        json.field("subject", string: version.subject)
                        json.key("summary")
                        if let changes = version.changes { write(changes, to: &json) } else { json.null() }
                    }
                }
            }
        }
        return json.text
    }

    /// `redline log --edits --format json`: each version that changed what was already published,
    /// newest first, as the `diff --format json` document of those changes only.
    ///
    ///     {"schemaVersion": 1, "article": "…", "edits": [{"schemaVersion": 1, "from": …, "to": …, …}]}
    public static func render(edits: [ArticleDiff], article: String) -> String {
        var json = JSONWriter()
        json.object { json in
            json.field("schemaVersion", int: 1)
            json.field("article", string: article)
            json.key("edits")
            json.array { json in
                for diff in edits {
                    json.element()
                    write(diff, to: &json)
                }
            }
        }
        return json.text
    }

    /// `redline events --format json`: every key event ever listed, newest first.
    ///
    ///     {"schemaVersion": 1, "article": "…", "events": [{"id": …, "time": …, "title": …,
    ///       "firstVersion": 2, "firstSeenAt": …, "retitled": [{"version": 4, "at": …,
    ///       "oldTitle": …, "newTitle": …}], "returned": [{"droppedVersion": 5, "droppedAt": …,
    ///       "version": 6, "at": …}], "droppedVersion": null, "droppedAt": null}]}
    public static func render(events: [KeyEventRecord], article: String) -> String {
        var json = JSONWriter()
        json.object { json in
            json.field("schemaVersion", int: 1)
            json.field("article", string: article)
            json.key("events")
            json.array { json in
                for record in events {
                    json.element()
                    json.object { json in
                        json.field("id", string: record.id)
                        json.field("time", time: record.time)
                        json.field("title", string: record.title)
                        json.field("firstVersion", int: record.firstVersion)
                        json.field("firstSeenAt", time: record.firstSeenAt)
                        json.key("retitled")
                        json.array { json in
                            for retitle in record.retitles {
                                json.element()
                                json.object { json in
                                    json.field("version", int: retitle.version)
                                    json.field("at", time: retitle.at)
                                    json.field("oldTitle", string: retitle.oldTitle)
                                    json.field("newTitle", string: retitle.newTitle)
                                }
                            }
                        }
                        json.key("returned")
                        json.array { json in
                            for back in record.returns {
                                json.element()
                                json.object { json in
                                    json.field("droppedVersion", int: back.droppedVersion)
                                    json.field("droppedAt", time: back.droppedAt)
                                    json.field("version", int: back.version)
                                    json.field("at", time: back.at)
                                }
                            }
                        }
                        json.field("droppedVersion", int: record.droppedVersion)
                        json.field("droppedAt", time: record.droppedAt)
                    }
                }
            }
        }
        return json.text
    }

    /// `redline blame --format json`: the headline, standfirst and byline of a version, and each
    /// block, with where it came from.
    ///
    ///     {"schemaVersion": 1, "article": "…", "version": 5, "fields": [{"field": "title", "text": "…",
    ///       "firstVersion": 1, "lastChangedVersion": 4}], "blocks": [{"index": 0,
    ///       "kind": "paragraph", "text": "…", "firstVersion": 1, "lastChangedVersion": 3,
    ///       "entry": {"id": …, "time": …, "title": …}}]}
    public static func render(blame: [(block: PositionedBlock, origin: BlockOrigin, entry: EntryReference?)],
                              fields: [(field: FieldChange.Field, text: String, origin: BlockOrigin)] = [],
                              article: String, version: Int) -> String {
        var json = JSONWriter()
        json.object { json in
            json.field("schemaVersion", int: 1)
            json.field("article", string: article)
            json.field("version", int: version)
            json.key("fields")
            json.array { json in
                for item in fields {
                    json.element()
                    json.object { json in
                        json.field("field", string: item.field.rawValue)
                        json.field("text", string: item.text)
                        json.field("firstVersion", int: item.origin.firstVersion)
                        json.field("lastChangedVersion", int: item.origin.lastChangedVersion)
                    }
                }
            }
            json.key("blocks")
            json.array { json in
                for item in blame {
                    json.element()
                    json.object { json in
                        json.field("index", int: item.block.position)
                        json.field("kind", string: item.block.block.kind.rawValue)
                        json.field("text", string: item.block.block.text)
                        json.field("firstVersion", int: item.origin.firstVersion)
                        json.field("lastChangedVersion", int: item.origin.lastChangedVersion)
                        json.key("entry")
                        write(item.entry, to: &json)
                    }
                }
            }
        }
        return json.text
    }
}

extension JSONOutput {
    /// `redline articles --format json`: the tracked articles (and, with a configuration file,
    /// the configured ones never captured), by slug.
    ///
    ///     {"schemaVersion": 1, "articles": [{"slug": "cork-live", "versions": 3,
    ///       "lastCapturedAt": "2025-04-23T16:00:00Z", "url": "…", "configured": true}]}
    ///
    /// `versions` and `lastCapturedAt` are null for a configured article never captured;
    /// `configured` is null when no configuration file is in force.
    public static func render(articles items: [(slug: String, versions: Int?, last: Date?, url: String?, configured: Bool?)]) -> String {
        var json = JSONWriter()
        json.object { json in
            json.field("schemaVersion", int: 1)
            json.key("articles")
            json.array { json in
                for item in items {
                    json.element()
                    json.object { json in
                        json.field("slug", string: item.slug)
                        json.field("versions", int: item.versions)
                        json.field("lastCapturedAt", time: item.last)
                        json.field("url", string: item.url)
                        json.key("configured")
                        if let configured = item.configured { json.value(bool: configured) } else { json.null() }
                    }
                }
            }
        }
        return json.text
    }
}
