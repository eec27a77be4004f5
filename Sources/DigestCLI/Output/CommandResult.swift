import DigestModel
import DigestRendering
import DigestWorkflow

/// What a command has to say: text for people, one JSON document for
/// programs, and the exit code.
struct CommandResult {
    /// What a person reads on standard output.
    var text: String
    /// What `--json` prints instead; made only when it is printed.
    var makeJSON: () -> JSONValue
    var json: JSONValue { makeJSON() }
    /// A confirmation ("Added item 12 …"), which `--quiet` silences; data
    /// (show, list, render) always prints.
    var isConfirmation: Bool
    var exitCode: Int32 = 0
    /// An error message to print after the output, when a command succeeds in
    /// part (publish: edition stored, files not written).
    var error: String?
    /// Output that is a file's bytes (a render, a dump) rather than text for
    /// people: printed exactly as it is, for pipes and redirections.
    var isRawData = false

    static func confirmation(_ text: String, json: @autoclosure @escaping () -> JSONValue) -> CommandResult {
        CommandResult(text: text, makeJSON: json, isConfirmation: true)
    }

    static func data(_ text: String, json: @autoclosure @escaping () -> JSONValue) -> CommandResult {
        CommandResult(text: text, makeJSON: json, isConfirmation: false)
    }
}
