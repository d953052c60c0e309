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

    public var description: String { "\(function) failed: \(message)" }

    var isNotFound: Bool { code == GIT_ENOTFOUND.rawValue }
    var isConflict: Bool {
        code == GIT_EMODIFIED.rawValue || code == GIT_EEXISTS.rawValue || code == GIT_ELOCKED.rawValue
    }
}

/// Loads and starts libgit2 once per process, with fsync of the git directory on, so that a
/// crash never leaves a ref pointing at an object that is not on disk. Throws when libgit2
/// cannot be loaded (it is loaded at run time: see `Sources/CLibGit2/libgit2.c`).
func startLibgit2() throws(GitError) {
    if let failure = libgit2Failure {
        throw GitError(function: "dlopen", code: -1, message: "libgit2 could not be loaded (\(failure)); install it with scripts/setup.sh")
    }
}

/// Why libgit2 could not be loaded and started, nil once it is.
private let libgit2Failure: String? = {
    if let failure = redline_git_load() { return String(cString: failure) }
    git_libgit2_init()
    _ = redline_git_enable_fsync(1)
    return nil
}()

/// Runs one libgit2 call and turns a negative return into a ``GitError`` naming `function`.
/// Read the error right after the call: nothing may run between the two.
@discardableResult
func git(_ function: String, _ code: Int32) throws(GitError) -> Int32 {
    guard code < 0 else { return code }
    let message: String
    if let last = git_error_last(), let text = last.pointee.message {
        message = String(cString: text).trimmingCharacters(in: .whitespacesAndNewlines)
    } else {
        message = "error \(code)"
    }
    throw GitError(function: function, code: code, message: message)
}
