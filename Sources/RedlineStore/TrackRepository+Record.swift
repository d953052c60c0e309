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
    /// when the capture equals it. The writer holds the article's lock (``lockArticle(_:until:)``)
    /// from reading the newest version to moving the branch, so concurrent captures are all
    /// kept, one after the other, numbered without gaps. The branch still moves by
    /// compare-and-swap, against a `git` command moving it meanwhile, and is read back after:
    /// a version is reported only once the branch is seen to hold it.
    ///
    /// Versions are kept in time order, checked under the same lock: a capture older than the
    /// newest version throws ``StoreError/olderThanNewest(slug:capturedAt:newest:newestAt:)``
    /// before `prepare` is asked, and nothing is stored; the same second is allowed. A capture
    /// whose time is not given (`capturedAt` nil) is stamped now, in whole seconds, once the lock
    /// is held, so captures taken "now" by writers waiting on each other stay in order.
    ///
    /// A failure that may pass (a folder `git gc` removed under a write, the ref's lock held for
    /// a moment by `git pack-refs`) is retried a few times before it is reported.
    ///
    /// Once a new version is stored and the article's lock let go, the store packs itself when
    /// its loose objects pass the threshold (``packIfNeeded()``); a packing that fails is handed
    /// to `packWarning`, and the version is reported stored all the same.
    public func record(
        _ slug: Slug, capturedAt given: Date?, url: String?, packWarning: (String) -> Void = { _ in },
        prepare: (Version?) throws -> StoredVersion?
    ) throws -> RecordOutcome {
        recentFiles.start()
        defer { recentFiles.forget() }
        packDamage = nil
        let outcome = try store(slug, capturedAt: given, url: url, prepare: prepare)
        if let damage = packDamage { packWarning(damage) }
        if case .recorded = outcome, let warning = packIfNeeded() { packWarning(warning) }
        return outcome
    }

    private func store(
        _ slug: Slug, capturedAt given: Date?, url: String?,
        prepare: (Version?) throws -> StoredVersion?
    ) throws -> RecordOutcome {
        if let given, !GitRepository.commitTimes.contains(given) { throw StoreError.timeOutOfRange(given) }
        // libgit2 is loaded only when a step needs it (the first version's branch made, a store
        // git has packed): a capture of an article redline packed reads and writes it alone.
        try ensureWritable()
        try? writeAttributes()   // once for a repository made before they were kept; never a reason not to capture
        let reference = Self.reference(for: slug)
        let deadline = Date().addingTimeInterval(Self.lockTimeout)
        let lock = try lockArticle(slug, until: deadline)
        defer { withExtendedLifetime(lock) {} }
        // Made by hand: libgit2 would refuse to move it as a conflict, tried again for a minute.
        if let target = git.files.symbolicTarget(reference) { throw StoreError.symbolicBranch(reference: reference, target: target) }
        var attempt = 0, failures = 0
        var keep: PackKeep?   // every try's packed capture, kept until the branch holds one (PackKeep)
        defer { withExtendedLifetime(keep) {} }
        while true {
            do {
                let tip = try git.target(ofReference: reference)
                let previous = try tip.map { try version(atTip: $0, of: slug) }
                let capturedAt = given ?? Timestamp.wholeSeconds(Date())
                if let previous, capturedAt.timeIntervalSince1970.rounded(.down) < previous.capturedAt.timeIntervalSince1970 {
                    throw StoreError.olderThanNewest(slug: slug.value, capturedAt: capturedAt, newest: previous.number,
                                                     newestAt: previous.capturedAt)
                }
                guard let pending = try prepare(previous) else {
                    guard let previous else { throw StoreError.damaged(path: path, detail: "nothing to store for a first version") }
                    return .unchanged(previous)
                }
                let number = (previous?.number ?? 0) + 1
                var message = CommitMessage(subject: pending.subject, url: url, capturedAt: capturedAt, version: number,
                                            changes: pending.changes, extractor: pending.extractor)
                message.charset = pending.charset
                message.finalURL = pending.finalURL
                message.select = pending.select
                message.ignore = pending.ignore
                let commit = try writeCommit(pending.files, message: message, parent: tip, time: capturedAt, keep: &keep)
                try git.updateReference(reference, to: commit, expecting: tip, message: "redline: version \(number)")
                let now = try git.target(ofReference: reference)
                guard now == commit else { throw StoreError.moved(reference: reference, written: commit, found: now) }
                var recorded = Version(number: number, commit: commit, capturedAt: capturedAt, url: url,
                                       subject: pending.subject, changes: pending.changes, extractor: pending.extractor)
                recorded.charset = pending.charset
                recorded.finalURL = pending.finalURL
                recorded.select = pending.select
                recorded.ignore = pending.ignore
                return .recorded(recorded)
            } catch let error as GitError where error.isConflict {
                // No other redline moves the branch while this one holds the article: the ref's
                // lock file is a git command's, held for a moment, or a killed writer's; or git
                // moved the branch, and `prepare` runs again on top of where it went.
                attempt += 1
                if removeRefLockIfStale(reference) { continue }
                if Date() > deadline { throw StoreError.locked(reference: reference, path: refLockPath(reference)) }
                usleep(UInt32.random(in: 200...2_000) * UInt32(min(attempt, 10)))
            } catch let error as GitError {
                failures += 1
                guard failures < Self.retries, error.mayPass else {
                    try ensureWritable()
                    throw StoreError(error, repository: path)
                }
                usleep(Self.retryPause(failures))
            } catch let error as StoreError {
                // A version read back unreadable (as damage) while git repacks under it.
                failures += 1
                guard failures < Self.retries, case .damaged = error else { throw error }
                usleep(Self.retryPause(failures))
            }
        }
    }

    /// Stores `files` as a tree and a commit of it on top of `parent`, straight into a pack
    /// when it can (``packCapture(_:keep:)``: then `keep` holds what keeps that pack safe
    /// until the branch moves), else loose; returns the commit's id.
    private func writeCommit(_ files: [String: Data], message: CommitMessage, parent: String?, time: Date,
                             keep: inout PackKeep?) throws -> String {
        let blobs = files.mapValues { GitObject(blob: $0) }
        let tree = GitObject(tree: blobs.map { (name: $0.key, blob: $0.value.id) })
        let commit = GitObject(commit: tree.id, parent: parent, message: message.text, name: "redline", email: "redline@localhost",
                               time: time)
        let objects = Array(blobs.values) + [tree, commit]
        if !writesCapturesLoose, packCapture(NewCapture(objects: objects, files: blobs.mapValues(\.id), parent: parent), keep: &keep) {
            return commit.id
        }
        for object in objects { try git.write(object) }
        for blob in blobs.values { recentFiles.remember(blob.id, blob.content) }
        return commit.id
    }

    /// How many times a capture tries a write that fails in a way that may pass.
    static let retries = 8

    /// Microseconds to wait before try `failures + 1`: 10 ms, doubling, at most 0.5 s.
    static func retryPause(_ failures: Int) -> UInt32 {
        UInt32(min(10_000 << min(failures - 1, 6), 500_000))
    }

    /// Throws ``StoreError/readOnly(path:)`` unless the places a capture writes are writable:
    /// asked before each capture, and by a watch before its first poll.
    public func ensureWritable() throws {
        for place in [path, "\(path)/objects", "\(path)/refs", "\(path)/refs/heads"]
        where FileManager.default.fileExists(atPath: place) && !Self.isWritable(place) {
            throw StoreError.readOnly(path: path)
        }
    }
}

extension GitError {
    /// True for a failure that may pass when tried again: the system's, other than a lasting
    /// refusal (a full disk, too many open files, a permission), or libgit2 finding something
    /// missing that `git repack` was moving. Corruption is tried again too, a bounded number
    /// of times, and then reported as it is.
    var mayPass: Bool {
        guard function != "dlopen" else { return false }   // libgit2 missing
        guard let code = systemError else { return true }
        return ![ENOSPC, EDQUOT, EMFILE, ENFILE, EACCES, EPERM, EROFS].contains(code)
    }
}
