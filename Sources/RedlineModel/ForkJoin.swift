import Foundation
import Synchronization

/// Work split in two: one half on the calling thread, the other on a helper thread, at the same
/// time. For the few stages of a large diff that read every block of both versions (giving ids,
/// assembling the changes, writing the JSON), which would otherwise leave a core idle.
///
///     ForkJoin.run(inParallel: blocks > 4_096) { half in work(on: half) }
///     → work(on: 0) here and work(on: 1) on the helper; returns when both are done
///
/// `body` must give the same result whichever half runs first, and when both run here one after
/// the other (as they do when not `inParallel`, or when the helper is busy with another call's).
///
/// The helper is one thread, started by the first call (or a thread done with its own work
/// becomes it: ``becomeHelper()``). After each half it runs, it keeps looking for the next for a
/// few milliseconds before it sleeps: the stages of one diff come a few milliseconds apart, and a
/// thread woken from sleep, or a new one, takes a millisecond or more to start on an idle virtual
/// machine, as long as some of these halves take.
public enum ForkJoin {
    /// Makes the calling thread the helper, unless there is one already: for a thread whose own
    /// work is done a little before the calls come (its core is then kept for them). Returns at
    /// once if there is a helper, and never otherwise.
    public static func becomeHelper() {
        Helper.shared.serveHere()
    }

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

/// The thread that runs second halves: started by the first offer, unless a thread has become
/// it before.
private final class Helper: Sendable {
    static let shared = Helper()

    /// How long the helper looks for a next half before it sleeps.
    private static let watchNanoseconds: UInt64 = 20_000_000

    private struct State {
        var started = false
        var waiting: Half?
        var busy = false
        var asleep = false
    }
    private let state = Mutex(State())
    private let wake = DispatchSemaphore(value: 0)

    /// Serves on this thread, unless the helper has started.
    func serveHere() {
        guard state.withLock({ state in defer { state.started = true }; return !state.started }) else { return }
        serve()
    }

    /// Hands `half` to the helper, starting it if need be; false when it is busy with another.
    func offer(_ half: Half) -> Bool {
        let offered: (wasAsleep: Bool, start: Bool)? = state.withLock { state in
            guard !state.busy, state.waiting == nil else { return nil }
            state.waiting = half
            defer { state.asleep = false; state.started = true }
            return (state.asleep, !state.started)
        }
        guard let offered else { return false }
        if offered.start { Thread.detachNewThread { [self] in serve() } }
        if offered.wasAsleep { wake.signal() }
        return true
    }

    private func serve() {
        while true {
            take().run()
            state.withLock { $0.busy = false }
        }
    }

    /// The next half offered: looked for without sleeping for a while, then slept for.
    private func take() -> Half {
        let watchUntil = DispatchTime.now().uptimeNanoseconds + Self.watchNanoseconds
        while true {
            let (half, sleep) = state.withLock { state -> (Half?, Bool) in
                if let half = state.waiting {
                    state.waiting = nil
                    state.busy = true
                    return (half, false)
                }
                state.asleep = DispatchTime.now().uptimeNanoseconds > watchUntil
                return (nil, state.asleep)
            }
            if let half { return half }
            if sleep { wake.wait() } else { sched_yield() }
        }
    }
}
