import Foundation
import RedlineModel
import Synchronization

/// What this process stored last, so that the next capture of the same article (`watch` polls
/// one every minute) compares with it without reading and decoding it back from the store. It is
/// used only while the article's branch still points at that commit.
final class RecentVersion: Sendable {
    struct Stored {
        var commit: String
        var article: Article
        var origins: [BlockOrigin]
        var fieldOrigins: [FieldChange.Field: BlockOrigin]
    }

    private let stored = Mutex<Stored?>(nil)

    /// What was stored as `version`, when this process stored it last.
    func stored(as version: Version) -> Stored? {
        stored.withLock { $0?.commit == version.commit ? $0 : nil }
    }

    func remember(_ value: Stored) {
        stored.withLock { $0 = value }
    }
}
