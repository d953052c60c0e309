#if canImport(Glibc)
internal import CMalloc
import Foundation
import Glibc
import Synchronization

/// glibc's allocator set up for a process that runs once and allocates much at once, as
/// `redline diff --files`, `snap` and `fetch` do (a 2 MB pair allocates some 35 MB within 30 ms;
/// a capture of a 1.9 MB page spent a seventh of its CPU in page faults). Only a command
/// that ends when its work is done calls ``prepare()`` (`main` picks it, as it picks exit codes);
/// `watch`, which runs for days, never does, and neither does a library caller.
///
///     prepare()        the heap grows 64 MB at a time, in 2 MB pages, and keeps what it grew;
///                      blocks up to 32 MB come from it rather than from a mapping of their own
///     prepareThread()  the same for the arena of a thread that extracts a capture (a no-op
///                      unless prepare() was called)
///
/// Measured on the 2 MB pair: 35 → 25 ms of CPU (page faults 3,400 → 1,300); on the 20 MB pair
/// 320 → 225 ms (BENCHMARKS.md).
public enum ShortRunMemory {
    private static let prepared = Atomic<Bool>(false)
    private static let pad = 64 << 20, hugePage = 2 << 20, largestHeapBlock = 32 << 20

    /// Sets the allocator up for the rest of this process.
    public static func prepare() {
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

    /// Sets up the calling thread's arena the same way, once ``prepare()`` has been called (the
    /// main thread's heap is set up by ``prepare()`` itself).
    static func prepareThread() {
        guard prepared.load(ordering: .relaxed), !Thread.isMainThread, let block = malloc(largestHeapBlock - hugePage) else { return }
        preferHugePages(block, block + (largestHeapBlock - hugePage))
        free(block)
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
public enum ShortRunMemory {
    public static func prepare() {}
    static func prepareThread() {}
}
#endif
