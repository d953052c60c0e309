import Foundation

/// What keeps a capture that went straight into a pack (``TrackRepository/packCapture(_:keep:)``)
/// safe until its branch points at it: the pack's `.keep` file, so that `git repack -a -d` (which
/// drops what no reference reaches) leaves the pack alone and no other redline rewrites, merges or
/// removes it, and the packer's lock when the capture went into the pack holding the versions
/// before it (a pack of its own needs no lock: nothing else writes it). A capture tried again
/// (the branch's lock was held by a git command) holds every pack its tries wrote, kept, until the
/// last: git removes each pack it listed when it started, kept by then or not, so a try must never
/// rewrite an earlier try's pack, let go meanwhile, to the same bytes and name. All of it goes when this does, once the branch
/// has moved (or the capture failed); a `.keep` a killed writer left is removed with the other
/// leftovers once ten minutes old (``ObjectFiles/removeLeftovers(repository:)``).
final class PackKeep {
    /// What redline writes into its `.keep` files (`git receive-pack` writes "receive-pack <pid> on <host>").
    static let content = "redline capture\n"

    /// The packer's lock, when this capture holds it.
    let lock: FileLock?
    private var paths: [String] = []

    init(lock: FileLock?) {
        self.lock = lock
    }

    /// Holds the `.keep` file at `path` (the pack writer put it there) until this goes.
    func hold(_ path: String) {
        paths.append(path)
    }

    deinit {
        for path in paths { unlink(path) }
        withExtendedLifetime(lock) {}
    }

    /// True when the `.keep` file at `path` is one redline wrote.
    static func isRedlines(_ path: String) -> Bool {
        FileManager.default.contents(atPath: path).map { $0 == Data(content.utf8) } ?? false
    }
}
