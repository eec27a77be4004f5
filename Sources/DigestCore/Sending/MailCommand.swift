import Foundation

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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(words.dropFirst()) + recipients
        process.environment = environment
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw DigestError.unavailable("the mail command '\(executable)' could not be started: \(error.localizedDescription)")
        }
        // Standard error is read on its own thread so that a chatty command
        // cannot block on a full pipe while the message is still being written.
        let collected = ErrorCollector()
        let reader = Thread { collected.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        var writeFailed = false
        // A command that exits early must not kill digest with SIGPIPE:
        // the write fails instead, and the command's status tells why.
        signal(SIGPIPE, SIG_IGN)
        do {
            try input.fileHandleForWriting.write(contentsOf: Data(message.utf8))
        } catch {
            writeFailed = true  // the command exited without reading it all; its status says why
        }
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        let stderr = collected.wait()
        let said = String(decoding: stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let command = words.joined(separator: " ")
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let how = process.terminationReason == .exit
                ? "exited with status \(process.terminationStatus)" : "was killed by signal \(process.terminationStatus)"
            throw DigestError.unavailable("the mail command '\(command)' \(how), so nothing was sent"
                + (said.isEmpty ? "." : ":\n\(said)"))
        }
        if writeFailed {
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

/// Standard error, handed from the reading thread to the waiting one.
private final class ErrorCollector: @unchecked Sendable {
    private let condition = NSCondition()
    private var data: Data?

    func set(_ value: Data) {
        condition.lock()
        data = value
        condition.broadcast()
        condition.unlock()
    }

    func wait() -> Data {
        condition.lock()
        defer { condition.unlock() }
        while data == nil { condition.wait() }
        return data ?? Data()
    }
}
