
/// A failure of the command line itself, before any command runs.
package enum CLIError: Error {
    /// Exit 64, with the usage line of the command when known.
    case usage(String, command: CommandSpec?)
}

extension CLIError {
    /// A required argument or option left out: what it is, from its help.
    package static func missing(_ synopsis: String, help: String, command: CommandSpec) -> CLIError {
        var meaning = help.lowercasedFirst()
        if meaning.hasSuffix(".") { meaning.removeLast() }
        return .usage("'\(command.name)' needs \(synopsis) — \(meaning).", command: command)
    }
}
