/// Options every command takes, before or after the command name.
import CommandLineParsing

enum GlobalOptions {
    static let specs: [OptionSpec] = [
        .value("db", "PATH", "The database (default: $DIGEST_DB, else ./digest.sqlite)."),
        .value("as", "NAME", "Who is acting (default: $DIGEST_USER, else the system account); with identity account, only yourself."),
        .flag("json", "Print exactly one JSON document on standard output."),
        .flag("quiet", "Print no confirmations (data and errors still print)."),
        .value("color", "WHEN", "Colour on a terminal: auto (default), always or never; NO_COLOR also turns it off.",
               choices: TextStyle.colourChoices),
        .flag("no-pager", "Print long output directly instead of through $PAGER (also: DIGEST_PAGER=)."),
        .flag("help", "Show help for the command."),
    ]
}
