#if canImport(Glibc)
internal import CMalloc
import Foundation
import Glibc
import Synchronization

/// glibc's allocator set up for what the process does; `main` picks it, as it picks exit codes,
/// and a library caller never calls it.
///
///     prepareShortRun()        a process that runs once and allocates much at once (`diff --files`,
///                              `snap`, `fetch`, `extract`: a 2 MB pair allocates some 35 MB within
///                              30 ms; a capture of a 1.9 MB page spent a seventh of its CPU in page
///                              faults): the heap grows 64 MB at a time, in 2 MB pages, and keeps
///                              what it grew; blocks up to 32 MB come from it rather than from a
///                              mapping of their own
///     prepareShortRunThread()  the same for the arena of a thread that extracts a capture (a no-op
///                              unless prepareShortRun() was called)
///     preparePolling()         `watch`, which runs for days and does the same work every poll:
///                              blocks up to 32 MB come from the heap, and the heap is not handed
///                              back between polls, so a poll reuses the memory the one before
///                              touched instead of having it mapped and zeroed again
///
/// Measured on the 2 MB pair: 35 → 25 ms of CPU (page faults 3,400 → 1,300); on the 20 MB pair
/// 320 → 225 ms; `watch` of the day's largest pages 77 → 72 ms a capture, its peak resident
/// memory on a 1 MB page 49 → 53 MB (BENCHMARKS.md).
public enum ProcessMemory {
    private static let prepared = Atomic<Bool>(false)
    private static let pad = 64 << 20, hugePage = 2 << 20, largestHeapBlock = 32 << 20

    /// Sets the allocator up for the rest of this short process.
    public static func prepareShortRun() {
        guard !prepared.exchange(true, ordering: .relaxed) else { return }
        mallopt(M_TOP_PAD, Int32(pad))
        mallopt(M_MMAP_THRESHOLD, Int32(largestHeapBlock))
        mallopt(M_TRIM_THRESHOLD, Int32(4 * pad))      // never hand the heap back: the process ends soon
        // Grow the heap now: take pieces until it has grown, then give them back; it keeps the pad.
        let start = sbrk(0)
        var pieces: [UnsafeMutableRawPointer] = []
        pieces.reserveCapacity(64)
        while pieces.count < 64, sbrk(0) == start, let piece = malloc(64 << 10) { pieces.append(piece) }
        pieces.forEach { free($0) }
        if let start, let end = sbrk(0) { preferHugePages(start, end) }
    }

    /// Sets up the calling thread's arena the same way, once ``prepareShortRun()`` has been called
    /// (the main thread's heap is set up by ``prepareShortRun()`` itself).
    static func prepareShortRunThread() {
        guard prepared.load(ordering: .relaxed), !Thread.isMainThread, let block = malloc(largestHeapBlock - hugePage) else { return }
        preferHugePages(block, block + (largestHeapBlock - hugePage))
        free(block)
    }

    /// Sets the allocator up for a process that polls: the large blocks of one poll come from the
    /// heap and stay in it for the next.
    public static func preparePolling() {
        mallopt(M_MMAP_THRESHOLD, Int32(largestHeapBlock))
        mallopt(M_TRIM_THRESHOLD, Int32(4 * pad))
    }

    /// Asks for 2 MB pages over the whole 2 MB pages within `start..<end`.
    private static func preferHugePages(_ start: UnsafeMutableRawPointer, _ end: UnsafeMutableRawPointer) {
        let from = (UInt(bitPattern: start) + UInt(hugePage - 1)) & ~UInt(hugePage - 1)
        let to = UInt(bitPattern: end) & ~UInt(hugePage - 1)
        if to > from { madvise(UnsafeMutableRawPointer(bitPattern: from), Int(to - from), MADV_HUGEPAGE) }
    }
}
#else
/// Nothing to set up where the C library is not glibc.
public enum ProcessMemory {
    public static func prepareShortRun() {}
    static func prepareShortRunThread() {}
    public static func preparePolling() {}
}
#endif
