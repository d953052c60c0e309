import ArgumentParser

extension RedlineCommand {
    /// `redline --repo PATH log SLUG`, as `git --git-dir PATH log` is written: swift-argument-parser
    /// reads `--repo` only as an option of each command, so `--repo` given before the command's
    /// name is moved to just after it, before anything is parsed.
    ///
    ///     --repo /tmp/t.git log talks         → log --repo /tmp/t.git talks
    ///     --repo=/tmp/t.git diff talks -1     → diff --repo=/tmp/t.git talks -1
    ///     --repo /tmp/t.git extract page.txt  → extract --repo /tmp/t.git page.txt
    ///                                           (extract takes no --repo: the usual usage error)
    ///     --repo /tmp/t.git --help            → as given: no command follows (the overview)
    ///     --repo /tmp/t.git help log          → help log        (help needs no repository)
    ///     --repo /tmp/t.git lgo talks         → lgo talks       (the usage error names 'lgo')
    ///     --repo /tmp/t.git                   → a usage error: no command
    ///     --repo                              → a usage error: no path
    ///
    /// It goes right after the name, not to the end, so that it stays before a `--` ending the options.
    static func movingLeadingRepository(_ arguments: [String]) throws(ValidationError) -> [String] {
        var leading: [String] = []
        var rest = arguments[...]
        while let first = rest.first {
            if first == "--repo" {
                guard rest.count >= 2 else { throw ValidationError("Missing value for '--repo <path>'") }
                leading += rest.prefix(2)
                rest = rest.dropFirst(2)
            } else if first.hasPrefix("--repo=") {
                leading.append(first)
                rest = rest.dropFirst()
            } else {
                break
            }
        }
        guard !leading.isEmpty else { return arguments }
        guard let name = rest.first else { throw ValidationError("--repo needs a command after it: redline --repo PATH log SLUG") }
        guard !name.hasPrefix("-") else { return arguments }
        guard configuration.subcommands.contains(where: { $0.configuration.commandName == name }) else { return Array(rest) }
        return [name] + leading + rest.dropFirst()
    }

    /// Refuses a word of letters after one dash (`-dash`, `-ha`): swift-argument-parser reads it
    /// as short flags grouped, and one `h` among them printed the help and exited 0, storing
    /// nothing (`redline snap -dash page.html`). redline has no flags to group; after `--`,
    /// anything goes.
    static func refusingGroupedFlags(_ arguments: [String]) throws(ValidationError) -> [String] {
        for argument in arguments.prefix(while: { $0 != "--" }) where argument.count > 2 && argument.hasPrefix("-")
            && !argument.hasPrefix("--") && argument.dropFirst().allSatisfy({ $0.isASCII && $0.isLetter }) {
            throw ValidationError("Unknown option '\(argument)'; an article's name never starts with '-'")
        }
        return arguments
    }
}
