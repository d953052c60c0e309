import Foundation

/// The test webhook receiver (`Fixtures/hook_server.py`) on 127.0.0.1: answers each POST with the
/// next of its statuses and records every body. Started for one test and stopped by `stop()`.
final class HookServer {
    struct Post: Decodable {
        var status: Int
        var type: String?
        var body: String
    }

    let process = Process()
    let port: Int
    private let logPath: String
    private let directory: String

    /// A receiver answering `statuses` in turn (the last one repeats).
    init(statuses: [Int]) throws {
        (directory, logPath, port) = try PageServer.start(process, script: "hook_server.py", input: try JSONEncoder().encode(statuses))
    }

    var url: String { "http://127.0.0.1:\(port)/hook" }

    /// Every POST received, in order.
    var posts: [Post] { PageServer.log(logPath, as: Post.self) }

    func stop() {
        PageServer.stop(process, directory: directory)
    }
}
