import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--color auto|always|never`.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

/// Where standard output goes and what its reader asked for: whether to colour, how wide to
/// wrap, which pager to use. The renderers only take the answers; deciding is the command line's.
///
///     stdout a terminal, TERM=xterm-256color, NO_COLOR unset, COLUMNS unset (ioctl says 120)
///     → colour on (auto), width 120, pager "less -FRX"
///     stdout a pipe → colour off (auto), no pager
struct Terminal {
    /// The environment the decisions read.
    var environment: [String: String]
    /// True when standard output is a terminal.
    var isTerminal: Bool

    /// The process's own standard output and environment.
    static var current: Terminal {
        Terminal(environment: ProcessInfo.processInfo.environment, isTerminal: isatty(STDOUT_FILENO) == 1)
    }

    /// Whether to colour, as swift-format and no-color.org decide: `always` and `never` as told;
    /// `auto` colours a terminal unless `NO_COLOR` is set to anything but the empty string, or
    /// `TERM` is `dumb` or unset.
    func usesColor(_ choice: ColorChoice) -> Bool {
        switch choice {
        case .always: return true
        case .never: return false
        case .auto:
            guard isTerminal, !isDumb else { return false }
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
            return true
        }
    }

    /// True when `TERM` is `dumb` or unset: no colour, no pager.
    var isDumb: Bool {
        guard let term = environment["TERM"], !term.isEmpty else { return true }
        return term == "dumb"
    }

    /// The width to wrap to: `COLUMNS` when it is a positive number, else the terminal's own
    /// (TIOCGWINSZ on standard output), else 80.
    var width: Int {
        if let columns = environment["COLUMNS"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), columns > 0 {
            return columns
        }
        var size = winsize()
        let status = withUnsafeMutablePointer(to: &size) { ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), $0) }
        if status == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    /// The pager command, only when standard output is a terminal: `$REDLINE_PAGER`, else
    /// `$PAGER`, else `less -FRX` when `less` is installed. An empty value or `cat` means none.
    var pager: String? {
        guard isTerminal, !isDumb else { return nil }
        if let command = environment["REDLINE_PAGER"] ?? environment["PAGER"] {
            let trimmed = command.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty || trimmed == "cat" ? nil : trimmed
        }
        return isOnPath("less") ? "less -FRX" : nil
    }

    /// Writes `text` to standard output, through the pager when `paging` and there is one.
    func write(_ text: String, paging: Bool) {
        if paging, let pager, !text.isEmpty, page(text, through: pager) { return }
        Output.write(text)
    }

    /// Runs `command` with `text` on its standard input and waits for it; false when it could
    /// not be started. A reader who quits the pager early is not an error.
    private func page(_ text: String, through command: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        var env = environment
        if env["LESS"] == nil { env["LESS"] = "FRX" }
        if env["LV"] == nil { env["LV"] = "-c" }
        process.environment = env
        let pipe = Pipe()
        process.standardInput = pipe
        do {
            try process.run()
        } catch {
            return false
        }
        signal(SIGPIPE, SIG_IGN)
        try? pipe.fileHandleForWriting.write(contentsOf: Data(text.utf8))
        try? pipe.fileHandleForWriting.close()
        process.waitUntilExit()
        return true
    }

    private func isOnPath(_ name: String) -> Bool {
        (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").contains { directory in
            FileManager.default.isExecutableFile(atPath: "\(directory)/\(name)")
        }
    }
}
