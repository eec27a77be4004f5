import DigestCore

/// A failure of the command line itself, before any command runs.
enum CLIError: Error {
    /// Exit 64, with the usage line of the command when known.
    case usage(String, command: CommandSpec?)
}
