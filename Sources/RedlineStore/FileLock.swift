import Foundation

/// An exclusive `flock(2)` lock on a file or folder, held until the value goes away.
///
///     let lock = try FileLock.acquire("track.git/redline/locks/story.lock", until: deadline)
///     // … no other redline holds it here …
///     // released when `lock` is freed, or by the kernel when the process dies
///
/// The kernel releases the lock when its holder dies, however it dies, so a lock is never stale:
/// there is no age to guess and nothing ever to take away from a live holder. A stopped or slow
/// holder is waited for. The lock file stays in place (removing it would let two processes lock
/// two different files of the same name).
final class FileLock {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)   // releases the lock
    }

    /// Locks `path` (a folder, or a file created when missing), waiting for another holder until
    /// `deadline`; nil when it still held it then. Throws the system's refusal as `errno`.
    static func acquire(_ path: String, until deadline: Date) throws(SystemFailure) -> FileLock? {
        var descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 && errno == ENOENT { descriptor = open(path, O_RDONLY | O_CREAT | O_CLOEXEC, 0o666) }
        guard descriptor >= 0 else { throw SystemFailure(operation: "open \(path)", errno: errno) }
        var pause: UInt32 = 500
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            guard code == EWOULDBLOCK || code == EINTR else {
                close(descriptor)
                throw SystemFailure(operation: "flock \(path)", errno: code)
            }
            guard Date() < deadline else {
                close(descriptor)
                return nil
            }
            usleep(UInt32.random(in: pause / 2...pause))
            pause = min(pause * 2, 10_000)
        }
        return FileLock(descriptor: descriptor)
    }
}

/// A system call that failed: what was being done and the `errno` it left.
struct SystemFailure: Error {
    var operation: String
    var errno: Int32
}
