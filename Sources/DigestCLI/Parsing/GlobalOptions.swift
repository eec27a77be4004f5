/// Options every command takes, before or after the command name.
enum GlobalOptions {
    static let specs: [OptionSpec] = [
        .value("db", "PATH", "The database (default: $DIGEST_DB, else ./digest.sqlite)."),
        .value("as", "NAME", "Who is acting (default: $DIGEST_USER, else the system account); with identity account, only yourself."),
        .flag("json", "Print exactly one JSON document on standard output."),
        .flag("quiet", "Print no confirmations (data and errors still print)."),
        .flag("help", "Show help for the command."),
    ]
}
