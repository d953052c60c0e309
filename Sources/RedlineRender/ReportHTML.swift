import Foundation
import RedlineModel

/// A whole article history as one self-contained HTML page (`redline report`): a header naming
/// the article, a timeline of every version with its counts and new key events, then each diff,
/// newest first.
///
///     versions 1, 2, 3 and the diffs 1→2, 2→3
///     → <header class="page">…<h1>Russia-Ukraine war live</h1>…3 versions…</header>
///       <nav class="timeline"><ol>
///         <li class="version"><a href="#v3">Version 3</a> <time>…</time> +2 −0 ~1 >0 <ul class="ke"><li>Talks end</li></ul></li>
///         <li class="version"><a href="#v2">Version 2</a> …</li>
///         <li class="version">Version 1 … first capture</li>
///       </ol></nav>
///       <main><section class="diff" id="v3">…</section><section class="diff" id="v2">…</section></main>
public enum ReportHTML {
    /// What a report shows. Diffs are taken in one at a time (``add(_:)``) and kept only as the
    /// page shows them, so a long history is never held in memory whole.
    public struct History: Sendable {
        /// The article's slug.
        public var article: String
        /// The headline of the newest version, when it has one.
        public var title: String?
        /// Where the article lives, when known.
        public var url: String?
        /// Every version, oldest first, or the newest of them (then the oldest shown has a diff
        /// from the one before it, which is not shown).
        public var versions: [Version]
        /// Unchanged blocks shown around each change.
        public var context: Int
        /// What the page shows of the diff from each version to the next, oldest first.
        public private(set) var changes: [Change] = []

        /// A history with the given parts; `diffs[i]` goes from `versions[i]` to `versions[i + 1]`.
        public init(article: String, title: String? = nil, url: String? = nil, versions: [Version], diffs: [ArticleDiff] = [],
                    context: Int = 1) {
            self.article = article
            self.title = title
            self.url = url
            self.versions = versions
            self.context = context
            diffs.forEach { add($0) }
        }

        /// Takes in the next diff, oldest first.
        public mutating func add(_ diff: ArticleDiff) {
            add(Change(diff, context: context))
        }

        /// Takes in what the page shows of the next diff, oldest first.
        public mutating func add(_ change: Change) {
            changes.append(change)
        }
    }

    /// What the page shows of one diff: its line in the timeline and its section.
    public struct Change: Sendable {
        var version: Int?
        var id: String
        var summary: ChangeSummary
        var newKeyEvents: [String]
        var notes: [String]
        var section: String

        /// What the page shows of `diff`, `context` unchanged blocks around each change.
        public init(_ diff: ArticleDiff, context: Int) {
            version = diff.to.version
            id = diff.to.version.map { "v\($0)" } ?? "d"
            summary = diff.summary
            let events = diff.keyEvents
            newKeyEvents = events.added.map(\.title)
            notes = FieldNotes.notes(diff.fields)
            if !events.retitled.isEmpty { notes.append("\(events.retitled.count) key event\(events.retitled.count == 1 ? "" : "s") retitled") }
            if !events.removed.isEmpty { notes.append("\(events.removed.count) key event\(events.removed.count == 1 ? "" : "s") dropped") }
            section = DiffHTML.section(diff, id: id, context: context)
        }
    }

    /// `history` as a whole HTML page.
    public static func render(_ history: History) -> String {
        var body = header(history)
        body += timeline(history)
        body += "<main>\n"
        if history.changes.isEmpty {
            body += "<p class=\"none\">Only one version so far: nothing to compare it with yet.</p>\n"
        }
        for change in history.changes.reversed() {
            body += change.section
        }
        body += "</main>"
        let title = (history.title.map { "\($0) — " } ?? "") + "\(history.article): redline report"
        return HTMLPage.document(title: title, body: body)
    }

    static func header(_ history: History) -> String {
        var out = "<header class=\"page\">\n"
        out += "<p class=\"kicker\">redline report · <code>\(HTMLEscape.text(history.article))</code></p>\n"
        out += "<h1>\(HTMLEscape.text(history.title ?? history.article))</h1>\n"
        // Versions are numbered 1… without gaps: the newest's number is how many there are.
        var meta = ["\(history.versions.count) version\(history.versions.count == 1 ? "" : "s")"]
        if let first = history.versions.first?.number, first > 1, let newest = history.versions.last?.number {
            meta[0] = first == newest ? "version \(newest) of \(newest)" : "versions \(first)–\(newest) of \(newest)"
        }
        if let first = history.versions.first?.capturedAt, let last = history.versions.last?.capturedAt {
            meta.append(first == last ? HTMLPage.time(first) + " UTC" : "\(HTMLPage.time(first)) → \(HTMLPage.time(last)) UTC")
        }
        let newEvents = history.changes.reduce(0) { $0 + $1.newKeyEvents.count }
        if newEvents > 0 { meta.append("\(newEvents) new key event\(newEvents == 1 ? "" : "s")") }
        out += "<p class=\"meta\">" + meta.joined(separator: " · ") + "</p>\n"
        if let url = history.url ?? history.versions.last?.url {
            out += "<p class=\"meta\">\(HTMLPage.link(url))</p>\n"
        }
        return out + "</header>\n"
    }

    static func timeline(_ history: History) -> String {
        var changesByVersion: [Int: Change] = [:]
        for change in history.changes {
            if let number = change.version { changesByVersion[number] = change }
        }
        var out = "<nav class=\"timeline\" aria-label=\"Versions\">\n<h2>Timeline</h2>\n<ol>\n"
        for version in history.versions.reversed() {
            out += "<li class=\"version\">"
            if let change = changesByVersion[version.number] {
                out += "<a class=\"v\" href=\"#\(change.id)\">Version \(version.number)</a>"
                out += HTMLPage.time(version.capturedAt)
                out += counts(change.summary)
                if !change.newKeyEvents.isEmpty {
                    out += "<ul class=\"ke\">"
                    for title in change.newKeyEvents { out += "<li>\(HTMLEscape.text(title))</li>" }
                    out += "</ul>"
                }
                if !change.notes.isEmpty { out += "<div class=\"note\">" + change.notes.joined(separator: ", ") + "</div>" }
            } else {
                out += "<span class=\"v\">Version \(version.number)</span>" + HTMLPage.time(version.capturedAt)
                out += "<span class=\"note\">" + (version.number == 1 ? "first version" : "no diff") + "</span>"
            }
            out += "</li>\n"
        }
        return out + "</ol>\n</nav>\n"
    }

    static func counts(_ summary: ChangeSummary) -> String {
        " <span class=\"c add\">+\(summary.added)</span><span class=\"c del\">−\(summary.removed)</span>"
            + "<span class=\"c edit\">~\(summary.edited)</span><span class=\"c move\">&gt;\(summary.moved)</span>"
    }
}
