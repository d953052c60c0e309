import Foundation
import Synchronization

/// Work split in two: one half on the calling thread, the other on a helper thread, at the same
/// time. For the stages of a large diff that go through every block (assembling the changes,
/// writing the JSON), which would otherwise leave a core idle.
///
///     ForkJoin.run(inParallel: blocks > 4_096) { half in work(on: half) }
///     → work(on: 0) here and work(on: 1) on the helper; returns when both are done
///
/// `body` must give the same result whichever half runs first, and when both run here one after
/// the other (as they do when not `inParallel`, or when the helper is busy with another call's).
/// The helper is one thread, started by the first call. The caller, done with its half, yields
/// its core until the helper is done with the other.
public enum ForkJoin {
    /// Calls `body(0)` and `body(1)`, on two threads at once when `inParallel`.
    public static func run(inParallel: Bool, _ body: @Sendable (Int) -> Void) {
        guard inParallel else {
            body(0)
            body(1)
            return
        }
        withoutActuallyEscaping(body) { body in
            let half = Half(body)
            guard Helper.shared.offer(half) else {
                body(0)
                body(1)
                return
            }
            body(0)
            half.waitUntilDone()
        }
    }
}

/// `body(1)`, run by the helper; `body` is borrowed, and let go of before the caller returns.
private final class Half: @unchecked Sendable {
    // @unchecked: `body` is set once, called by the helper, and let go of by the caller after
    // `done` says the helper is done with it.
    private var body: (@Sendable (Int) -> Void)?
    private let done = Atomic<Bool>(false)

    init(_ body: @escaping @Sendable (Int) -> Void) {
        self.body = body
    }

    func run() {
        body?(1)
        done.store(true, ordering: .releasing)
    }

    /// Returns once the helper has run the half (yielding the core meanwhile), and lets go of
    /// `body`.
    func waitUntilDone() {
        while !done.load(ordering: .acquiring) { sched_yield() }
        body = nil
    }
}

/// The thread that runs second halves, one at a time; started by the first.
private final class Helper: Sendable {
    static let shared = Helper()

    /// The half handed over and not yet taken, and whether the helper has one.
    private let state = Mutex<(waiting: Half?, busy: Bool)>((nil, false))
    private let handedOver = DispatchSemaphore(value: 0)

    private init() {
        Thread.detachNewThread { [self] in serve() }
    }

    /// Hands `half` to the helper; false when it has one already.
    func offer(_ half: Half) -> Bool {
        let taken = state.withLock { state in
            guard !state.busy else { return false }
            state = (half, true)
            return true
        }
        if taken { handedOver.signal() }
        return taken
    }

    private func serve() {
        while true {
            handedOver.wait()
            let half = state.withLock { state in state.waiting.take() }
            half?.run()
            state.withLock { state in state.busy = false }
        }
    }
}
