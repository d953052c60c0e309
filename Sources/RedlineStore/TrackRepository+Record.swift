import Foundation
import RedlineModel

/// What became of a capture.
public enum RecordOutcome: Sendable, Hashable {
    /// Stored as a new version.
    case recorded(Version)
    /// Equal to the newest version, which it names; nothing was stored.
    case unchanged(Version)
}

extension TrackRepository {
    /// Stores a new version of `slug` on top of the newest one.
    ///
    /// `prepare` is shown the newest version (nil for the first) and returns what to store, or nil
    /// when the capture equals it. The branch moves by compare-and-swap: when another writer moved
    /// it first, `prepare` runs again against the new newest version, so concurrent captures are
    /// all kept, one after the other, numbered without gaps.
    public func record(
        _ slug: Slug, capturedAt: Date, url: String?,
        prepare: (Version?) throws -> StoredVersion?
    ) throws -> RecordOutcome {
        try ensureWritable()
        let reference = Self.reference(for: slug)
        let lockPath = "\(path)/\(reference).lock"
        let deadline = Date().addingTimeInterval(Self.lockTimeout)
        var attempt = 0
        while true {
            let tip = try git.target(ofReference: reference)
            let previous = try tip.map { try version(atTip: $0, of: slug) }
            guard let pending = try prepare(previous) else {
                guard let previous else { throw StoreError.damaged(path: path, detail: "nothing to store for a first version") }
                return .unchanged(previous)
            }
            let number = (previous?.number ?? 0) + 1
            let message = CommitMessage(subject: pending.subject, url: url, capturedAt: capturedAt, version: number,
                                        changes: pending.changes)
            do {
                let commit = try writeCommit(pending.files, message: message, parent: tip, time: capturedAt)
                try git.updateReference(reference, to: commit, expecting: tip, message: "redline: version \(number)")
                return .recorded(Version(number: number, commit: commit, capturedAt: capturedAt, url: url,
                                         subject: pending.subject, changes: pending.changes))
            } catch let error as GitError where error.isConflict {
                attempt += 1
                if Self.removeIfStale(lockPath) { continue }
                if Date() > deadline {
                    throw StoreError.locked(reference: reference, path: lockPath)
                }
                // Another writer is moving the branch: let it finish, then try on top of its version.
                usleep(UInt32.random(in: 200...2_000) * UInt32(min(attempt, 10)))
            } catch let error as GitError {
                try ensureWritable()
                throw StoreError.damaged(path: path, detail: error.description)
            }
        }
    }

    private func writeCommit(_ files: [String: Data], message: CommitMessage, parent: String?, time: Date) throws -> String {
        let entries = try files.sorted { $0.key < $1.key }.map { (name: $0.key, blob: try git.writeBlob($0.value)) }
        let tree = try git.writeTree(entries)
        return try git.writeCommit(tree: tree, parent: parent, message: message.text,
                                   name: "redline", email: "redline@localhost", time: time)
    }

    /// How long a capture waits for a branch another writer holds: `REDLINE_LOCK_TIMEOUT`
    /// seconds, 60 by default.
    static var lockTimeout: Double {
        ProcessInfo.processInfo.environment["REDLINE_LOCK_TIMEOUT"].flatMap(Double.init).flatMap { $0 > 0 ? $0 : nil } ?? 60
    }

    /// How old a branch's lock file must be to count as stale: `REDLINE_STALE_LOCK_AGE` seconds,
    /// 10 by default.
    static var staleLockAge: Double {
        ProcessInfo.processInfo.environment["REDLINE_STALE_LOCK_AGE"].flatMap(Double.init).flatMap { $0 > 0 ? $0 : nil } ?? 10
    }

    /// Removes a branch's lock file left by a writer that died holding it. A writer holds the lock
    /// for the moment it takes to write 41 bytes, so a lock older than ``staleLockAge`` is stale.
    static func removeIfStale(_ lockPath: String) -> Bool {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: lockPath),
              let modified = attributes[.modificationDate] as? Date,
              Date().timeIntervalSince(modified) > staleLockAge else { return false }
        return (try? FileManager.default.removeItem(atPath: lockPath)) != nil
    }

    /// Throws ``StoreError/readOnly(path:)`` unless the places a capture writes are writable.
    func ensureWritable() throws {
        for place in [path, "\(path)/objects", "\(path)/refs", "\(path)/refs/heads"]
        where FileManager.default.fileExists(atPath: place) && !Self.isWritable(place) {
            throw StoreError.readOnly(path: path)
        }
    }
}
