import ChildProcess
import Foundation
import DigestStorage
import DigestModel
import DigestRendering

/// Hands a complete message to the mail command (`mail.command`, by default
/// `sendmail -t -oi`): the message on its standard input, the recipients as
/// its last arguments. The command is run directly, never through a shell.
package struct MailCommand: Sendable {
    package let words: [String]

    package init(words: [String]) {
        self.words = words.isEmpty ? MailCommandLine.defaultCommand : words
    }

    /// Runs the command and waits for it. Throws `.unavailable` (exit 69)
    /// when it cannot be started or does not exit 0, with what it wrote to
    /// standard error.
    package func deliver(_ message: String, to recipients: [String], environment: [String: String]) throws {
        guard let program = words.first, let executable = Self.locate(program, path: environment["PATH"]) else {
            throw DigestError.unavailable("the mail command '\(words.first ?? "")' was not found; install a mail "
                + "transfer agent that provides sendmail, or set another with 'digest config mail.command \"PROGRAM ARGS\"'.")
        }
        let run: ChildProcess.Outcome
        do {
            run = try ChildProcess.run(executable, Array(words.dropFirst()) + recipients, environment: environment,
                                       input: Data(message.utf8))
        } catch {
            throw DigestError.unavailable("the mail command '\(executable)' could not be started: \(error.reason)")
        }
        let said = String(decoding: run.errors, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let command = words.joined(separator: " ")
        guard run.succeeded else {
            throw DigestError.unavailable("the mail command '\(command)' \(run.ending), so nothing was sent"
                + (said.isEmpty ? "." : ":\n\(said)"))
        }
        if !run.tookWholeInput {
            throw DigestError.unavailable("the mail command '\(command)' exited before reading the whole message, "
                + "so it may not have been sent" + (said.isEmpty ? "." : ":\n\(said)"))
        }
    }

    /// A program name as the shell would find it: a path as it is, else the
    /// first executable of that name on PATH (or in the usual sbin folders,
    /// where sendmail lives).
    static func locate(_ program: String, path: String?) -> String? {
        if program.contains("/") {
            return FileManager.default.isExecutableFile(atPath: program) ? program : nil
        }
        let folders = (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
            + ["/usr/sbin", "/usr/lib", "/sbin"]
        return folders.map { $0 + "/" + program }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
