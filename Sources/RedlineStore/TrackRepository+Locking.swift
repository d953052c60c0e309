import Foundation
import RedlineModel

/// The locking rule, in full in docs/RELIABILITY.md ("Locking"):
///
///     redline/locks/SLUG.lock    redline's lock of an article: flock(2), held by a writer from
///                                reading the newest version to reading back the moved branch;
///                                the kernel drops it when the writer dies, so it is never stale
///     refs/heads/articles/SLUG.lock
///                                libgit2's (and git's) lock of the branch, held for the moment
///                                of the update; only a process killed in that moment leaves it
///
/// A writer waits for the article's lock as long as its holder lives, however stalled. Holding it
/// proves that no live redline is inside libgit2's update of the branch, so the branch's own lock
/// file, when one is in the way, is a git command's (held for milliseconds) or a dead writer's:
/// it is waited for, and removed only once older than the stale-lock age.
extension TrackRepository {
    /// Takes `slug`'s article lock, waiting for another writer until `deadline`.
    func lockArticle(_ slug: Slug, until deadline: Date) throws -> FileLock {
        let folder = "\(path)/redline/locks"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            let code = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError)?.code
            throw StoreError.system(path: path, detail: "mkdir \(folder)", errno: code.map { Int32($0) } ?? EIO)
        }
        do {
            guard let lock = try FileLock.acquire("\(folder)/\(slug.value).lock", until: deadline) else {
                throw StoreError.busy(slug: slug.value, seconds: Self.lockTimeout)
            }
            return lock
        } catch let failure as SystemFailure {
            throw StoreError.system(path: path, detail: failure.operation, errno: failure.errno)
        }
    }

    /// libgit2's lock file of the branch `reference`.
    func refLockPath(_ reference: String) -> String { "\(path)/\(reference).lock" }

    /// Removes the branch's lock file when it is older than ``staleLockAge``. Call it only while
    /// holding the article's lock: then no live redline holds the branch's.
    func removeRefLockIfStale(_ reference: String) -> Bool {
        let lockPath = refLockPath(reference)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: lockPath),
              let modified = attributes[.modificationDate] as? Date,
              Date().timeIntervalSince(modified) > Self.staleLockAge else { return false }
        return (try? FileManager.default.removeItem(atPath: lockPath)) != nil
    }

    /// How long a capture waits for an article another writer holds: `REDLINE_LOCK_TIMEOUT`
    /// seconds, 60 by default.
    static var lockTimeout: Double { seconds("REDLINE_LOCK_TIMEOUT") ?? 60 }

    /// How old a branch's lock file must be before a writer holding the article removes it:
    /// `REDLINE_STALE_LOCK_AGE` seconds, 10 by default. git holds it for milliseconds.
    static var staleLockAge: Double { seconds("REDLINE_STALE_LOCK_AGE") ?? 10 }

    private static func seconds(_ variable: String) -> Double? {
        ProcessInfo.processInfo.environment[variable].flatMap(Double.init).flatMap { $0 > 0 ? $0 : nil }
    }
}
