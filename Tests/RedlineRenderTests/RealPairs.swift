import RedlineText
import Foundation
import RedlineDiff
import RedlineExtract
import RedlineModel

/// Real pairs for the golden files, diffed by the real differ: the seeds (`../shared/seeds`,
/// 000 → 004, extracted from their text) and two successive versions of a real live blog
/// (`../shared/corpus/liveblogs`). Sides are fixed, so the output never depends on the clock.
enum RealPairs {
    /// `../shared`, found from this file's path (`Tests/RedlineRenderTests/…`).
    static let shared = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared")

    /// The seeds: the Guardian's Russia-Ukraine live blog copied as text, morning and afternoon.
    static func seeds() throws -> ArticleDiff {
        let directory = shared.appendingPathComponent("seeds")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".txt") }.sorted()
        guard let first = names.first(where: { $0.hasPrefix("000_") }), let last = names.first(where: { $0.hasPrefix("004_") }) else {
            throw CocoaError(.fileNoSuchFile)
        }
        let old = ArticleExtractor.extract(try Data(contentsOf: directory.appendingPathComponent(first)), format: .text).article
        let new = ArticleExtractor.extract(try Data(contentsOf: directory.appendingPathComponent(last)), format: .text).article
        var diff = ArticleDiffer.diff(old, new)
        diff.article = "ukraine-talks"
        diff.from = DiffSide(version: 1, commit: "25ca672d572d6d0d9a3b1c2d3e4f5a6b7c8d9e0f", capturedAt: Timestamp.parse("2025-04-23T08:00:00Z"))
        diff.to = DiffSide(version: 5, commit: "7c9f8753ad4a5580aabbccddeeff001122334455", capturedAt: Timestamp.parse("2025-04-23T16:00:00Z"),
                           url: "https://www.theguardian.com/world/live/2025/apr/23/russia-ukraine-war-live")
        return diff
    }

    /// The Guardian's London Bridge live blog on the night of 3 June 2017, ten entries in and three
    /// later (captured as each newest entry was published): three entries
    /// added on top (the newest a key event), and one paragraph edited in an older entry.
    static func liveBlog() throws -> ArticleDiff {
        let url = shared.appendingPathComponent("corpus/liveblogs/guardian-london-bridge-attack-2017-06-03.json")
        guard let root = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any],
              let documents = root["documents"] as? [[String: Any]] else { throw CocoaError(.fileReadCorruptFile) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var listed: [String: String] = [:]   // key-event titles as the blog's list gives them
        for item in (root["summary_block"] as? [String: Any])?["key_events"] as? [[String: Any]] ?? [] {
            if let id = item["block"] as? String, let text = item["text"] as? String,
               let title = text.split(separator: "\n").last { listed[id] = Text.normalize(title) }
        }
        var entries: [(Date, Entry, Bool)] = []
        for document in documents {
            guard let parts = document["time"] as? [Int], parts.count >= 5,
                  let time = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: parts[3], minute: parts[4]))
            else { continue }
            let sentences = (document["text"] as? [String] ?? []).map { Text.normalize($0) }.filter { !$0.isEmpty }
            let blocks = stride(from: 0, to: sentences.count, by: 2).map {
                Block(.paragraph, sentences[$0..<min($0 + 2, sentences.count)].joined(separator: " "))
            }
            let title = (document["title"] as? String).map { Text.normalize($0) }.flatMap { $0.isEmpty ? nil : $0 }
            entries.append((time, Entry(id: document["block_id"] as? String, time: time, title: title, blocks: blocks),
                            document["is_key_event"] as? Bool == true))
        }
        entries.sort { $0.0 < $1.0 }
        func version(_ range: Range<Int>) -> Article {
            let chosen = entries[range].reversed()   // newest first, as the page shows them
            let keyEvents = chosen.filter { $0.2 }.compactMap { _, entry, _ in
                entry.id.map { KeyEvent(id: $0, time: entry.time, title: listed[$0] ?? entry.title ?? "") }
            }
            return Article(title: "Islamic State claims responsibility for terror attack on London – as it happened",
                           url: root["url"] as? String, keyEvents: keyEvents, entries: chosen.map(\.1))
        }
        let old = version(18..<28)
        var new = version(18..<31)
        // An edit in the entry "summary of what we know so far" (now fifth from the top).
        if let e = new.entries.firstIndex(where: { $0.title == "summary of what we know so far" }), !new.entries[e].blocks.isEmpty {
            new.entries[e].blocks[0].text = new.entries[e].blocks[0].text
                .replacingOccurrences(of: "at least three incidents", with: "three separate incidents")
        }
        var diff = ArticleDiffer.diff(old, new)
        diff.article = "london-bridge-attack"
        diff.from = DiffSide(version: 28, commit: "3f1c0d5e9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d", capturedAt: old.entries.first?.time,
                             url: root["url"] as? String)
        diff.to = DiffSide(version: 29, commit: "9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b", capturedAt: new.entries.first?.time,
                           url: root["url"] as? String)
        return diff
    }
}
