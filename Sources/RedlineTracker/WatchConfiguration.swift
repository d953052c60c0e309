import Foundation
import RedlineExtract
import RedlineModel

/// The configuration file, `redline.yaml`: the articles `watch` follows and where their changes
/// are announced (SPEC "Many articles").
///
///     articles:
///       - slug: cork-live
///         url: https://example.com/live/cork
///         every: 60s                   # optional: fixed; adaptive without it
///         select: "#liveblog-body"     # optional: CSS selector or XPath
///         ignore: ["^Updated at "]     # optional: regular expressions
///     announce:
///       webhooks: ["https://hooks.example/redline"]
///       feeds: feeds/
public struct WatchConfiguration: Sendable {
    /// One configured article.
    public struct Article: Sendable {
        /// Its name in the track repository.
        public var slug: Slug
        /// The page polled.
        public var url: URL
        /// A fixed interval in seconds; nil: adaptive, as `watch` is without `--every`.
        public var every: Double?
        /// Its `select` and `ignore`.
        public var filter: ExtractionFilter
        /// The line of the file where its entry starts.
        public var line: Int
    }

    /// Where stored versions are announced.
    public struct Announce: Sendable {
        /// Each gets a POST of the diff's JSON per stored version.
        public var webhooks: [URL] = []
        /// The folder that holds one Atom file per article and `all.xml`, relative paths read
        /// from the configuration file's folder; nil: no feeds.
        public var feeds: String?
    }

    /// The file it was read from.
    public var path: String
    /// The articles, in the file's order.
    public var articles: [Article]
    /// The announcement targets.
    public var announce: Announce

    /// The configuration file in force: `--config PATH`, else `$REDLINE_CONFIG`, else `redline.yaml`.
    public static func locate(_ explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let fromEnvironment = environment["REDLINE_CONFIG"], !fromEnvironment.isEmpty { return fromEnvironment }
        return "redline.yaml"
    }

    /// Reads and checks the file at `path`; any problem is a ``ConfigurationError``.
    public static func load(from path: String) throws(ConfigurationError) -> WatchConfiguration {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let reason = !exists ? "there is no such file; write one (see the README) or give --config PATH"
                : isDirectory.boolValue ? "it is a folder; give the configuration file in it, as --config \(path)/redline.yaml"
                : access(path, R_OK) != 0 ? "it cannot be read (permission denied)" : "it cannot be read"
            throw ConfigurationError(file: path, line: nil, key: nil, problem: reason)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(file: path, line: nil, key: nil, problem: "it is not UTF-8 text")
        }
        return try WatchConfiguration(yaml: text, path: path)
    }
}

/// A problem in the configuration file, said in one line naming the file, the line and the key.
///
///     redline.yaml, line 4, key 'evry': unknown key (an article takes slug, url, every, select, ignore)
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var key: String?
    public var problem: String

    public init(file: String, line: Int?, key: String?, problem: String) {
        (self.file, self.line, self.key, self.problem) = (file, line, key, problem)
    }

    public var description: String {
        var place = file
        if let line { place += ", line \(line)" }
        if let key { place += ", key '\(key)'" }
        return place + ": " + problem
    }
}
