import Foundation

/// Where the track repository is: `--repo PATH`, else `$REDLINE_REPO`, else `./.redline`.
public enum RepositoryLocation {
    /// The path to use, given the `--repo` option's value.
    public static func resolve(_ explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let fromEnvironment = environment["REDLINE_REPO"], !fromEnvironment.isEmpty { return fromEnvironment }
        return ".redline"
    }
}
