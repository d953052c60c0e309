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

/// Positional arguments that may be negative offsets (`-1`): anything else that starts with
/// `-` is an unknown option, a usage error.
func checkPositionals(_ values: [String]) throws {
    for value in values where value.hasPrefix("-") && value != "-" && Revision(value) == nil {
        throw ValidationError("Unknown option '\(value)'.")
    }
}

/// The version of `slug` a revision argument names, or a one-line error quoting it.
func resolve(_ text: String, of slug: Slug, in repository: TrackRepository) throws -> Version {
    guard let revision = Revision(text) else {
        _ = try repository.versions(of: slug)  // an unknown article is the error to report first
        throw StoreError.unknownRevision(text, slug: slug.value,
                                         reason: "give a version number, an offset such as -1, a commit id, or a time")
    }
    return try repository.resolve(revision, of: slug, text: text)
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

    /// The article and the version named, in `repository`.
    func resolve(in repository: TrackRepository) throws -> (Slug, Version) {
        let slug = try Slug(slug)
        let version = try revision.first.map { try redline.resolve($0, of: slug, in: repository) }
            ?? repository.resolve(.newest, of: slug)
        return (slug, version)
    }
}
