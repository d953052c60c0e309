import Foundation

/// A progress bar on standard error for long runs (`replay`): count, rate and time left. It draws
/// only when standard error is a terminal; otherwise it stays silent and callers print plain lines.
struct ProgressBar {
    var total: Int
    let start = Date()
    let isShown = isatty(STDERR_FILENO) != 0
    private var lastDrawn = Date.distantPast

    init(total: Int) {
        self.total = total
    }

    /// Redraws the bar for `done` items (at most ten times a second, and always at the end).
    mutating func update(_ done: Int) {
        guard isShown, done == total || Date().timeIntervalSince(lastDrawn) > 0.1 else { return }
        lastDrawn = Date()
        let elapsed = max(Date().timeIntervalSince(start), 0.001)
        let rate = Double(done) / elapsed
        let left = rate > 0 ? Double(total - done) / rate : 0
        let width = 24
        let filled = total > 0 ? width * done / total : width
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let line = String(format: "\r[%@] %d/%d  %.1f/s  ETA %@", bar, done, total, rate, Self.duration(left))
        FileHandle.standardError.write(Data((line + "\u{1B}[K").utf8))
    }

    /// Clears the bar so that a line can be printed in its place.
    func clear() {
        guard isShown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    /// Ends the bar with a newline.
    func finish() {
        guard isShown else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? "\(s / 3600)h\(s % 3600 / 60)m" : s >= 60 ? "\(s / 60)m\(s % 60)s" : "\(s)s"
    }
}
