import Foundation

/// What keeps a capture that went straight into a pack (``TrackRepository/packCapture(_:)``) safe
/// until its branch points at it: the packer's lock, so that no other redline rewrites the pack
/// meanwhile, and the pack's `.keep` file, so that `git repack -a -d` (which drops what no
/// reference reaches) leaves the pack alone. Both go when this does, once the branch has moved
/// (or the capture failed); a `.keep` a killed writer left is removed with the other leftovers
/// (``ObjectFiles/removeLeftovers(repository:)``).
final class PackKeep {
    /// What redline writes into its `.keep` files (`git receive-pack` writes "receive-pack <pid> on <host>").
    static let content = "redline capture\n"

    private let lock: FileLock
    private let path: String

    init(lock: FileLock, path: String) {
        self.lock = lock
        self.path = path
    }

    deinit {
        unlink(path)
        withExtendedLifetime(lock) {}
    }

    /// True when the `.keep` file at `path` is one redline wrote.
    static func isRedlines(_ path: String) -> Bool {
        FileManager.default.contents(atPath: path).map { $0 == Data(content.utf8) } ?? false
    }
}
