import ArgumentParser
import RedlineStore

extension RedlineCommand {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init", abstract: "Create the track repository (does nothing if it exists).")

        @OptionGroup var repository: RepositoryOptions

        func run() throws {
            let repo = try TrackRepository.create(at: repository.path)
            Output.write("track repository at \(repo.path)\n")
        }
    }
}
