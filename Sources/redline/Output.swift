import RedlineText
import Foundation
import RedlineModel
import RedlineRender

/// Writing to stdout and stderr; nothing that came from an article reaches the terminal raw.
enum Output {
    /// Writes `text` to standard output as it is (renderers have already escaped it).
    static func write(_ text: String) {
        text.withUTF8Bytes(write(bytes:))
    }

    /// Writes `bytes` (UTF-8, already escaped) to standard output as they are, with write(2)
    /// straight from the array (a diff's JSON can be megabytes); stops quietly if the reader has
    /// gone (`| head`). Output that cannot be written (a full disk, standard output closed) is
    /// an error: one line, exit 2, as `cat` fails, never a success with the output lost.
    /// Every write to standard output comes here.
    static func write(bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer(write(bytes:))
    }

    /// ``write(bytes:)-([UInt8])`` from a buffer.
    static func write(bytes buffer: UnsafeBufferPointer<UInt8>) {
        guard let base = buffer.baseAddress else { return }
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(STDOUT_FILENO, base + offset, buffer.count - offset)
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else {
                if written < 0, errno != EPIPE {
                    error("the output could not be written: \(String(cString: strerror(errno)).lowercased())")
                    exit(2)
                }
                return
            }
            offset += written
        }
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

/// Results a command keeps until the process exits: freeing a large diff and its two articles
/// string by string costs more than the operating system takes back at once when it ends.
enum KeptUntilExit {
    nonisolated(unsafe) private static var values: [Any] = []

    static func keep(_ value: Any...) {
        values.append(contentsOf: value)
    }
}
