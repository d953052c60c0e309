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

/// Starts libgit2 once per process, with fsync of the git directory on, so that a crash never
/// leaves a ref pointing at an object that is not on disk.
let libgit2Started: Void = {
    git_libgit2_init()
    _ = redline_git_enable_fsync(1)
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
