import Foundation
import RedlineModel
import Synchronization
import Testing

/// Both halves run, once each, whether the helper takes the second or is busy with another
/// caller's (then the caller runs both).
@Suite struct ForkJoinTests {
    @Test func runsEachHalfOnce() {
        for inParallel in [false, true, true, true] {
            let runs = Mutex([0, 0])
            ForkJoin.run(inParallel: inParallel) { half in runs.withLock { $0[half] += 1 } }
            #expect(runs.withLock { $0 } == [1, 1])
        }
    }

    @Test func manyCallersAtOnceEachGetBothHalves() {
        let callers = 8
        let runs = Mutex([[Int]](repeating: [0, 0], count: callers))
        DispatchQueue.concurrentPerform(iterations: callers) { caller in
            for _ in 0..<50 {
                ForkJoin.run(inParallel: true) { half in
                    runs.withLock { $0[caller][half] += 1 }
                }
            }
        }
        #expect(runs.withLock { $0 } == [[Int]](repeating: [50, 50], count: callers))
    }

    /// The second half runs on another thread, at the same time as the first (unless the helper
    /// is busy with another test's: then the halves run one after the other, so a few tries).
    @Test func halvesOverlap() {
        let inside = Atomic<Int>(0)
        let overlapped = Atomic<Bool>(false)
        for _ in 0..<20 where !overlapped.load(ordering: .relaxed) {
            ForkJoin.run(inParallel: true) { _ in
                inside.add(1, ordering: .relaxed)
                let deadline = DispatchTime.now().uptimeNanoseconds + 50_000_000
                while inside.load(ordering: .relaxed) < 2 && DispatchTime.now().uptimeNanoseconds < deadline {}
                if inside.load(ordering: .relaxed) == 2 { overlapped.store(true, ordering: .relaxed) }
                // Both wait here until both have looked, or the other never came.
                let stay = DispatchTime.now().uptimeNanoseconds + 1_000_000
                while DispatchTime.now().uptimeNanoseconds < stay {}
                inside.subtract(1, ordering: .relaxed)
            }
        }
        let sawBoth = overlapped.load(ordering: .relaxed)
        #expect(sawBoth)
    }
}
