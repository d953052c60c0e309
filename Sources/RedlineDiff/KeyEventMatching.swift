import RedlineText
import Foundation
import RedlineModel

/// Which key events are the same event in two lists: the one matcher `diff`, `events`, `log` and
/// `report` share, so they always agree.
///
///     old: [{id a, 10:00, "Talks begin"}, {id b, 11:00, "Minister resigns"}]
///     new: [{id c, 12:00, "Talks end"}, {id a, 10:00, "Talks begin in London"}]
///     → added "Talks end"; removed "Minister resigns"; retitled a: "Talks begin" → "Talks begin in London"
///
/// Events are matched by the page's id when it appears once on each side, then by identical title
/// (white space folded) and time, then by the same time with similar titles (word overlap ≥ 0.3,
/// the most similar first), then by the same time when it is the only event left at that time on
/// each side, then by identical title alone, and last, between events with no time, by similar
/// titles (overlap ≥ 0.5). A matched event whose title changed is retitled, not removed and added.
public enum KeyEventMatching {
    /// Word overlap two titles at the same time need to be one event.
    static let minimumTitleSimilarity = 0.3
    /// Word overlap two titles without a time need to be one event.
    static let minimumUntimedSimilarity = 0.5

    /// The changes from `old` to `new`.
    public static func changes(_ old: [KeyEvent], _ new: [KeyEvent]) -> KeyEventChanges {
        let partner = partners(old, new)
        var oldTaken = [Bool](repeating: false, count: old.count)
        var changes = KeyEventChanges()
        for (j, event) in new.enumerated() {
            guard let i = partner[j] else { changes.added.append(event); continue }
            oldTaken[i] = true
            if !sameTitle(old[i].title, event.title) {
                changes.retitled.append(Retitle(id: event.id ?? old[i].id, time: event.time ?? old[i].time,
                                                oldTitle: old[i].title, newTitle: event.title))
            }
        }
        for (i, event) in old.enumerated() where !oldTaken[i] { changes.removed.append(event) }
        return changes
    }

    /// True when two titles are the same once white space is folded.
    public static func sameTitle(_ a: String, _ b: String) -> Bool {
        FoldedText.equal(a, b)
    }

    /// For each event of `new`, the index of the same event in `old`, nil when it is new.
    public static func partners(_ old: [KeyEvent], _ new: [KeyEvent]) -> [Int?] {
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
            oldTitles[i] == newTitles[j] && Self.sameTitle(old[i].title, new[j].title)
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
        /// Pairs the most similar titles first among the `candidates` (old, new) that reach `minimum`.
        func matchSimilar(_ candidates: [(old: Int, new: Int)], atLeast minimum: Double) {
            let scored = candidates.map { (score: similarity(old[$0.old].title, new[$0.new].title), $0.old, $0.new) }
                .filter { $0.score >= minimum }
                .sorted { $0.score != $1.score ? $0.score > $1.score : ($0.2, $0.1) < ($1.2, $1.1) }
            for (_, i, j) in scored where partner[j] < 0 && !oldTaken[i] {
                partner[j] = i
                oldTaken[i] = true
            }
        }
        matchSimilar(new.indices.filter { partner[$0] < 0 }.flatMap { j in
            new[j].time.flatMap { oldByTime[$0] }.map { $0.filter { !oldTaken[$0] }.map { (old: $0, new: j) } } ?? []
        }, atLeast: minimumTitleSimilarity)
        // The one event left at a time on each side is the same event, however it was retitled.
        var newByTime: [Date: [Int]] = [:]
        for j in new.indices where partner[j] < 0 { if let time = new[j].time { newByTime[time, default: []].append(j) } }
        for (time, js) in newByTime where js.count == 1 {
            let left = (oldByTime[time] ?? []).filter { !oldTaken[$0] }
            if left.count == 1 { partner[js[0]] = left[0]; oldTaken[left[0]] = true }
        }
        matchSameTitle(sameTime: false)

        // Events with no time on either side: by similar titles, the most similar first.
        let untimedOld = old.indices.filter { !oldTaken[$0] && old[$0].time == nil }
        matchSimilar(new.indices.filter { partner[$0] < 0 && new[$0].time == nil }.flatMap { j in untimedOld.map { (old: $0, new: j) } },
                     atLeast: minimumUntimedSimilarity)
        return partner.map { $0 < 0 ? nil : $0 }
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
