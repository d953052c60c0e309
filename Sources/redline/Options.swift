import ArgumentParser
import RedlineStore
import RedlineTracker

/// `--repo PATH`, shared by every command that reads or writes the track repository.
struct RepositoryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The track repository (default: $REDLINE_REPO, else ./.redline).", valueName: "path"))
    var repo: String?

    /// The path in force.
    var path: String { RepositoryLocation.resolve(repo) }

    /// A tracker over the existing track repository.
    func tracker() throws -> Tracker { try Tracker.open(at: path) }
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
