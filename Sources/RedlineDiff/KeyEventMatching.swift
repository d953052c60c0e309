import RedlineText
import Foundation
import RedlineModel

/// Which key events are new, gone, or retitled.
///
///     old: [{id a, 10:00, "Talks begin"}, {id b, 11:00, "Minister resigns"}]
///     new: [{id c, 12:00, "Talks end"}, {id a, 10:00, "Talks begin in London"}]
///     → added "Talks end"; removed "Minister resigns"; retitled a: "Talks begin" → "Talks begin in London"
///
/// Events are matched by the page's id when it appears once on each side, then by identical title
/// (white space folded) and time, then by the same time with similar titles (word overlap ≥ 0.3),
/// then by identical title alone. A matched event whose title changed is retitled, not removed
/// and added.
enum KeyEventMatching {
    /// Word overlap two titles at the same time need to be one event.
    static let minimumTitleSimilarity = 0.3

    /// The changes from `old` to `new`.
    static func changes(_ old: [KeyEvent], _ new: [KeyEvent]) -> KeyEventChanges {
        var partner = [Int](repeating: -1, count: new.count)   // new → old
        var oldTaken = [Bool](repeating: false, count: old.count)

        func uniqueIDs(_ events: [KeyEvent]) -> [String: Int] {
            var seen: [String: Int] = [:]
            for (index, event) in events.enumerated() {
                guard let id = event.id else { continue }
                seen[id] = seen[id] == nil ? index : -1
            }
            return seen
        }
        let oldIDs = uniqueIDs(old)
        let newIDs = uniqueIDs(new)
        for (id, j) in newIDs where j >= 0 {
            if let i = oldIDs[id], i >= 0 { partner[j] = i; oldTaken[i] = true }
        }

        // Titles by their folded hash (white space does not count), confirmed by folded equality.
        let oldTitles = old.map { $0.title.withUTF8Bytes(FoldedText.hash) }
        let newTitles = new.map { $0.title.withUTF8Bytes(FoldedText.hash) }
        func sameTitle(_ i: Int, _ j: Int) -> Bool {
            oldTitles[i] == newTitles[j]
                && old[i].title.withUTF8Bytes { a in new[j].title.withUTF8Bytes { b in FoldedText.equal(a, b) } }
        }
        var oldByTitle: [UInt64: [Int]] = [:]
        if partner.contains(-1) {
            for i in old.indices where !oldTaken[i] { oldByTitle[oldTitles[i], default: []].append(i) }
        }
        func matchSameTitle(sameTime: Bool) {
            for j in new.indices where partner[j] < 0 {
                guard let list = oldByTitle[newTitles[j]] else { continue }
                if let i = list.first(where: { !oldTaken[$0] && (!sameTime || old[$0].time == new[j].time) && sameTitle($0, j) }) {
                    partner[j] = i
                    oldTaken[i] = true
                }
            }
        }
        matchSameTitle(sameTime: true)

        var oldByTime: [Date: [Int]] = [:]
        for i in old.indices where !oldTaken[i] { if let time = old[i].time { oldByTime[time, default: []].append(i) } }
        var candidates: [(score: Double, old: Int, new: Int)] = []
        for j in new.indices where partner[j] < 0 {
            guard let time = new[j].time, let list = oldByTime[time] else { continue }
            for i in list where !oldTaken[i] {
                let score = similarity(old[i].title, new[j].title)
                if score >= minimumTitleSimilarity { candidates.append((score, i, j)) }
            }
        }
        candidates.sort { $0.score != $1.score ? $0.score > $1.score : ($0.new, $0.old) < ($1.new, $1.old) }
        for candidate in candidates where partner[candidate.new] < 0 && !oldTaken[candidate.old] {
            partner[candidate.new] = candidate.old
            oldTaken[candidate.old] = true
        }
        matchSameTitle(sameTime: false)

        var changes = KeyEventChanges()
        for (j, event) in new.enumerated() {
            let i = partner[j]
            if i < 0 {
                changes.added.append(event)
            } else if !sameTitle(i, j) {
                changes.retitled.append(Retitle(id: event.id ?? old[i].id, time: event.time ?? old[i].time,
                                                oldTitle: old[i].title, newTitle: event.title))
            }
        }
        for (i, event) in old.enumerated() where !oldTaken[i] { changes.removed.append(event) }
        return changes
    }

    /// Dice's coefficient of the two titles' word sets, ignoring ASCII case.
    static func similarity(_ a: String, _ b: String) -> Double {
        var tokenizer = Tokenizer(capacity: 64)
        func words(_ text: String) -> Set<Int32> {
            var tokens: [Tokenizer.Token] = []
            text.lowercased().withUTF8Bytes { tokenizer.tokenize($0, into: &tokens) }
            return Set(tokens.lazy.filter { tokenizer.kind($0.id) == .word }.map(\.id))
        }
        let x = words(a), y = words(b)
        guard !x.isEmpty || !y.isEmpty else { return 1 }
        return 2 * Double(x.intersection(y).count) / Double(x.count + y.count)
    }
}
