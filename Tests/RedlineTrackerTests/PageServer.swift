import Foundation

/// The test page server (`Fixtures/page_server.py`) on 127.0.0.1, started for one test and
/// stopped by `stop()`.
final class PageServer {
    struct Step: Encodable {
        var status = 200
        var body = ""
        var etag: String?
        var gzip = false
        /// Sent with `Content-Encoding: deflate`: "zlib" (as the standard says) or "raw" (as some servers do).
        var deflate: String?
        /// Only this many bytes of the compressed body sent, the Content-Length cut to match.
        var cut: Int?
        var delay: Double = 0
        /// The Content-Type header (the server's default: `text/html; charset=utf-8`).
        var type: String?
        /// The Python codec the body is sent in (default UTF-8).
        var encoding: String?
        /// A Location header, for a redirect.
        var location: String?
        /// A Retry-After header (`120`, or an HTTP date).
        var retryAfter: String?
    }

    let process = Process()
    let port: Int
    let logPath: String
    private let directory: String

    init(steps: [Step]) throws {
        (directory, logPath, port) = try Self.start(process, script: "page_server.py", input: try JSONEncoder().encode(steps))
    }

    /// Starts the fixture server `script` in a scratch folder of its own, with `input` (its
    /// JSON), an empty request log, and a port file as its arguments; the folder, the log's
    /// path and the port it listens on once it does.
    static func start(_ process: Process, script: String, input: Data) throws -> (directory: String, logPath: String, port: Int) {
        let directory = NSTemporaryDirectory() + "redline-server-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let inputPath = directory + "/input.json", logPath = directory + "/requests.jsonl"
        try input.write(to: URL(fileURLWithPath: inputPath))
        FileManager.default.createFile(atPath: logPath, contents: nil)
        let port = try start(process, script: script, arguments: [inputPath, logPath], directory: directory)
        return (directory, logPath, port)
    }

    /// Starts the fixture server `script` with `arguments` and the path of its port file (in
    /// `directory`), and returns the port it listens on once it does.
    static func start(_ process: Process, script: String, arguments: [String], directory: String) throws -> Int {
        let portPath = directory + "/port"
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", RedlineProcess.packageRoot + "/Tests/RedlineTrackerTests/Fixtures/" + script]
            + arguments + [portPath]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        var port: Int?
        while port == nil, process.isRunning, Date() < deadline {
            port = (try? String(contentsOfFile: portPath, encoding: .utf8)).flatMap { Int($0) }
            if port == nil { usleep(20_000) }
        }
        guard let port else {
            if process.isRunning { process.terminate() }
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "the \(script) server did not start"])
        }
        return port
    }

    var url: String { "http://127.0.0.1:\(port)/live" }

    /// The headers of every request the server has seen, in order.
    var requests: [[String: String]] {
        let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String]
        }
    }

    func stop() {
        Self.stop(process, directory: directory)
    }

    /// Stops a fixture server's `process` and removes its scratch `directory`.
    static func stop(_ process: Process, directory: String) {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Each line of a fixture server's log at `path` read as a `T` (lines that are not are skipped).
    static func log<T: Decodable>(_ path: String, as type: T.Type) -> [T] {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(T.self, from: Data($0.utf8)) }
    }
}
