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
        }.map { TerminalText.escape($0) }.joined(separator: "\n") + (items.isEmpty ? "" : "\n")
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character) -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
