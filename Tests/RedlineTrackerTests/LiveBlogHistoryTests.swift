import Foundation
import RedlineCorpus
import RedlineModel
import Testing

/// `events` and `blame` on a real live blog replayed version by version (the Guardian's London
/// Bridge live blog from ../shared/corpus/liveblogs), against the history the test wrote into it.
@Suite struct LiveBlogHistoryTests {
    struct Entry {
        var id: String
        var time: String
        var title: String
        var paragraphs: [String]
        var isKeyEvent: Bool
    }

    static let versions = 10
    static let entriesPerVersion = 6
    static let retitledAt = 7, editedAt = 8, droppedAt = 9

    /// The first 60 entries in time order; key events titled as the blog's key-events list titles them.
    static func entries() throws -> [Entry] {
        let blog = try LiveBlog.load("guardian-london-bridge-attack-2017-06-03")
        let keyTitles = Dictionary(blog.keyEvents.compactMap { event in event.id.map { ($0, event.title) } }) { a, _ in a }
        return blog.entries.reversed().prefix(versions * entriesPerVersion).map { entry in
            Entry(id: entry.id!, time: Timestamp.format(entry.time!), title: keyTitles[entry.id!] ?? entry.title ?? "",
                  paragraphs: entry.blocks.map(\.text), isKeyEvent: keyTitles[entry.id!] != nil)
        }
    }

    /// Version `k` as the page's HTML: entries published so far, newest first, with the test's
    /// retitle, edit and dropped key event applied from their versions on.
    static func page(_ k: Int, _ all: [Entry], keys: [Entry]) -> String {
        var published = Array(all.prefix(k * entriesPerVersion))
        if k >= retitledAt, let index = published.firstIndex(where: { $0.id == keys[1].id }) {
            published[index].title += " after the attack"
        }
        if k >= editedAt, let index = published.firstIndex(where: { $0.id == keys[2].id }) {
            published[index].paragraphs[0] += " officers remained at the scene through the night"
        }
        let listed = published.filter { $0.isKeyEvent && !(k >= droppedAt && $0.id == keys[0].id) }
        var html = "<html><head><title>London Bridge attack: live</title></head><body><h1>London Bridge attack: live</h1>"
        html += "<div class=\"key-events\"><h2>Key events</h2><ul>"
        html += listed.reversed().map { "<li><a href=\"#\($0.id)\">\($0.title)</a></li>" }.joined()
        html += "</ul></div><div class=\"live-blog\">"
        for entry in published.reversed() {
            html += "<article id=\"\(entry.id)\"><header><time datetime=\"\(entry.time)\">\(entry.time.dropFirst(11).prefix(5))</time></header>"
            if !entry.title.isEmpty { html += "<h2>\(entry.title)</h2>" }
            html += entry.paragraphs.map { "<p>\($0)</p>" }.joined() + "</article>"
        }
        return html + "</div></body></html>"
    }

    /// Several key events first listed in one version keep the page's order (newest on top)
    /// under the newer versions' (the list was once reversed whole, each version's oldest first).
    @Test func keyEventsListedTogetherKeepThePagesOrder() throws {
        func page(_ events: [(id: String, hour: Int)]) -> String {
            var html = "<html><head><title>Storm: live</title></head><body><h1>Storm: live</h1><div class=\"key-events\"><h2>Key events</h2><ul>"
            html += events.map { "<li><a href=\"#\($0.id)\">Update at \($0.hour):00 on the storm</a></li>" }.joined() + "</ul></div><div class=\"live-blog\">"
            for event in events {
                html += "<article id=\"\(event.id)\"><header><time datetime=\"2024-01-02T\(event.hour):00:00Z\">\(event.hour):00</time></header>"
                html += "<h2>Update at \(event.hour):00 on the storm</h2><p>The storm moved on at \(event.hour):00, the forecasters said today.</p></article>"
            }
            return html + "</div></body></html>"
        }
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = dir.child("track.git")
        _ = try RedlineProcess.run(["init", "--repo", repo])
        let first = [("c", 13), ("b", 12), ("a", 11)]
        #expect(try RedlineProcess.run(["snap", "storm", dir.write("1.html", page(first)), "--repo", repo]).status == 0)
        #expect(try RedlineProcess.run(["snap", "storm", dir.write("2.html", page([("d", 14)] + first)), "--repo", repo]).status == 0)
        let json = try RedlineProcess.run(["events", "storm", "--format", "json", "--repo", repo])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["events"] as? [[String: Any]])?.map { $0["id"] as? String } == ["d", "c", "b", "a"], "\(json.stdout)")
        let text = try RedlineProcess.run(["events", "storm", "--repo", repo]).stdout
        #expect(text.split(separator: "\n").map { $0.contains("14:00") ? 14 : $0.contains("13:00") ? 13 : $0.contains("12:00") ? 12 : 11 }
                == [14, 13, 12, 11], "\(text)")
    }

    @Test func eventsAndBlameAgreeWithTheKnownHistory() throws {
        let all = try Self.entries()
        let keys = all.filter(\.isKeyEvent)
        try #require(keys.count >= 3)
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let repo = dir.child("track.git")
        _ = try RedlineProcess.run(["init", "--repo", repo])
        for k in 1...Self.versions {
            let file = dir.write("v\(k).html", Self.page(k, all, keys: keys))
            let result = try RedlineProcess.run(["snap", "london", file, "--at", "2017-06-04T\(String(format: "%02d", k)):00Z", "--repo", repo])
            #expect(result.stdout.hasPrefix("london: version \(k) "), "\(result.stdout)\(result.stderr)")
        }
        func firstVersion(of id: String) -> Int { all.firstIndex { $0.id == id }! / Self.entriesPerVersion + 1 }

        // events: every key event, the version it first appeared in, the retitle and the drop.
        let events = try RedlineProcess.run(["events", "london", "--format", "json", "--repo", repo])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(events.stdout.utf8)) as? [String: Any])
        let records = try #require(object["events"] as? [[String: Any]])
        #expect(records.count == keys.count)
        for record in records {
            let id = try #require(record["id"] as? String)
            #expect(record["firstVersion"] as? Int == firstVersion(of: id), "\(id)")
            let retitles = (record["retitled"] as? [[String: Any]]) ?? []
            if id == keys[1].id {
                #expect(retitles.map { $0["version"] as? Int } == [Self.retitledAt])
                #expect(retitles.first?["newTitle"] as? String == keys[1].title + " after the attack")
                #expect(record["title"] as? String == keys[1].title + " after the attack")
            } else {
                #expect(retitles.isEmpty, "\(id)")
            }
            #expect(record["droppedVersion"] as? Int == (id == keys[0].id ? Self.droppedAt : nil), "\(id)")
        }
        let firstSeen = records.map { $0["firstVersion"] as? Int ?? 0 }
        #expect(firstSeen == firstSeen.sorted(by: >), "newest first")
        // Newest first within a version too, as the page lists them (it was reversed there).
        #expect(records.map { $0["id"] as? String } == keys.reversed().map(\.id))
        let text = try RedlineProcess.run(["events", "london", "--repo", repo]).stdout
        let titles = text.split(separator: "\n").filter { $0.hasPrefix("v") }.map(String.init)
        #expect(titles.count == keys.count && zip(titles, keys.reversed()).allSatisfy { $0.contains($1.title) }, "\(text)")

        // blame: each block of the last version, from the version its entry was published in;
        // the edited paragraph and the retitled heading last changed when the test changed them.
        let blame = try RedlineProcess.run(["blame", "london", "--format", "json", "--repo", repo])
        let blameObject = try #require(try JSONSerialization.jsonObject(with: Data(blame.stdout.utf8)) as? [String: Any])
        let blocks = try #require(blameObject["blocks"] as? [[String: Any]])
        let entryBlocks = blocks.filter { $0["entry"] is [String: Any] }
        #expect(entryBlocks.count == all.reduce(0) { $0 + $1.paragraphs.count + ($1.title.isEmpty ? 0 : 1) })
        var wrong: [String] = []
        for block in entryBlocks {
            let id = try #require((block["entry"] as? [String: Any])?["id"] as? String)
            let text = block["text"] as? String ?? ""
            let first = firstVersion(of: id)
            var last = first
            if id == keys[1].id, block["kind"] as? String == "heading" { last = Self.retitledAt }
            if id == keys[2].id, text.hasSuffix("through the night") { last = Self.editedAt }
            if block["firstVersion"] as? Int != first || block["lastChangedVersion"] as? Int != last {
                wrong.append("\(id) \(text.prefix(40)): \(block["firstVersion"] ?? "-")/\(block["lastChangedVersion"] ?? "-"), expected \(first)/\(last)")
            }
        }
        #expect(wrong.isEmpty, "\(wrong.joined(separator: "\n"))")
    }
}
