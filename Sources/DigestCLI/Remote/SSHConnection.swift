import ChildProcess
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
/// a folder only the user can enter (`controlPath`); a command after the
/// first asks the master directly (`SSHMultiplexedSession`), with no ssh process.
final class SSHConnection {
    let channel: MessageChannel
    private let peer: Peer
    private let input: Int32
    private let output: Int32
    private let errors: ErrorCollector

    /// Who carries the session: an `ssh` child, or an open master asked directly.
    private enum Peer {
        case ssh(ChildProcess.Running)
        case master(SSHMultiplexedSession)
    }

    init(to location: RemoteLocation, environment: [String: String]) throws {
        let command = environment["DIGEST_SSH"].flatMap { $0.isEmpty ? nil : $0 } ?? "ssh"
        let remoteCommand = "digest serve --stdio --db " + Self.shellQuoted(location.path)
        // A host that went away shows as a failed write, not a fatal signal.
        signal(SIGPIPE, SIG_IGN)
        let controlPath = Self.controlPath(for: location, command: command, environment: environment)
        if let controlPath, let session = SSHMultiplexedSession(controlPath: controlPath, command: remoteCommand) {
            peer = .master(session)
            (input, output) = (session.input, session.output)
            errors = ErrorCollector(session.errors)
        } else {
            // Options in $DIGEST_SSH come first, and ssh keeps the first value of each.
            var arguments = ["-c", command + " \"$@\"", "ssh", "-T"]
            if let controlPath {
                arguments += ["-o", "ControlMaster=auto", "-o", "ControlPath=\(controlPath)", "-o", "ControlPersist=300"]
            }
            if let port = location.port { arguments += ["-p", String(port)] }
            arguments += [location.destination, remoteCommand]
            let child: ChildProcess.Running
            do {
                child = try ChildProcess.start("/bin/sh", arguments, environment: environment, input: true)
            } catch {
                throw DigestError.unavailable("cannot start '\(command)' to reach \(location.display): \(error.reason).")
            }
            peer = .ssh(child)
            (input, output) = (child.input, child.output)
            errors = ErrorCollector(child.errors)
        }
        channel = MessageChannel(reading: output, writing: input)
    }

    /// Ends the session (the host sees the end of its input) and waits for
    /// it: ssh's exit status (or the command's, through a master) and what
    /// was said on standard error.
    func finish() -> (status: Int32, message: String) {
        close(input)
        let status: Int32
        switch peer {
        case .ssh(let child):
            let ending = child.wait()
            status = ending.status ?? 128 + (ending.signal ?? 0)
        case .master(let session):
            status = session.exitStatus()
        }
        close(output)
        return (status, errors.text())
    }

    /// The socket of the connection commands share, or nil for none:
    /// `DIGEST_SSH_CONTROL=off` turns sharing off, `DIGEST_SSH_CONTROL=DIR`
    /// keeps the sockets in DIR; else `$XDG_RUNTIME_DIR/digest-ssh`, else
    /// `~/.ssh/digest-control`. The folder is made private (0700) and used
    /// only if it is a real folder of this user's that nobody else can enter:
    /// anyone who can reach the socket can use the connection. One socket per
    /// host, port, account and ssh command (a different key is a different
    /// connection), named by a hash of them.
    static func controlPath(for location: RemoteLocation, command: String, environment: [String: String]) -> String? {
        let setting = environment["DIGEST_SSH_CONTROL"] ?? ""
        if ["off", "0", "no"].contains(setting.lowercased()) { return nil }
        let folder: String
        if !setting.isEmpty {
            folder = setting
        } else if let runtime = environment["XDG_RUNTIME_DIR"], runtime.hasPrefix("/") {
            folder = runtime + "/digest-ssh"
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            folder = home + "/.ssh/digest-control"
        } else {
            return nil
        }
        // A socket path longer than the system allows (107 bytes) makes ssh
        // fail: the name adds a slash and 16 characters, and ssh a
        // 17-character suffix while it creates the socket. ssh would read a
        // '%' in the path as one of its own tokens.
        guard folder.utf8.count <= 107 - 34, !folder.contains("%"), isPrivateFolder(folder) else { return nil }
        return folder + "/" + fingerprint([command, location.destination, location.port.map(String.init) ?? ""])
    }

    /// 64-bit FNV-1a of the parts, in hex: the same name in every process.
    private static func fingerprint(_ parts: [String]) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in parts.joined(separator: "\u{0}").utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
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

    init(_ descriptor: Int32) {
        DispatchQueue.global().async {
            let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
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
