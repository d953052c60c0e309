import Foundation
import Testing

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

    /// Runs `redline arguments…` with `stdin` on standard input (in `workingDirectory` when
    /// given) and returns what it printed.
    static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:],
                    workingDirectory: String? = nil) throws -> Result {
        var env = ProcessInfo.processInfo.environment
        env["REDLINE_REPO"] = nil
        env["REDLINE_CONFIG"] = nil
        env.merge(environment) { $1 }
        return try launch(executable, arguments, stdin: stdin, environment: env, workingDirectory: workingDirectory)
    }

    /// Runs a shell command line, for `git` and for many `redline` processes at once.
    static func shell(_ script: String) throws -> Result {
        try launch("/bin/sh", ["-c", script], stdin: nil, environment: ProcessInfo.processInfo.environment)
    }

    private static func launch(_ path: String, _ arguments: [String], stdin: Data?, environment: [String: String],
                               workingDirectory: String? = nil) throws -> Result {
        let process = Process()
        if let workingDirectory { process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory) }
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

/// A fresh directory holding a new track repository, `track.git`, and that repository's path.
func newRepository() throws -> (TemporaryDirectory, String) {
    let dir = try TemporaryDirectory()
    let repo = dir.child("track.git")
    _ = try RedlineProcess.run(["init", "--repo", repo])
    return (dir, repo)
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

/// A fresh track repository holding one version of `story`, and a scratch directory beside it.
struct RepositoryFixture {
    let dir: TemporaryDirectory
    let repo: String

    init() throws {
        dir = try TemporaryDirectory()
        repo = dir.child("track.git")
        _ = try RedlineProcess.run(["init", "--repo", repo])
        _ = try RedlineProcess.run(["snap", "story", dir.write("one.txt", capture(1)), "--repo", repo])
    }

    /// Writes `bytes` to `name` beside the repository and returns its path.
    func file(_ name: String, _ bytes: Data) -> String {
        FileManager.default.createFile(atPath: dir.child(name), contents: bytes)
        return dir.child(name)
    }

    /// The loose file of object `id`, once every pack is unpacked into loose objects (`git
    /// unpack-objects`: captures go straight into a pack), for a test to damage.
    func looseObject(_ id: String) throws -> String {
        let packs = repo + "/objects/pack"
        for file in try FileManager.default.contentsOfDirectory(atPath: packs) where file.hasSuffix(".pack") {
            let moved = dir.child(file)
            try FileManager.default.moveItem(atPath: packs + "/" + file, toPath: moved)
            try FileManager.default.removeItem(atPath: packs + "/" + file.dropLast(5) + ".idx")
            _ = try RedlineProcess.shell("git --git-dir='\(repo)' unpack-objects -q < '\(moved)'")
        }
        return "\(repo)/objects/\(id.prefix(2))/\(id.dropFirst(2))"
    }

    /// Runs `redline arguments… --repo REPO`.
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> RedlineProcess.Result {
        try RedlineProcess.run(arguments + ["--repo", repo], environment: environment)
    }

    /// Runs `arguments` (with this `--repo` unless they name one) and checks the error contract:
    /// exit 2, one line on stderr naming `words`, nothing on stdout, the repository unchanged.
    func expectRefused(_ arguments: [String], stdin: Data? = nil, mentioning words: String, environment: [String: String] = [:],
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try fingerprint(repo)
        let args = arguments.contains("--repo") ? arguments : arguments + ["--repo", repo]
        let result = try RedlineProcess.run(args, stdin: stdin, environment: environment)
        #expect(result.status == 2, "exit \(result.status) for \(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.hasPrefix("redline: error: "), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.filter { $0 == "\n" }.count == 1, "not one line: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(words), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(try fingerprint(repo) == before, "the repository changed", sourceLocation: sourceLocation)
    }

    /// The repository passes `git fsck --strict`.
    func expectValid(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fsck = try RedlineProcess.shell("git --git-dir='\(repo)' fsck --strict 2>&1")
        #expect(fsck.status == 0, "\(fsck.stdout)", sourceLocation: sourceLocation)
    }
}
