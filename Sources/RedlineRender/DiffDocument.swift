import Foundation
import RedlineModel

/// The `diff --format json` document (schemaVersion 1), field for field as the contract gives it.
struct DiffDocument: Encodable {
    let diff: ArticleDiff

    init(_ diff: ArticleDiff) {
        self.diff = diff
    }

    private enum Keys: String, CodingKey {
        case schemaVersion, article, from, to, summary, keyEvents, blocks
        case version, commit, capturedAt, url, path
        case added, removed, retitled, id, time, title, oldTitle, newTitle
        case change, edited, oldIndex, newIndex, oldText, newText, kind, entry, words, op, text
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(ArticleDiff.schemaVersion, forKey: .schemaVersion)
        try c.encode(diff.article, forKey: .article)
        try encode(diff.from, in: &c, forKey: .from)
        try encode(diff.to, in: &c, forKey: .to)
        try c.encode(diff.summary, forKey: .summary)

        var events = c.nestedContainer(keyedBy: Keys.self, forKey: .keyEvents)
        try events.encode(diff.keyEvents.added, forKey: .added)
        try events.encode(diff.keyEvents.removed, forKey: .removed)
        var retitled = events.nestedUnkeyedContainer(forKey: .retitled)
        for item in diff.keyEvents.retitled {
            var r = retitled.nestedContainer(keyedBy: Keys.self)
            try r.encode(item.id, forKey: .id)
            try r.encode(item.time.map(Timestamp.format), forKey: .time)
            try r.encode(item.oldTitle, forKey: .oldTitle)
            try r.encode(item.newTitle, forKey: .newTitle)
        }

        var blocks = c.nestedUnkeyedContainer(forKey: .blocks)
        for block in diff.blocks {
            var b = blocks.nestedContainer(keyedBy: Keys.self)
            try b.encode(block.change.rawValue, forKey: .change)
            try b.encode(block.edited, forKey: .edited)
            try b.encode(block.oldIndex, forKey: .oldIndex)
            try b.encode(block.newIndex, forKey: .newIndex)
            try b.encode(block.oldText, forKey: .oldText)
            try b.encode(block.newText, forKey: .newText)
            try b.encode(block.kind.rawValue, forKey: .kind)
            if let entry = block.entry {
                var e = b.nestedContainer(keyedBy: Keys.self, forKey: .entry)
                try e.encode(entry.id, forKey: .id)
                try e.encode(entry.time.map(Timestamp.format), forKey: .time)
                try e.encode(entry.title, forKey: .title)
            } else {
                try b.encodeNil(forKey: .entry)
            }
            if let words = block.words {
                var w = b.nestedUnkeyedContainer(forKey: .words)
                for word in words {
                    var item = w.nestedContainer(keyedBy: Keys.self)
                    try item.encode(word.op.rawValue, forKey: .op)
                    try item.encode(word.text, forKey: .text)
                }
            }
        }
    }

    private func encode(_ side: DiffSide, in c: inout KeyedEncodingContainer<Keys>, forKey key: Keys) throws {
        var s = c.nestedContainer(keyedBy: Keys.self, forKey: key)
        if let path = side.path {
            try s.encode(path, forKey: .path)
        } else {
            try s.encode(side.version, forKey: .version)
            try s.encode(side.commit, forKey: .commit)
        }
        try s.encode(side.capturedAt.map(Timestamp.format), forKey: .capturedAt)
        try s.encode(side.url, forKey: .url)
    }
}
