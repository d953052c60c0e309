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
    /// Reads the environment variable the decisions need, one at a time (the process's own with
    /// getenv: ProcessInfo would build a dictionary of all of them for every command).
    var variable: (String) -> String?
    /// True when standard output is a terminal.
    var isTerminal: Bool

    /// The process's own standard output and environment.
    static var current: Terminal {
        Terminal(variable: { getenv($0).map { String(cString: $0) } }, isTerminal: isatty(STDOUT_FILENO) == 1)
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
            if let noColor = variable("NO_COLOR"), !noColor.isEmpty { return false }
            return true
        }
    }

    /// True when `TERM` is `dumb` or unset: no colour, no pager.
    var isDumb: Bool {
        guard let term = variable("TERM"), !term.isEmpty else { return true }
        return term == "dumb"
    }

    /// The width to wrap to: `COLUMNS` when it is a positive number, else the terminal's own
    /// (TIOCGWINSZ on standard output), else 80.
    var width: Int {
        if let columns = variable("COLUMNS").flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), columns > 0 {
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
        if let command = variable("REDLINE_PAGER") ?? variable("PAGER") {
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
    /// not be started or the shell found no such command. A reader who quits the pager early is
    /// not an error. The pager gets the process's environment, with `LESS` and `LV` set when they
    /// are not.
    ///
    /// Spawned with posix_spawn rather than Foundation's Process, which puts its child in a process
    /// group of its own, in the terminal's background: a pager there cannot read the reader's keys
    /// and quits after the first screen.
    private func page(_ text: String, through command: String) -> Bool {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return false }
        let (readEnd, writeEnd) = (fds[0], fds[1])
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, readEnd, STDIN_FILENO)
        posix_spawn_file_actions_addclose(&actions, readEnd)
        posix_spawn_file_actions_addclose(&actions, writeEnd)

        var env = ProcessInfo.processInfo.environment
        if env["LESS"] == nil { env["LESS"] = "FRX" }
        if env["LV"] == nil { env["LV"] = "-c" }
        let shellArguments: [String] = ["/bin/sh", "-c", command]
        let arguments: [UnsafeMutablePointer<CChar>?] = shellArguments.map { strdup($0) } + [nil]
        let variables: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            arguments.forEach { free($0) }
            variables.forEach { free($0) }
        }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, "/bin/sh", &actions, nil, arguments, variables)
        close(readEnd)
        guard status == 0 else {
            close(writeEnd)
            return false
        }
        signal(SIGPIPE, SIG_IGN)
        let handle = FileHandle(fileDescriptor: writeEnd, closeOnDealloc: true)
        try? handle.write(contentsOf: Data(text.utf8))
        try? handle.close()
        var exitStatus: Int32 = 0
        while waitpid(pid, &exitStatus, 0) == -1, errno == EINTR {}
        // The shell's 127 and 126: the pager was not found or would not run (a typo in $PAGER),
        // and the shell has said so; the text is written as it is rather than lost, as git does.
        let exited = exitStatus & 0x7F == 0, code = (exitStatus >> 8) & 0xFF
        return !(exited && (code == 126 || code == 127))
    }

    private func isOnPath(_ name: String) -> Bool {
        (variable("PATH") ?? "/usr/bin:/bin").split(separator: ":").contains { directory in
            FileManager.default.isExecutableFile(atPath: "\(directory)/\(name)")
        }
    }
}
