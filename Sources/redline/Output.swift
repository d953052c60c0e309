import Foundation
import RedlineRender

/// Writing to stdout and stderr; nothing that came from an article reaches the terminal raw.
enum Output {
    /// Writes `text` to standard output as it is (renderers have already escaped it).
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes `bytes` (UTF-8, already escaped) to standard output as they are.
    static func write(bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }

    /// One line on standard error: `redline: error: …`.
    static func error(_ message: String) {
        line("error: " + message)
    }

    /// One line of a running command's log on standard error, as it is.
    static func log(_ message: String) {
        FileHandle.standardError.write(Data((TerminalText.escape(message) + "\n").utf8))
    }

    /// One line on standard error: `redline: warning: …`.
    static func warning(_ message: String) {
        line("warning: " + message)
    }

    private static func line(_ message: String) {
        let flat = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        FileHandle.standardError.write(Data(("redline: " + TerminalText.escape(flat) + "\n").utf8))
    }
}
