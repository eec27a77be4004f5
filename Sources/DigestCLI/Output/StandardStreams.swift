import DigestModel
import DigestRendering
import DigestWorkflow
import Foundation

/// Puts an outcome on the process's standard output and error, checking
/// every write: output that did not arrive is never reported as success.
enum StandardStreams {
    /// Writes the outcome and returns the exit code the process ends with:
    /// the command's own, or 73 when its output could not be written. A
    /// reader that closed the pipe ends digest quietly, by `SIGPIPE`, as it
    /// ends `cat` or `grep`.
    static func deliver(_ outcome: CLI.Outcome) -> Int32 {
        if let code = FileSystem.writeAll(outcome.standardOutput, to: STDOUT_FILENO) {
            if code == EPIPE { endForClosedPipe() }
            _ = FileSystem.writeAll(outcome.standardError + "digest: error: cannot write to standard output: "
                + "\(FileSystem.reason(code)); the output is incomplete.\n", to: STDERR_FILENO)
            return 73
        }
        if let code = FileSystem.writeAll(outcome.standardError, to: STDERR_FILENO) {
            if code == EPIPE { endForClosedPipe() }
            // Nowhere is left to say it; the exit code still tells.
            return outcome.exitCode == 0 ? 73 : outcome.exitCode
        }
        return outcome.exitCode
    }

    /// Ends the process the way a closed pipe ends any command-line tool:
    /// by the default action of `SIGPIPE`, with no message.
    static func endForClosedPipe() -> Never {
        signal(SIGPIPE, SIG_DFL)
        raise(SIGPIPE)
        exit(128 + SIGPIPE)
    }
}

/// The process's standard streams, for what is written while a command runs
/// (progress lines) rather than with its outcome.
enum StandardStream {
    case output, error

    /// A progress line is a courtesy: when it cannot be written, the
    /// outcome written afterwards to the same stream fails and tells.
    func write(_ text: String) {
        _ = FileSystem.writeAll(text, to: self == .output ? STDOUT_FILENO : STDERR_FILENO)
    }
}

/// Standard output written as a command runs, in large pieces, each write
/// checked as the outcome's is: a long output (a dump) need not be whole in
/// memory first.
final class StreamedOutput {
    private var buffer = ""

    func write(_ text: String) throws {
        buffer += text
        if buffer.utf8.count >= 1 << 18 { try flush() }
    }

    func flush() throws {
        defer { buffer = "" }
        if let code = FileSystem.writeAll(buffer, to: STDOUT_FILENO) {
            if code == EPIPE { StandardStreams.endForClosedPipe() }
            throw DigestError.cannotWrite("cannot write to standard output: \(FileSystem.reason(code)); the output is incomplete.")
        }
    }
}
