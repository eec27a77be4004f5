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
///
/// Commands share one connection to a host (OpenSSH's multiplexing): the
/// first opens it and it stays for five minutes after the last, so only the
/// first pays for the key exchange and authentication. Its socket lives in
/// a folder only the user can enter (`sharing(environment:)`).
final class SSHConnection {
    let channel: MessageChannel
    private let process: Process
    private let toHost: FileHandle
    private let fromHost: FileHandle
    private let errors: ErrorCollector

    init(to location: RemoteLocation, environment: [String: String]) throws {
        let command = environment["DIGEST_SSH"].flatMap { $0.isEmpty ? nil : $0 } ?? "ssh"
        // Options in $DIGEST_SSH come first, and ssh keeps the first value of each.
        var arguments = ["-c", command + " \"$@\"", "ssh", "-T"] + Self.sharing(environment: environment)
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

    /// The options that share one connection between commands, or none:
    /// `DIGEST_SSH_CONTROL=off` turns sharing off, `DIGEST_SSH_CONTROL=DIR`
    /// keeps the sockets in DIR; else `$XDG_RUNTIME_DIR/digest-ssh`, else
    /// `~/.ssh/digest-control`. The folder is made private (0700) and used
    /// only if it is a real folder of this user's that nobody else can enter:
    /// anyone who can reach the socket can use the connection.
    static func sharing(environment: [String: String]) -> [String] {
        let setting = environment["DIGEST_SSH_CONTROL"] ?? ""
        if ["off", "0", "no"].contains(setting.lowercased()) { return [] }
        let folder: String
        if !setting.isEmpty {
            folder = setting
        } else if let runtime = environment["XDG_RUNTIME_DIR"], runtime.hasPrefix("/") {
            folder = runtime + "/digest-ssh"
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            folder = home + "/.ssh/digest-control"
        } else {
            return []
        }
        // A socket path longer than the system allows (107 bytes) makes ssh
        // fail: `%C` adds a slash and a 40-character hash, and ssh a
        // 17-character suffix while it creates the socket.
        guard folder.utf8.count <= 107 - 58, isPrivateFolder(folder) else { return [] }
        return ["-o", "ControlMaster=auto", "-o", "ControlPath=\(folder)/%C", "-o", "ControlPersist=300"]
    }

    /// Makes `folder` (and its parent, as ssh makes `~/.ssh`) with mode 0700
    /// if missing, and says whether it is a folder, not a link, owned by this
    /// user, that no one else may enter.
    private static func isPrivateFolder(_ folder: String) -> Bool {
        let parent = FileSystem.directory(of: folder)
        if access(parent, F_OK) != 0 { mkdir(parent, 0o700) }
        if access(folder, F_OK) != 0 { mkdir(folder, 0o700) }
        var status = stat()
        guard lstat(folder, &status) == 0 else { return false }
        return (status.st_mode & S_IFMT) == S_IFDIR && status.st_uid == geteuid() && (status.st_mode & 0o077) == 0
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
