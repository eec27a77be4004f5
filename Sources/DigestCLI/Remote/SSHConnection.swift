import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow
import Foundation

/// `ssh -T` to the host, running `digest serve --stdio` there, as a child
/// process: OpenSSH does the connection, the authentication and the
/// encryption, honouring `~/.ssh/config`. `$DIGEST_SSH` replaces the `ssh`
/// command (read by the shell, as git reads `$GIT_SSH_COMMAND`), e.g.
/// `ssh -i ~/.ssh/harbour -o IdentitiesOnly=yes`.
final class SSHConnection {
    let channel: MessageChannel
    private let process: Process
    private let toHost: FileHandle
    private let fromHost: FileHandle
    private let errors: ErrorCollector

    init(to location: RemoteLocation, environment: [String: String]) throws {
        let command = environment["DIGEST_SSH"].flatMap { $0.isEmpty ? nil : $0 } ?? "ssh"
        var arguments = ["-c", command + " \"$@\"", "ssh", "-T"]
        if let port = location.port { arguments += ["-p", String(port)] }
        arguments += [location.destination, "digest serve --stdio --db " + Self.shellQuoted(location.path)]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = arguments
        process.environment = environment
        let input = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        // A host that went away shows as a failed write, not a fatal signal.
        signal(SIGPIPE, SIG_IGN)
        do {
            try process.run()
        } catch {
            throw DigestError.unavailable("cannot start '\(command)' to reach \(location.display): \(error.localizedDescription).")
        }
        self.process = process
        toHost = input.fileHandleForWriting
        fromHost = output.fileHandleForReading
        errors = ErrorCollector(error.fileHandleForReading)
        channel = MessageChannel(reading: fromHost.fileDescriptor, writing: toHost.fileDescriptor)
    }

    /// Ends the session (the host sees the end of its input) and waits for
    /// ssh: its exit status and what it said on standard error.
    func finish() -> (status: Int32, message: String) {
        try? toHost.close()
        process.waitUntilExit()
        try? fromHost.close()
        return (process.terminationStatus, errors.text())
    }

    /// `'…'` for the remote shell, which reads the command ssh sends.
    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// Gathers a child's standard error on a thread of its own, so a chatty ssh
/// can never block on a full pipe.
private final class ErrorCollector: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ handle: FileHandle) {
        DispatchQueue.global().async {
            self.data = handle.readDataToEndOfFile()
            self.done.signal()
        }
    }

    func text() -> String {
        done.wait()
        var lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map { $0.trimmingSpaces() }
        lines.removeAll { $0.isEmpty }
        return lines.joined(separator: " ")
    }
}

private extension Substring {
    func trimmingSpaces() -> String {
        String(self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
