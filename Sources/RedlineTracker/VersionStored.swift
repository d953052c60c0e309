import Foundation
import RedlineDiff
import RedlineModel
import Synchronization

/// A version a watch has just stored: what announcements (webhooks, feeds) are made of.
public struct StoredVersionEvent: Sendable {
    /// The article.
    public var slug: Slug
    /// The version stored.
    public var version: Version
    /// Its change from the version before, as `diff` reports it; for a first version, the
    /// change from nothing (``Tracker/diffFromNothing(_:at:)``).
    public var diff: ArticleDiff
}

/// What is told of each version `watch` stores: webhooks, feeds.
///
/// The watcher hands each ``StoredVersionEvent`` to an ``AnnouncementQueue`` per announcer and
/// goes on polling at once; each queue calls ``versionStored(_:)`` for one event after another,
/// in the order they were stored, on a task of its own. A slow or failing announcement therefore
/// never holds up a capture or another announcer; it only delays its own announcements after it.
public protocol VersionStored: Sendable {
    /// Announces `event`; may take its time (retries, back-off), and reports its own failures.
    func versionStored(_ event: StoredVersionEvent) async
}

/// The announcements of one watch, made in order on a task of their own.
public struct AnnouncementQueue: Sendable {
    private let continuation: AsyncStream<StoredVersionEvent>.Continuation
    private let worker: Task<Void, Never>

    /// A queue that hands each event to every one of `announcers`.
    public init(_ announcers: [any VersionStored]) {
        let (stream, continuation) = AsyncStream.makeStream(of: StoredVersionEvent.self)
        self.continuation = continuation
        worker = Task {
            for await event in stream {
                for announcer in announcers { await announcer.versionStored(event) }
            }
        }
    }

    /// Queues `event`; returns at once.
    public func add(_ event: StoredVersionEvent) {
        continuation.yield(event)
    }

    /// Waits for the announcements queued so far, but `seconds` at most: then those not yet made
    /// are given up (the announcer in the middle of one is cancelled and no longer waited for),
    /// so a dead webhook cannot hold up the end of a watch. True when all were made.
    public func finish(within seconds: Double) async -> Bool {
        continuation.finish()
        let worker = self.worker
        let waiting = FirstAnswer()
        let done = await withCheckedContinuation { continuation in
            waiting.wait(continuation)
            Task {
                await worker.value
                waiting.answer(true)
            }
            Task {
                try? await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000))
                waiting.answer(false)
            }
        }
        if !done { worker.cancel() }
        return done
    }
}

/// A continuation resumed by the first of several answers; the later ones are dropped.
private final class FirstAnswer: Sendable {
    private let continuation = Mutex<CheckedContinuation<Bool, Never>?>(nil)

    func wait(_ continuation: CheckedContinuation<Bool, Never>) {
        self.continuation.withLock { $0 = continuation }
    }

    func answer(_ value: Bool) {
        continuation.withLock { $0.take() }?.resume(returning: value)
    }
}
