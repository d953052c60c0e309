/// How long `watch` waits before its next poll.
///
///     fixed 60 s:           changed → 60, unchanged → 60, error → 120, error → 240 … (at most 32×)
///     adaptive 60 s…30 min: changed → 60, unchanged → 90, unchanged → 135 … → 1800,
///                           changed → 60; errors double the wait, up to 1800
///
/// Like NewsDiffs, an adaptive watch polls often while the page is changing and less and less
/// while it is quiet; every watch backs off exponentially while the page cannot be fetched.
public struct WatchSchedule: Sendable, Hashable {
    /// What the last poll found.
    public enum Outcome: Sendable, Hashable {
        case changed, unchanged, failed
    }

    /// The shortest wait, in seconds.
    public let minimum: Double
    /// The longest wait, in seconds.
    public let maximum: Double
    /// Whether quiet polls lengthen the wait.
    public let adapts: Bool
    private var current: Double
    private var failures = 0

    /// A schedule that always waits `interval` seconds (longer only after errors).
    public static func fixed(_ interval: Double) -> WatchSchedule {
        WatchSchedule(minimum: interval, maximum: interval * 32, adapts: false)
    }

    /// A schedule that waits `minimum` seconds after a change and up to `maximum` while quiet.
    public static func adaptive(minimum: Double = 60, maximum: Double = 1800) -> WatchSchedule {
        WatchSchedule(minimum: minimum, maximum: max(minimum, maximum), adapts: true)
    }

    private init(minimum: Double, maximum: Double, adapts: Bool) {
        self.minimum = minimum
        self.maximum = maximum
        self.adapts = adapts
        current = minimum
    }

    /// The wait, in seconds, after a poll that found `outcome`.
    public mutating func next(after outcome: Outcome) -> Double {
        switch outcome {
        case .changed:
            failures = 0
            current = minimum
            return current
        case .unchanged:
            failures = 0
            current = adapts ? min(current * 1.5, maximum) : minimum
            return current
        case .failed:
            failures += 1
            return min(current * Double(1 << min(failures, 20)), maximum)
        }
    }
}
