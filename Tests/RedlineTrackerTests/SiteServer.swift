import Foundation

/// The test site server (`Fixtures/site_server.py`) on 127.0.0.1: many pages, each with its own
/// steps, and a log of every request with how many were in flight to its host. Started for one
/// test and stopped by `stop()`.
final class SiteServer {
    struct Step: Encodable {
        var body: String
        var times = 1
        /// Seconds to wait before answering (nil: the site's 0.02).
        var delay: Double?
    }

    struct Request: Decodable {
        var path: String
        var host: String
        var busy: Int
    }

    let process = Process()
    let port: Int
    private let logPath: String
    private let directory: String

    /// A server of `pages`: path → steps.
    init(pages: [String: [Step]]) throws {
        (directory, logPath, port) = try PageServer.start(process, script: "site_server.py", input: try JSONEncoder().encode(pages))
    }

    /// The URL of `path` on `host` (127.0.0.1, or localhost: another host to the watcher).
    func url(_ path: String, host: String = "127.0.0.1") -> String { "http://\(host):\(port)\(path)" }

    /// Every request the server has answered, in order.
    var requests: [Request] { PageServer.log(logPath, as: Request.self) }

    func stop() {
        PageServer.stop(process, directory: directory)
    }
}
