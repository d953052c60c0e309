import Foundation
import RedlineModel

/// What redline keeps beside each version (`redline.json`) so that history questions read one
/// small file per version instead of diffing the whole history again: the version's key events
/// and, for each of its blocks in diff order, the versions it first appeared and last changed in.
///
///     {"schemaVersion": 1, "keyEvents": [{"id": "block-1", "time": null, "title": "Talks end"}],
///      "origins": [[1, 1], [1, 3], [3, 3]]}
struct VersionIndex: Codable, Equatable {
    static let fileName = "redline.json"

    var schemaVersion = 1
    var keyEvents: [KeyEvent]
    var origins: [[Int]]

    init(keyEvents: [KeyEvent], origins: [BlockOrigin]) {
        self.keyEvents = keyEvents
        self.origins = origins.map { [$0.firstVersion, $0.lastChangedVersion] }
    }

    /// The block origins; nil when the file is malformed.
    var blockOrigins: [BlockOrigin]? {
        var result: [BlockOrigin] = []
        for pair in origins {
            guard pair.count == 2 else { return nil }
            result.append(BlockOrigin(firstVersion: pair[0], lastChangedVersion: pair[1]))
        }
        return result
    }

    var data: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data()
    }
}
