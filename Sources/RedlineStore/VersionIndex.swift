import Foundation
import RedlineModel

/// What redline keeps beside each version (`redline.json`) so that history questions read one
/// small file per version instead of diffing the whole history again: the version's key events
/// and, for each of its blocks in diff order, the versions it first appeared and last changed in.
///
///     {"keyEvents": [{"id": "block-1", "time": null, "title": "Talks end"}],
///      "origins": "1:1 1:3 3:3", "schemaVersion": 1}
///
/// The origins are one string (first:last per block, in order) rather than an array of pairs:
/// `events` and `blame` read this file for every version, and one string decodes far faster.
struct VersionIndex: Codable, Equatable {
    static let fileName = "redline.json"

    var schemaVersion = 1
    var keyEvents: [KeyEvent]
    var origins: String

    init(keyEvents: [KeyEvent], origins: [BlockOrigin]) {
        self.keyEvents = keyEvents
        self.origins = origins.map { "\($0.firstVersion):\($0.lastChangedVersion)" }.joined(separator: " ")
    }

    /// The block origins; nil when the field is malformed.
    var blockOrigins: [BlockOrigin]? {
        var result: [BlockOrigin] = []
        for pair in origins.utf8.split(separator: UInt8(ascii: " ")) {
            let parts = pair.split(separator: UInt8(ascii: ":"))
            guard parts.count == 2, let first = Int(String(decoding: parts[0], as: UTF8.self)),
                  let last = Int(String(decoding: parts[1], as: UTF8.self)) else { return nil }
            result.append(BlockOrigin(firstVersion: first, lastChangedVersion: last))
        }
        return result
    }

    var data: Data { StoredVersion.json(self) }
}
