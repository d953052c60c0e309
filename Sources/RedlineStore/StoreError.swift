import Foundation
import RedlineModel

/// Why the store could not do what was asked; each says what to do about it.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case noRepository(path: String)
    case notADirectory(path: String)
    /// A folder that is no git repository; `isEmpty` when `redline init` can make one there.
    case notARepository(path: String, isEmpty: Bool)
    /// A git work tree (a folder holding `.git`): a track repository is a bare one of its own.
    case workTree(path: String)
    case readOnly(path: String)
    /// No repository can be made at `path`: `folder`, the nearest above it that exists, cannot be written.
    case cannotCreate(path: String, folder: String)
    case unknownArticle(slug: String)
    case unknownRevision(String, slug: String, reason: String)
    /// libgit2's lock file of a branch stayed in place (a git command holding it, or one left by
    /// a writer killed while it held it and younger than the stale-lock age).
    case locked(reference: String, path: String)
    /// Another redline kept writing the article for all of `seconds`.
    case busy(slug: String, seconds: Double)
    /// The branch was moved by another program right after this capture's version was written.
    case moved(reference: String, written: String, found: String?)
    /// The article's branch is a symbolic reference to another (made by hand), not a branch of its own.
    case symbolicBranch(reference: String, target: String)
    /// A capture time a commit cannot hold.
    case timeOutOfRange(Date)
    /// A capture older than the article's newest version (`newest`, captured at `newestAt`):
    /// versions are kept in time order.
    case olderThanNewest(slug: String, capturedAt: Date, newest: Int, newestAt: Date)
    /// The operating system refused: `errno` says why (a full disk, too many open files, a
    /// permission); `detail` says what was being done.
    case system(path: String, detail: String, errno: Int32)
    case damaged(path: String, detail: String)
    /// Ctrl-C or SIGTERM stopped a packing before its pack was written (``PackingStop``).
    case packingStopped

    /// What ``packingStopped`` says: a `StaticString`, computed, so that a signal handler can
    /// write it (nothing to allocate or initialise).
    public static var packingStoppedMessage: StaticString {
        "stopped while packing; nothing was packed; run 'redline gc' again to pack the repository"
    }

    public var description: String {
        switch self {
        case .noRepository(let path):
            "no track repository at \(path); create one with 'redline init' or name another with --repo"
        case .notADirectory(let path):
            "\(path) is a file, not a track repository; name a directory with --repo"
        case .notARepository(let path, isEmpty: true):
            "\(path) is not a git repository (an empty folder); run 'redline init --repo \(path)' to make it one, or name another with --repo"
        case .workTree(let path):
            "\(path) is a git work tree; a track repository is a bare repository of its own: name a new or empty folder with --repo"
        case .notARepository(let path, isEmpty: false):
            "\(path) is not a git repository and is not empty, so no track repository can be made there; "
                + "name another with --repo (a new or empty folder for 'redline init')"
        case .readOnly(let path):
            "the track repository at \(path) is read-only; nothing was written (make it writable, or capture into another with --repo)"
        case .cannotCreate(let path, let folder):
            "no track repository can be made at \(path): \(folder) cannot be written to; nothing was written (name another with --repo)"
        case .unknownArticle(let slug):
            "no article named '\(slug)' in this track repository (nothing was captured under that name); 'redline articles' lists them"
        case .unknownRevision(let text, let slug, let reason):
            "unknown revision '\(text)' for '\(slug)': \(reason); 'redline log \(slug)' lists its versions"
        case .locked(let reference, let path):
            "\(reference) stayed locked by another writer; nothing was stored; if no redline or git is running, remove \(path)"
        case .busy(let slug, let seconds):
            "'\(slug)' stayed locked by another writer (another redline storing it) for \(Int(seconds)) s; nothing was stored; "
                + "wait longer with REDLINE_LOCK_TIMEOUT"
        case .moved(let reference, let written, let found):
            "\(reference) was moved by another program right after this capture was written as \(written.prefix(7)) "
                + "(it now points at \(found.map { String($0.prefix(7)) } ?? "nothing")); check the history with 'redline log'"
        case .symbolicBranch(let reference, let target):
            "\(reference) is a symbolic reference to \(target), not a branch of its own; nothing was stored; capture into the "
                + "article it names, or make it a branch again with 'git update-ref --no-deref \(reference) \(target)'"
        case .timeOutOfRange(let date):
            "the capture time \(Self.format(date)) cannot be stored: a commit holds times from 1970-01-01T00:00:00Z "
                + "to 9999-12-31T23:59:59Z; give --at within them"
        case .olderThanNewest(let slug, let time, let newest, let newestAt):
            "'\(slug)' was captured at \(Self.format(time)), before its newest version \(newest) (\(Self.format(newestAt))); "
                + "nothing was stored, as versions are kept in time order; give --at a time no earlier than that version's"
        case .system(let path, let detail, let code):
            Self.describe(errno: code, path: path, detail: detail)
        case .damaged(let path, let detail):
            "the track repository at \(path) could not be read: \(detail); run 'git --git-dir \(path) fsck' to find the damage"
        case .packingStopped:
            "\(Self.packingStoppedMessage)"
        }
    }

    /// True for a failure that may pass by itself (a lock, a full disk, a directory removed by
    /// `git gc`): a watcher reports it and polls again.
    public var isTransient: Bool {
        switch self {
        case .locked, .busy: true
        case .system(_, _, let code): [ENOENT, ENOSPC, EDQUOT, EMFILE, ENFILE, EAGAIN, EINTR, EIO].contains(code)
        default: false
        }
    }

    /// True for a capture refused for what it is, not for a failure of the store: a watcher
    /// reports it and polls again (its next capture, taken now, is stored once the clock passes
    /// a newest version captured in the future).
    public var isRefusal: Bool {
        if case .olderThanNewest = self { true } else { false }
    }

    private static func describe(errno code: Int32, path: String, detail: String) -> String {
        let text = String(cString: strerror(code))
        let what = (detail.hasSuffix(text) ? detail : "\(detail): \(text)") + " (errno \(code))"
        switch code {
        case ENOSPC, EDQUOT:
            return "the disk holding the track repository at \(path) is full: \(what); nothing was stored; free some space and try again"
        case EMFILE, ENFILE:
            return "too many open files: \(what); raise the limit (ulimit -n) or close other programs and try again"
        case EACCES, EPERM:
            return "permission denied: \(what); check the owner and permissions of \(path) and the folders above it"
        case EROFS:
            return "the track repository at \(path) is on a read-only file system: \(what); nothing was written"
        case EIO:
            return "the disk holding the track repository at \(path) failed to read or write: \(what)"
        default:
            return "the system refused: \(what)"
        }
    }

    private static func format(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        guard abs(seconds) < 1e14 else { return "\(seconds) s after 1970" }
        return Timestamp.format(date)
    }
}

extension StoreError {
    /// The error to report for a libgit2 failure in the repository at `path`: the system's when
    /// the system refused, damage otherwise. libgit2 reads a loose object it may not open as one
    /// that is missing, so damage is reported only once the repository's folders prove readable.
    init(_ error: GitError, repository path: String) {
        if let code = error.systemError {
            self = .system(path: path, detail: error.description, errno: code)
            return
        }
        for place in [path, "\(path)/objects", "\(path)/refs"] where access(place, R_OK | X_OK) != 0 && errno == EACCES {
            self = .system(path: path, detail: "\(error.description) (\(place) cannot be read)", errno: EACCES)
            return
        }
        self = .damaged(path: path, detail: error.description)
    }
}
