import Foundation
import RedlineModel

/// What redline keeps beside each version so that history questions read one small file per
/// version instead of diffing the whole history again: the version's key events and, for its
/// headline, standfirst and byline, the versions each first appeared and last changed in
/// (`redline.json`), and the same for each of its blocks, in diff order (`origins.txt`).
///
///     redline.json  {"fields": "title=1:3 byline=1:1", "keyEvents": [{"id": "block-1", "time": null,
///                    "title": "Talks end"}], "schemaVersion": 1}
///     origins.txt   1:1 1:3 3:3
///
/// The block origins change with nearly every version and the rest seldom, so they are a file of
/// their own: consecutive versions with the same key events and fields share `redline.json`, and
/// `events` reads it only when it changed. (Versions stored before kept the origins in
/// `redline.json` as `"origins"`; they are read from there.)
struct VersionIndex: Codable, Equatable {
    static let fileName = "redline.json"
    static let originsFileName = "origins.txt"

    var schemaVersion = 1
    var keyEvents: [KeyEvent]
    var fields: String?
    /// The block origins of a version stored before they had a file of their own.
    var origins: String?

    init(keyEvents: [KeyEvent], fieldOrigins: [FieldChange.Field: BlockOrigin]?) {
        self.keyEvents = keyEvents
        fields = fieldOrigins.map { origins in
            FieldChange.Field.ofTheArticle.compactMap { field in origins[field].map { "\(field.rawValue)=" + Self.text($0) } }
                .joined(separator: " ")
        }
    }

    /// `origins` as `origins.txt` holds them.
    static func originsData(_ origins: [BlockOrigin]) -> Data {
        Data((origins.map(text).joined(separator: " ") + "\n").utf8)
    }

    private static func text(_ origin: BlockOrigin) -> String {
        "\(origin.firstVersion):\(origin.lastChangedVersion)"
    }

    /// The origins of the headline, standfirst and byline; nil when not kept or malformed.
    var fieldOrigins: [FieldChange.Field: BlockOrigin]? {
        guard let fields else { return nil }
        var result: [FieldChange.Field: BlockOrigin] = [:]
        for item in fields.split(separator: " ") {
            let parts = item.split(separator: "=")
            guard parts.count == 2, let field = FieldChange.Field(rawValue: String(parts[0])),
                  let origin = Self.origins(parts[1])?.first else { return nil }
            result[field] = origin
        }
        return result
    }

    /// Block origins as written (`1:1 1:3 3:3`); nil when malformed.
    static func origins(_ text: some StringProtocol) -> [BlockOrigin]? {
        var result: [BlockOrigin] = []
        for pair in text.utf8.split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") }) {
            let parts = pair.split(separator: UInt8(ascii: ":"))
            guard parts.count == 2, let first = Int(String(decoding: parts[0], as: UTF8.self)),
                  let last = Int(String(decoding: parts[1], as: UTF8.self)) else { return nil }
            result.append(BlockOrigin(firstVersion: first, lastChangedVersion: last))
        }
        return result
    }

    var data: Data { StoredVersion.json(self) }
}
