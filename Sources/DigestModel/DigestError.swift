/// Everything that can stop a digest command, each with the exit code
/// the command ends with. Messages are whole sentences that say what went
/// wrong, with which issue, item or field, and what to do.
package enum DigestError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The workflow refuses (wrong stage, frozen issue, version conflict, exists): exit 1.
    case refused(String)
    /// The workflow refuses, with what it is about: exit 1, 66 or 77 (`WorkflowRefusal.exitCode`).
    case workflow(WorkflowRefusal)
    /// The command line itself is wrong: exit 64.
    case usage(String, command: String?)
    /// Invalid data: every problem found, all at once: exit 65.
    case invalid([ValidationProblem])
    /// Invalid data with more problems than are worth listing: the first ones, and how many more: exit 65.
    case tooManyProblems([ValidationProblem], more: Int)
    /// Malformed input that is not about one field (bad JSON, bad UTF-8, a broken template): exit 65.
    case malformed(String)
    /// Database, issue, item or input file not found: exit 66.
    case notFound(String)
    /// A bug: exit 70.
    case internalError(String)
    /// An output file or the database cannot be written: exit 73.
    case cannotWrite(String)
    /// A page or feed could not be fetched or read, the mail command failed, or
    /// the host of an `ssh://` database cannot be reached or the connection ended: exit 69.
    case unavailable(String)
    /// The database stayed locked past the busy timeout: exit 75.
    case busy(String)
    /// The other end of an `ssh://` connection speaks another protocol (or none): exit 76.
    case protocolMismatch(String)
    /// Four-eyes or the roster says no: exit 77.
    case notPermitted(String)
    /// A database from a newer digest, not a digest database, or corrupt: exit 78.
    case incompatibleDatabase(String)

    package var exitCode: Int32 {
        switch self {
        case .refused: return 1
        case .workflow(let refusal): return refusal.exitCode
        case .usage: return 64
        case .invalid, .tooManyProblems, .malformed: return 65
        case .notFound: return 66
        case .unavailable: return 69
        case .internalError: return 70
        case .cannotWrite: return 73
        case .busy: return 75
        case .protocolMismatch: return 76
        case .notPermitted: return 77
        case .incompatibleDatabase: return 78
        }
    }

    package var description: String {
        switch self {
        case .refused(let message), .usage(let message, _), .malformed(let message),
             .notFound(let message), .unavailable(let message), .internalError(let message), .cannotWrite(let message),
             .busy(let message), .protocolMismatch(let message), .notPermitted(let message),
             .incompatibleDatabase(let message):
            return message
        case .workflow(let refusal):
            return refusal.fact + "."
        case .invalid(let problems):
            if problems.count == 1 { return problems[0].description }
            return "\(problems.count) problems; nothing was stored:\n"
                + problems.map { "  - \($0.description)" }.joined(separator: "\n")
        case .tooManyProblems(let problems, let more):
            return "\(problems.count + more) problems; nothing was stored. The first \(problems.count):\n"
                + problems.map { "  - \($0.description)" }.joined(separator: "\n")
                + "\n  … and \(more) more."
        }
    }
}
