import Foundation
import Synchronization

/// Ctrl-C or SIGTERM during `redline gc`: the packing stops at once, and nothing is lost.
///
///     stopped while                              what happens
///     listing objects, searching for deltas  →   nothing of the new pack is on disk: the process ends now
///     writing the pack (pack_git2_XXXXXX)     →   libgit2 stops at its next object and removes the file
///     removing what the new pack replaced     →   the packing finishes (milliseconds) and says what it did
///
/// The delta search is most of a gc, and libgit2 1.5.1 cannot be stopped there: its pack
/// builder ignores what the progress callback returns while it searches (`find_deltas` in
/// `pack-objects.c`), then writes. Nothing of the pack is on disk until the search has ended,
/// so there the signal handler ends the process itself (``TrackRepository/stopPacking()`` says
/// when), as a kill would, leaving the repository as it was. Once the pack is being written the
/// handler only asks, and the indexer's progress callback, which libgit2 does obey, stops the
/// write; libgit2 then removes its temporary file and the packing throws
/// ``StoreError/packingStopped``.
enum PackingStop {
    private enum Stage: Int {
        /// No file of the pack written yet (the state a process starts in).
        case nothingWritten
        /// The pack is being written.
        case writing
        /// A stop was asked for while the pack was being written.
        case stopRequested
        /// A stop was asked for before: the process is ending, and the packer must write nothing.
        case leaving
        /// The pack is written (or its write failed): what follows is left to finish.
        case finished
    }

    private static let stage = Atomic<Int>(Stage.nothingWritten.rawValue)

    /// See ``TrackRepository/stopPacking()``.
    static func request() -> Bool {
        while true {
            let current = stage.load(ordering: .acquiring)
            let (next, leaving): (Stage, Bool)
            switch Stage(rawValue: current) {
            case .nothingWritten: (next, leaving) = (.leaving, true)
            case .writing: (next, leaving) = (.stopRequested, false)
            default: return false
            }
            if stage.compareExchange(expected: current, desired: next.rawValue, ordering: .acquiringAndReleasing).exchanged {
                return leaving
            }
        }
    }

    /// A new pack is started: a process that packs again (a `watch`) is back to having written
    /// nothing of it.
    static func begin() {
        _ = stage.compareExchange(expected: Stage.finished.rawValue, desired: Stage.nothingWritten.rawValue, ordering: .acquiringAndReleasing)
    }

    /// The pack's file is about to be made. When a stop came first, the process is being ended
    /// by the signal handler: this waits for that, and never returns.
    static func beginWriting() {
        let (exchanged, found) = stage.compareExchange(expected: Stage.nothingWritten.rawValue, desired: Stage.writing.rawValue,
                                                       ordering: .acquiringAndReleasing)
        guard !exchanged, found == Stage.leaving.rawValue else { return }
        while true { pause() }
    }

    /// True once a stop was asked for while the pack was being written: the write is to end.
    static var isRequested: Bool {
        stage.load(ordering: .acquiring) == Stage.stopRequested.rawValue
    }

    /// The pack's write has ended, written or not. Returns whether a stop was asked for while it
    /// was written.
    static func finish() -> Bool {
        stage.exchange(Stage.finished.rawValue, ordering: .acquiringAndReleasing) == Stage.stopRequested.rawValue
    }
}
