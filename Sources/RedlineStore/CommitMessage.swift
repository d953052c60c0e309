import Foundation
import RedlineModel

/// The message of a version's commit: a one-line summary, a blank line, then trailers.
///
///     Version 3: +2 -0 ~1 >0, 1 new key event
///
///     Redline-URL: https://example.com/live
///     Redline-Captured-At: 2025-04-23T16:00:00Z
///     Redline-Version: 3
///     Redline-Changes: added=2 removed=0 edited=1 moved=0 unchanged=40 keyEventsAdded=1 …
///     Redline-Extractor: 2
///     Redline-Charset: ISO-8859-1                   (only when the server declared one)
///     Redline-Final-URL: https://example.com/live/2 (only when redirects led elsewhere)
///     Redline-Select: #liveblog-body                (only for a configured `select`)
///     Redline-Ignore: ["^Updated at "]              (only for configured `ignore` patterns, a JSON array)
struct CommitMessage: Equatable {
    var subject: String
    var url: String?
    var capturedAt: Date
    var version: Int
    var changes: ChangeSummary?
    /// The extractor that extracted the stored article.
    var extractor: String?
    /// The charset the server declared for the source, which its re-extraction needs.
    var charset: String?
    /// Where redirects led from `url`, when they did.
    var finalURL: String?
    /// The selector the source was narrowed to before extraction.
    var select: String?
    /// The patterns whose text extraction dropped.
    var ignore: [String] = []

    /// The message text as stored.
    var text: String {
        var lines = [subject.replacingOccurrences(of: "\n", with: " "), ""]
        lines.append("Redline-URL: \(url.map(Self.oneLine) ?? "none")")
        lines.append("Redline-Captured-At: \(Timestamp.format(capturedAt))")
        lines.append("Redline-Version: \(version)")
        if let changes { lines.append("Redline-Changes: \(changes.trailerValue)") }
        if let extractor, !extractor.isEmpty { lines.append("Redline-Extractor: \(Self.oneLine(extractor))") }
        if let charset { lines.append("Redline-Charset: \(Self.oneLine(charset))") }
        if let finalURL { lines.append("Redline-Final-URL: \(Self.oneLine(finalURL))") }
        if let select { lines.append("Redline-Select: \(Self.oneLine(select))") }
        if !ignore.isEmpty, let json = try? JSONEncoder().encode(ignore) {
            lines.append("Redline-Ignore: \(String(decoding: json, as: UTF8.self))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads a stored message; `fallbackTime` stands in for a missing capture time.
    init(parsing text: String, fallbackTime: Date) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        subject = lines.first.map(String.init) ?? ""
        var trailers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon]
            guard key.hasPrefix("Redline-") else { continue }
            trailers[String(key)] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        url = trailers["Redline-URL"].flatMap { $0 == "none" || $0.isEmpty ? nil : $0 }
        capturedAt = trailers["Redline-Captured-At"].flatMap(Timestamp.parse) ?? fallbackTime
        version = trailers["Redline-Version"].flatMap { Int($0) } ?? 0
        changes = trailers["Redline-Changes"].flatMap(ChangeSummary.init(trailerValue:))
        extractor = trailers["Redline-Extractor"].flatMap { $0.isEmpty ? nil : $0 }
        charset = trailers["Redline-Charset"].flatMap { $0.isEmpty ? nil : $0 }
        finalURL = trailers["Redline-Final-URL"].flatMap { $0.isEmpty ? nil : $0 }
        select = trailers["Redline-Select"].flatMap { $0.isEmpty ? nil : $0 }
        ignore = trailers["Redline-Ignore"].flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) } ?? []
    }

    init(subject: String, url: String?, capturedAt: Date, version: Int, changes: ChangeSummary?, extractor: String?) {
        self.subject = subject
        self.url = url
        self.capturedAt = capturedAt
        self.version = version
        self.changes = changes
        self.extractor = extractor
    }

    private static func oneLine(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
    }
}
