import Foundation

/// Where digest's output goes: whether each stream is a terminal, and how
/// tall the screen is. `CLI.run` takes it as a value, so that commands run
/// in tests (or for a remote client) behave as they do through a pipe.
package struct Terminal: Sendable, Equatable {
    package var standardOutputIsTerminal: Bool
    package var standardErrorIsTerminal: Bool
    /// Lines on the screen, for deciding whether output needs a pager.
    package var rows: Int
    /// A person can answer questions: standard input is a terminal too.
    package var standardInputIsTerminal: Bool

    package init(standardOutputIsTerminal: Bool, standardErrorIsTerminal: Bool, rows: Int,
                 standardInputIsTerminal: Bool = false) {
        self.standardOutputIsTerminal = standardOutputIsTerminal
        self.standardErrorIsTerminal = standardErrorIsTerminal
        self.rows = rows
        self.standardInputIsTerminal = standardInputIsTerminal
    }

    /// Neither stream is a terminal: no colour, no pager, no progress.
    package static let none = Terminal(standardOutputIsTerminal: false, standardErrorIsTerminal: false, rows: 24)

    /// The process's own standard output and error.
    static func current(environment: [String: String]) -> Terminal {
        var rows = Int(environment["LINES"] ?? "") ?? 24
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 {
            rows = Int(size.ws_row)
        }
        return Terminal(standardOutputIsTerminal: isatty(STDOUT_FILENO) == 1,
                        standardErrorIsTerminal: isatty(STDERR_FILENO) == 1, rows: rows,
                        standardInputIsTerminal: isatty(STDIN_FILENO) == 1)
    }
}
