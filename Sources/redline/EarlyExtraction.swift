import CAllocator
import Foundation
import RedlineCapture
import RedlineDiff
import RedlineExtract
import Synchronization

/// Captures read and extracted while the command line is still being parsed.
///
///     redline diff --files old.txt new.txt --format json
///     → two threads start as soon as the process starts, one on old.txt, the other on new.txt;
///       `diff` takes each result (a ``DiffInput``) when it needs it, or extracts the file itself
///       if no one has begun it yet
///
/// swift-argument-parser takes some 5 ms to parse a `diff` command line (it reflects on every
/// option). With one thread begun early, the main thread extracted the new file after parsing and
/// finished last; with two, the three share both cores from the start. Each early thread sets up
/// its allocator arena first (CAllocator). Nothing is guessed about the command's
/// grammar: when the first argument is `diff` and `--files` is among the rest, every other
/// argument that names a regular file is begun, in order; `diff --files` asks for its two by
/// path and the rest are never waited for. Reading a file a few milliseconds early is the same
/// as having run the command a few milliseconds earlier.
final class EarlyExtraction: Sendable {
    /// The files begun for this process, nil when its command line is not `diff --files`.
    static let shared: EarlyExtraction? = EarlyExtraction(arguments: CommandLine.arguments)

    private let pending: [PendingExtraction]

    private init?(arguments: [String]) {
        let rest = arguments.dropFirst()
        guard rest.first == "diff", rest.contains("--files") else { return nil }
        var paths: [String] = []
        for argument in rest.dropFirst() where argument != "--files" && !paths.contains(argument) && Self.isRegularFile(argument) {
            paths.append(argument)
        }
        guard !paths.isEmpty else { return nil }
        pending = paths.map(PendingExtraction.init)
        let pending = pending
        for _ in 0..<min(2, paths.count) {
            Thread.detachNewThread {
                redline_prepare_thread_allocator()
                pending.forEach { $0.runUnlessBegun() }
            }
        }
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    /// Starts extracting the command line's files on two threads of their own (once per process).
    static func begin() {
        _ = shared
    }

    /// The result for `path` when it was begun early: waited for if it is being extracted, or
    /// extracted here if its turn has not come yet. Nil for a path not begun early.
    func result(for path: String) -> Result<DiffInput, CaptureError>? {
        pending.first { $0.path == path }?.result()
    }

    /// `path` (`-` for standard input) read and extracted, and its blocks read for the differ,
    /// as `diff --files` takes each capture.
    static func readAndExtract(_ path: String) -> Result<DiffInput, CaptureError> {
        Result { () throws(CaptureError) in
            let extraction = try ArticleExtractor.extract(CaptureReader.read(path).bytes)
            return DiffInput(extraction: extraction, blocks: VersionBlocks(extraction.article))
        }
    }
}

/// One side of `diff --files`: a capture extracted, and its blocks read for the differ on the
/// same thread, while they are at hand.
struct DiffInput: Sendable {
    let extraction: Extraction
    let blocks: VersionBlocks
}

/// One capture, read and extracted by whichever thread comes to it first.
private final class PendingExtraction: Sendable {
    let path: String
    private let begun = Atomic<Bool>(false)
    private let outcome = Mutex<Result<DiffInput, CaptureError>?>(nil)
    private let finished = DispatchSemaphore(value: 0)

    init(_ path: String) {
        self.path = path
    }

    /// Reads and extracts the file, unless another thread has begun it.
    func runUnlessBegun() {
        guard !begun.exchange(true, ordering: .acquiringAndReleasing) else { return }
        let result = EarlyExtraction.readAndExtract(path)
        outcome.withLock { $0 = result }
        finished.signal()
    }

    /// The result, extracted here if no thread has begun it, else waited for.
    func result() -> Result<DiffInput, CaptureError> {
        runUnlessBegun()
        finished.wait()
        finished.signal()     // for a second caller asking for the same path
        return outcome.withLock { $0! }
    }
}
