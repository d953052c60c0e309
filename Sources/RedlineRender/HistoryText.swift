import RedlineText
import Foundation
import RedlineModel

/// `redline log` and `redline articles` as plain text, one line per version or article.
public enum HistoryText {
    /// Versions newest first: number, capture time, short commit, counts of the change.
    ///
    ///     2  2025-04-23T16:00:00Z  7c9f875  +21 -9 ~0 >0
    ///     1  2025-04-23T08:00:00Z  25ca672  first version, 14 blocks
    public static func log(_ versions: [Version]) -> String {
        let width = String(versions.first?.number ?? 0).count
        return versions.map { version in
            let number = String(version.number).leftPadded(to: width, with: " ")
            let counts = version.number == 1 ? "first version" : version.changes?.line ?? "(counts not recorded)"
            return "\(number)  \(Timestamp.format(version.capturedAt))  \(version.commit.prefix(7))  \(counts)"
        }.map { TerminalText.escape($0) }.joined(separator: "\n") + (versions.isEmpty ? "" : "\n")
    }

    /// Articles by slug: version count and last capture time.
    public static func articles(_ items: [(slug: String, versions: Int, last: Date, url: String?)]) -> String {
        items.map { item in
            "\(item.slug)  \(item.versions) version\(item.versions == 1 ? "" : "s")  last \(Timestamp.format(item.last))"
                + (item.url.map { "  \($0)" } ?? "")
        }.map { TerminalText.escape($0) }.joined(separator: "\n") + (items.isEmpty ? noArticles : "\n")
    }

    /// What `articles` says of a track repository that holds none (`events` says the same of key events).
    static let noArticles = "No articles in this track repository yet.\n"
}

extension HistoryText {
    /// The articles stored beside those configured, one line each:
    ///
    ///     cork-live     3 versions  last 2025-04-23T16:00:00Z  https://example.com/live/cork  configured
    ///     derry-live    never captured  https://example.com/live/derry  configured
    ///     old-story     1 version  last 2025-01-02T09:00:00Z  https://example.com/old  not configured
    public static func articles(_ items: [(slug: String, versions: Int?, last: Date?, url: String?, configured: Bool)]) -> String {
        let width = items.map(\.slug.count).max() ?? 0
        return items.map { item in
            var line = item.slug.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
            if let versions = item.versions, let last = item.last {
                line += "\(versions) version\(versions == 1 ? "" : "s")  last \(Timestamp.format(last))"
            } else {
                line += "never captured"
            }
            line += (item.url.map { "  \($0)" } ?? "") + (item.configured ? "  configured" : "  not configured")
            return TerminalText.escape(line)
        }.joined(separator: "\n") + (items.isEmpty ? noArticles : "\n")
    }
}

extension HistoryText {
    /// Key events in the order given (`Tracker.events`: newest first), with when each appeared,
    /// was retitled, was dropped and came back.
    ///
    ///     v3  2025-04-23T16:00:00Z  Talks end without agreement
    ///     v1  2025-04-23T08:00:00Z  Talks begin in London
    ///           retitled in v2 (2025-04-23T12:00:00Z), was: Talks begin
    ///           dropped in v3 (2025-04-23T16:00:00Z)
    ///     v1  2025-04-23T08:00:00Z  Polls open
    ///           dropped in v2 (2025-04-23T12:00:00Z), listed again in v3 (2025-04-23T16:00:00Z)
    public static func events(_ records: [KeyEventRecord]) -> String {
        var lines: [String] = []
        for record in records {
            var head = "v\(record.firstVersion)  \(Timestamp.format(record.firstSeenAt))  "
            if let time = record.time { head += "[\(Timestamp.format(time))] " }
            lines.append(head + record.title)
            for retitle in record.retitles {
                lines.append("      retitled in v\(retitle.version) (\(Timestamp.format(retitle.at))), was: \(retitle.oldTitle)")
            }
            for back in record.returns {
                lines.append("      dropped in v\(back.droppedVersion) (\(Timestamp.format(back.droppedAt))), " +
                             "listed again in v\(back.version) (\(Timestamp.format(back.at)))")
            }
            if let dropped = record.droppedVersion {
                lines.append("      dropped in v\(dropped)" + (record.droppedAt.map { " (\(Timestamp.format($0)))" } ?? ""))
            }
        }
        if lines.isEmpty { return "No key events in any version.\n" }
        return lines.map { TerminalText.escape($0) }.joined(separator: "\n") + "\n"
    }

    /// The headline, standfirst and byline of a version, then each block, beside the version it
    /// first appeared in and the one it last changed in.
    ///
    ///     v1   v2   [headline] Russia-Ukraine war live: talks in London
    ///     v1   v1   [0] World
    ///     v1   v3   [1] Ukraine’s priority seems to still be a 30-day ceasefire …
    public static func blame(fields: [(field: FieldChange.Field, text: String, origin: BlockOrigin)] = [],
                             _ items: [(block: PositionedBlock, origin: BlockOrigin)], width: Int = 100) -> String {
        let latest = max(items.map(\.origin.lastChangedVersion).max() ?? 1, fields.map(\.origin.lastChangedVersion).max() ?? 1)
        let column = max(2, String(latest).count + 1)
        func line(_ origin: BlockOrigin, _ label: String, _ text: String) -> String {
            let first = "v\(origin.firstVersion)".padding(toLength: column + 1, withPad: " ", startingAt: 0)
            let last = "v\(origin.lastChangedVersion)".padding(toLength: column + 1, withPad: " ", startingAt: 0)
            let text = text.count > width ? String(text.prefix(width - 1)) + "…" : text
            return TerminalText.escape("\(first) \(last) [\(label)] \(text)")
        }
        let lines = fields.map { line($0.origin, $0.field.label, $0.text) }
            + items.map { line($0.origin, String($0.block.position), $0.block.block.text) }
        return lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")
    }
}
