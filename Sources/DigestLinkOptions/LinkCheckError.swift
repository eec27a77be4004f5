/// Why a run did not check its links: bad input 65, failed reads or writes
/// 74. (A bad command line is the parser's `CLIError`, 64.)
package enum LinkCheckError: Error, Equatable, CustomStringConvertible {
    /// One sentence per bad line, each starting with its line number.
    case invalidInput([String])
    case unreadableInput(String)
    case unwritableOutput(String)

    package var exitCode: Int32 {
        switch self {
        case .invalidInput: 65
        case .unreadableInput, .unwritableOutput: 74
        }
    }

    /// The lines printed after `digest-links: error: `, one per problem.
    package var messages: [String] {
        switch self {
        case .invalidInput(let problems):
            problems + ["no link was checked; correct the lines above and run again"]
        case .unreadableInput(let reason):
            ["cannot read standard input: \(reason)"]
        case .unwritableOutput(let reason):
            ["cannot write the results to standard output: \(reason)"]
        }
    }

    package var description: String { messages.joined(separator: "\n") }
}
