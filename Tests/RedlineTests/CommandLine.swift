import Foundation

/// Runs the built `redline` executable. Output goes to temporary files, not pipes, so a command
/// that prints a lot can never block on a full pipe while the test waits for it to exit.
enum RedlineProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `redline` executable built beside this test bundle.
    static let executable: String = {
        let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return testBinary.deletingLastPathComponent().appendingPathComponent("redline").path
    }()

    /// The package's root folder.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// Runs `redline arguments…` with `stdin` on standard input and returns what it printed.
    static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:]) throws -> Result {
        var env = ProcessInfo.processInfo.environment
        env["REDLINE_REPO"] = nil
        env.merge(environment) { $1 }
        return try launch(executable, arguments, stdin: stdin, environment: env)
    }

    /// Runs a shell command line, for `git` and for many `redline` processes at once.
    static func shell(_ script: String) throws -> Result {
        try launch("/bin/sh", ["-c", script], stdin: nil, environment: ProcessInfo.processInfo.environment)
    }

    private static func launch(_ path: String, _ arguments: [String], stdin: Data?, environment: [String: String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = environment
        let scratch = NSTemporaryDirectory() + "redline-out-" + UUID().uuidString
        for suffix in [".out", ".err"] { FileManager.default.createFile(atPath: scratch + suffix, contents: nil) }
        FileManager.default.createFile(atPath: scratch + ".in", contents: stdin ?? Data())
        defer { for suffix in [".out", ".err", ".in"] { try? FileManager.default.removeItem(atPath: scratch + suffix) } }
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch + ".out"))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch + ".err"))
        process.standardInput = stdin == nil ? FileHandle.nullDevice : try FileHandle(forReadingFrom: URL(fileURLWithPath: scratch + ".in"))
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: try String(contentsOfFile: scratch + ".out", encoding: .utf8),
                      stderr: try String(contentsOfFile: scratch + ".err", encoding: .utf8))
    }
}

/// A fresh directory under the system's temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "redline-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() {
        _ = try? RedlineProcess.shell("chmod -R u+w '\(path)'")
        try? FileManager.default.removeItem(atPath: path)
    }

    func child(_ name: String) -> String { path + "/" + name }

    /// Writes `text` to `name` and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        FileManager.default.createFile(atPath: child(name), contents: Data(text.utf8))
        return child(name)
    }
}

/// A plain-text capture of a made-up live blog; `n` changes the text so every capture differs.
func capture(_ n: Int, paragraphs: Int = 6) -> String {
    var lines = ["Live: a story that keeps changing", ""]
    for p in 0..<paragraphs {
        lines.append("Paragraph \(p) of capture \(n): the council met again and reported progress on item \(p * 7 + n).")
        lines.append("")
    }
    return lines.joined(separator: "\n")
}

/// The repository's references and every file's bytes, to check that a command changed nothing.
func fingerprint(_ path: String) throws -> String {
    try RedlineProcess.shell("cd '\(path)' && find . -type f -not -name '*.lock' | sort | xargs sha1sum").stdout
}
