import ArgumentParser
import Foundation
import RedlineExtract
import RedlineStore
import RedlineTracker

/// `--repo PATH`, shared by every command that reads or writes the track repository.
struct RepositoryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The track repository (default: $REDLINE_REPO, else ./.redline).", valueName: "path"))
    var repo: String?

    /// The path in force.
    var path: String { RepositoryLocation.resolve(repo) }

    /// `--repo ''` names no repository: a usage error, not the default one.
    func validate() throws {
        if repo?.isEmpty == true { throw ValidationError("--repo needs a path; leave it out for $REDLINE_REPO or ./.redline.") }
    }

    /// A tracker over the existing track repository.
    func tracker() throws -> Tracker { try Tracker.open(at: path) }
}

/// `--select` and `--ignore`: what a capture is narrowed to before extraction and what text never
/// counts, as a configured article's `select` and `ignore`.
struct FilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Read only what this CSS selector (or XPath starting with /) selects.", valueName: "selector"))
    var select: String?
    @Option(help: ArgumentHelp("Drop text this regular expression matches (repeatable).", valueName: "regex"))
    var ignore: [String] = []

    /// The filter, checked; a bad selector or pattern is a usage error.
    func filter() throws -> ExtractionFilter {
        do { return try ExtractionFilter(select: select, ignore: ignore) } catch {
            throw ValidationError("\(error)")
        }
    }

    func validate() throws { _ = try filter() }
}

/// `--config PATH`: the configuration file (default: $REDLINE_CONFIG, else ./redline.yaml).
struct ConfigOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The configuration file (default: $REDLINE_CONFIG, else ./redline.yaml).", valueName: "path"))
    var config: String?

    /// The path in force.
    var path: String { WatchConfiguration.locate(config) }

    /// True when a file is named (`--config`, `$REDLINE_CONFIG`) or `./redline.yaml` exists.
    var isInForce: Bool {
        path != WatchConfiguration.locate(nil, environment: [:]) || config != nil || FileManager.default.fileExists(atPath: path)
    }

    /// The configuration, read and checked.
    func load() throws -> WatchConfiguration { try WatchConfiguration.load(from: path) }
}

/// Positional arguments that may be negative offsets (`-1`): anything else that starts with
/// `-` is an unknown option, a usage error.
func checkPositionals(_ values: [String]) throws {
    for value in values where value.hasPrefix("-") && value != "-" && Revision(value) == nil {
        throw ValidationError("Unknown option '\(value)'.")
    }
}

/// `SLUG [REV]`, shared by the commands that read one version (default: the newest).
struct VersionArguments: ParsableArguments {
    @Argument(help: "The article.") var slug: String
    @Argument(parsing: .allUnrecognized, help: "The version (number, -offset, commit prefix or time; default: the newest).")
    var revision: [String] = []

    func validate() throws {
        try checkPositionals(revision)
        guard revision.count <= 1 else { throw ValidationError("Give one revision at most.") }
    }
}
