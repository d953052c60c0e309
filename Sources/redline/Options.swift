import ArgumentParser
import Redline
import RedlineModel
import RedlineStore

/// `--repo PATH`, shared by every command that reads or writes the track repository.
struct RepositoryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The track repository (default: $REDLINE_REPO, else ./.redline).", valueName: "path"))
    var repo: String?

    /// The path in force.
    var path: String { RepositoryLocation.resolve(repo) }

    /// Opens the existing track repository.
    func open() throws -> TrackRepository { try TrackRepository.open(at: path) }

    /// A tracker over the existing track repository.
    func tracker() throws -> Tracker { Tracker(repository: try open()) }
}

/// Parses a slug argument, turning a bad one into a one-line error (exit 2).
func slug(_ text: String) throws -> Slug {
    try Slug(text)
}

/// Positional arguments that may be negative offsets (`-1`): anything else that starts with
/// `-` is an unknown option, a usage error.
func checkPositionals(_ values: [String]) throws {
    for value in values where value.hasPrefix("-") && value != "-" && Revision(value) == nil {
        throw ValidationError("Unknown option '\(value)'.")
    }
}

/// A revision argument, or a one-line error naming it.
func revision(_ text: String, of slug: Slug) throws -> Revision {
    guard let revision = Revision(text) else {
        throw StoreError.unknownRevision(text, slug: slug.value,
                                         reason: "give a version number, an offset such as -1, a commit id, or a time")
    }
    return revision
}
