import Foundation
import RedlineModel

/// What redline keeps beside each version (`redline.json`) so that history questions read one
/// small file per version instead of diffing the whole history again: the version's key events
/// and, for each of its blocks in diff order, the versions it first appeared and last changed in.
///
///     {"keyEvents": [{"id": "block-1", "time": null, "title": "Talks end"}],
///      "origins": "1:1 1:3 3:3", "fields": "title=1:3 byline=1:1", "schemaVersion": 1}
///
/// The origins are one string (first:last per block, in order) rather than an array of pairs:
/// `events` and `blame` read this file for every version, and one string decodes far faster.
/// `fields` holds the same for the headline, standfirst and byline (absent in versions stored
/// before it was kept).
struct VersionIndex: Codable, Equatable {
    static let fileName = "redline.json"

    var schemaVersion = 1
    var keyEvents: [KeyEvent]
    var origins: String
    var fields: String?

    init(keyEvents: [KeyEvent], origins: [BlockOrigin], fieldOrigins: [FieldChange.Field: BlockOrigin]?) {
        self.keyEvents = keyEvents
        self.origins = origins.map(Self.text).joined(separator: " ")
        fields = fieldOrigins.map { origins in
            FieldChange.Field.ofTheArticle.compactMap { field in origins[field].map { "\(field.rawValue)=" + Self.text($0) } }
                .joined(separator: " ")
        }
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

    /// The block origins; nil when the field is malformed.
    var blockOrigins: [BlockOrigin]? {
        Self.origins(origins)
    }

    private static func origins(_ text: some StringProtocol) -> [BlockOrigin]? {
        var result: [BlockOrigin] = []
        for pair in text.utf8.split(separator: UInt8(ascii: " ")) {
            let parts = pair.split(separator: UInt8(ascii: ":"))
            guard parts.count == 2, let first = Int(String(decoding: parts[0], as: UTF8.self)),
                  let last = Int(String(decoding: parts[1], as: UTF8.self)) else { return nil }
            result.append(BlockOrigin(firstVersion: first, lastChangedVersion: last))
        }
        return result
    }

    var data: Data { StoredVersion.json(self) }
}
