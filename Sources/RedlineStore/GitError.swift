import Foundation
internal import CLibGit2

/// A libgit2 call that failed: the C function, its return code and libgit2's own message.
public struct GitError: Error, Sendable, CustomStringConvertible {
    /// The libgit2 function that failed.
    public var function: String
    /// Its return code (`GIT_ENOTFOUND`, `GIT_EMODIFIED`, …).
    public var code: Int32
    /// libgit2's message for the failure.
    public var message: String
    /// The operating system's `errno` when the failure was the system's (a full disk, too many
    /// open files, a permission, a directory that went away), nil when it was libgit2's own (a
    /// corrupt object, a missing reference).
    public var systemError: Int32?

    public var description: String { "\(function) failed: \(message)" }

    var isNotFound: Bool { code == GIT_ENOTFOUND.rawValue }
    /// True when a pack's write was stopped by Ctrl-C or SIGTERM (``PackingStop``).
    var isPackingStopped: Bool { function == "git_packbuilder_write" && code == GIT_EUSER.rawValue }
    var isConflict: Bool {
        code == GIT_EMODIFIED.rawValue || code == GIT_EEXISTS.rawValue || code == GIT_ELOCKED.rawValue
    }
}

/// Loads and starts libgit2 once per process, with fsync of the git directory on, so that a
/// crash never leaves a ref pointing at an object that is not on disk, and at most 8 pack files
/// mapped at once, so that a long `watch` lets go of the packs its own packing replaced (libgit2
/// keeps a pack it has read open, deleted or not, until the limit closes it). Throws when libgit2
/// cannot be loaded (it is loaded at run time: see `Sources/CLibGit2/libgit2.c`).
func startLibgit2() throws(GitError) {
    if let failure = libgit2Failure {
        // Refused by the system (too many open files): said as the system's failure, not as a
        // library to install. (The loader says why in its message; its errno is not kept.)
        if let code = [ENFILE, EMFILE, ENOMEM].first(where: { failure.hasSuffix(String(cString: strerror($0))) }) {
            throw GitError(function: "dlopen", code: -1, message: "libgit2 could not be loaded (\(failure))", systemError: code)
        }
        throw GitError(function: "dlopen", code: -1, message: "libgit2 could not be loaded (\(failure)); install it with scripts/setup.sh")
    }
}

/// Why libgit2 could not be loaded and started, nil once it is.
private let libgit2Failure: String? = {
    if let failure = redline_git_load() { return String(cString: failure) }
    git_libgit2_init()
    _ = redline_git_enable_fsync(1)
    _ = redline_git_limit_mapped_packs(8)
    return nil
}()

/// Runs one libgit2 call and turns a negative return into a ``GitError`` naming `function`.
/// Read the error right after the call: nothing may run between the two.
///
/// libgit2 reports a failure of the system as its message followed by `strerror(errno)`
/// (`failed to rename lockfile to '…': No such file or directory`); that `errno` is kept in
/// ``GitError/systemError``. A failure with no message at all (libgit2 1.5.1 sets none when a
/// full disk fails a loose object's write) keeps the `errno` the call left.
@discardableResult
func git(_ function: String, _ code: Int32) throws(GitError) -> Int32 {
    let leftErrno = errno
    guard code < 0 else { return code }
    defer { git_error_clear() }   // a later failure that sets no message must not show this one
    guard let last = git_error_last(), let text = last.pointee.message else {
        return try fail(GitError(function: function, code: code, message: leftErrno != 0 ? String(cString: strerror(leftErrno)) : "error \(code)",
                                 systemError: leftErrno != 0 ? leftErrno : nil))
    }
    let message = String(cString: text).trimmingCharacters(in: .whitespacesAndNewlines)
    let system = last.pointee.klass == Int32(GIT_ERROR_OS.rawValue) ? (errnoNamed(atTheEndOf: message) ?? leftErrno) : nil
    return try fail(GitError(function: function, code: code, message: message, systemError: system == 0 ? nil : system))
}

private func fail(_ error: GitError) throws(GitError) -> Int32 { throw error }

/// The `errno` whose `strerror` text ends `message` (`…: Too many open files` → `EMFILE`).
private func errnoNamed(atTheEndOf message: String) -> Int32? {
    (1..<134).first { message.hasSuffix(": " + String(cString: strerror($0))) }
}
