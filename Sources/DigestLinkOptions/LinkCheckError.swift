/// Why a run did not check its links. Usage problems exit 64, bad input 65,
/// failed reads or writes 74.
package enum LinkCheckError: Error, Equatable, CustomStringConvertible {
    case unknownOption(String)
    case missingValue(option: String, expected: String)
    case invalidValue(option: String, value: String, expected: String)
    case unexpectedArgument(String)
    /// One sentence per bad line, each starting with its line number.
    case invalidInput([String])
    case unreadableInput(String)
    case unwritableOutput(String)

    package var exitCode: Int32 {
        switch self {
        case .unknownOption, .missingValue, .invalidValue, .unexpectedArgument: 64
        case .invalidInput: 65
        case .unreadableInput, .unwritableOutput: 74
        }
    }

    /// The lines printed after `digest-links: error: `, one per problem.
    package var messages: [String] {
        switch self {
        case .unknownOption(let option):
            ["unknown option '\(option)'; the options are --timeout, --concurrency, --deadline, --max-redirects, --allow-private, --help and --version"]
        case .missingValue(let option, let expected):
            ["\(option) needs a value: \(expected)"]
        case .invalidValue(let option, let value, let expected):
            ["\(option) must be \(expected), not '\(value)'"]
        case .unexpectedArgument(let argument):
            ["unexpected argument '\(argument)'; digest-links reads its links from standard input, one JSON object a line"]
        case .invalidInput(let problems):
            problems + ["no link was checked; correct the lines above and run again"]
        case .unreadableInput(let reason):
            ["cannot read standard input: \(reason)"]
        case .unwritableOutput(let reason):
            ["cannot write the results to standard output: \(reason)"]
        }
    }

    package var description: String { messages.joined(separator: "\n") }

    /// Usage problems are followed by the usage line and a pointer to the help.
    package var isUsageError: Bool { exitCode == 64 }
}
