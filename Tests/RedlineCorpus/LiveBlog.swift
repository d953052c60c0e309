import RedlineText
import Foundation
import RedlineModel

/// The live blogs of `../shared/corpus/liveblogs` as Articles: entries newest first with their
/// page ids and times, sentences grouped two to a paragraph, and the blog's own key-events list.
/// One reading of the corpus for the differ's quality suite, the history tests and the benchmarks.
public struct LiveBlog: Sendable {
    /// The corpus file's name, without `.json`.
    public var name: String
    /// The blog's headline.
    public var title: String
    /// Every entry, newest first (page order).
    public var entries: [Entry]
    /// The key events, newest first; each points at an entry by id.
    public var keyEvents: [KeyEvent]

    /// A blog with the given parts.
    public init(name: String, title: String, entries: [Entry], keyEvents: [KeyEvent]) {
        self.name = name
        self.title = title
        self.entries = entries
        self.keyEvents = keyEvents
    }

    /// The blog as it stood when only its `count` oldest entries were published.
    public func version(entryCount count: Int) -> Article {
        let entries = Array(entries.suffix(count))
        let ids = Set(entries.compactMap(\.id))
        return Article(title: title, keyEvents: keyEvents.filter { $0.id.map(ids.contains) ?? false }, entries: entries)
    }

    /// The blog as it stood when its `count` oldest entries were published, as a blog of its own.
    public func oldest(_ count: Int) -> LiveBlog {
        let article = version(entryCount: count)
        return LiveBlog(name: name, title: title, entries: article.entries, keyEvents: article.keyEvents)
    }

    /// The blogs of the corpus.
    public static let names = [
        "guardian-london-bridge-attack-2017-06-03",
        "guardian-eu-referendum-2016-06-23",
        "bbc-essex-election-2017",
    ]

    /// `$REDLINE_CORPUS` when set, else `../shared/corpus/liveblogs` beside the package (found from
    /// this file's path, `Benchmarks/RedlineCorpus/…`).
    public static let directory: URL = {
        if let path = ProcessInfo.processInfo.environment["REDLINE_CORPUS"] { return URL(fileURLWithPath: path) }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/corpus/liveblogs")
    }()

    /// Reads the blog `name` (one of ``names``).
    public static func load(_ name: String) throws -> LiveBlog {
        let data = try Data(contentsOf: directory.appendingPathComponent(name + ".json"))
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let documents = root["documents"] as? [[String: Any]] else {
            throw CocoaError(.fileReadCorruptFile)
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var entries: [(Date?, Entry)] = []
        var flagged: [KeyEvent] = []
        for document in documents {
            var time: Date?
            if let parts = document["time"] as? [Int], parts.count >= 5 {
                time = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: parts[3], minute: parts[4]))
            } else if let clock = document["time"] as? String {
                let hm = clock.split(separator: ":").compactMap { Int($0) }
                if hm.count == 2 { time = calendar.date(from: DateComponents(year: 2017, month: 6, day: 9, hour: hm[0], minute: hm[1])) }
            }
            let sentences = (document["text"] as? [String] ?? []).map { Text.normalize($0) }.filter { !$0.isEmpty }
            var blocks: [Block] = []
            var k = 0
            while k < sentences.count {
                blocks.append(Block(.paragraph, sentences[k..<min(k + 2, sentences.count)].joined(separator: " ")))
                k += 2
            }
            let title = (document["title"] as? String).map { Text.normalize($0) }.flatMap { $0.isEmpty ? nil : $0 }
            let entry = Entry(id: document["block_id"] as? String, time: time, title: title, blocks: blocks)
            entries.append((time, entry))
            if document["is_key_event"] as? Bool == true, let id = entry.id, let title { flagged.append(KeyEvent(id: id, time: time, title: title)) }
        }
        // Guardian blogs carry full dates: newest first. BBC times have no date: keep the corpus order.
        if documents.first?["time"] is [Int] {
            entries = entries.enumerated().sorted { a, b in
                let x = a.element.0 ?? .distantPast, y = b.element.0 ?? .distantPast
                return x != y ? x > y : a.offset < b.offset
            }.map(\.element)
        }
        // Key events: the entries flagged as such, titled as the blog's key-events list titles them.
        var listedTitles: [String: String] = [:]
        if let summary = root["summary_block"] as? [String: Any], let list = summary["key_events"] as? [[String: Any]] {
            for item in list {
                guard let id = item["block"] as? String, let text = item["text"] as? String else { continue }
                let lines = text.split(separator: "\n").map { Text.normalize($0) }.filter { !$0.isEmpty }
                if let title = lines.last { listedTitles[id] = title }
            }
        }
        let order = Dictionary(entries.enumerated().compactMap { e in e.element.1.id.map { ($0, e.offset) } }, uniquingKeysWith: { a, _ in a })
        let keyEvents = flagged
            .map { event in KeyEvent(id: event.id, time: event.time, title: listedTitles[event.id!] ?? event.title) }
            .sorted { order[$0.id!, default: 0] < order[$1.id!, default: 0] }
        return LiveBlog(name: name, title: root["title"] as? String ?? name, entries: entries.map(\.1), keyEvents: keyEvents)
    }
}
