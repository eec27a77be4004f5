import Foundation

/// A real OpenSSH server for one test: `/usr/sbin/sshd` in the foreground
/// on 127.0.0.1 at a free port, with a host key, one client key per person
/// and an `authorized_keys` of forced commands, all made in a temporary
/// folder; stopped (and its folder removed) when the test ends.
final class SSHServer: @unchecked Sendable {
    /// One person's key and what sshd runs when it logs in.
    struct Key {
        let name: String
        let forcedCommand: String
    }

    let folder: TemporaryDirectory
    let port: Int
    /// The account the server logs everyone in as (the one running the tests).
    let account: String
    private let pid: pid_t
    let log: LineLog
    private var stopped = false

    init(keys: [Key]) throws {
        folder = try TemporaryDirectory()
        account = String(cString: getpwuid(geteuid()).pointee.pw_name)
        try SSHServer.keygen(folder.file("host_key"), comment: "digest-test-host")
        var authorized = ""
        for key in keys {
            try SSHServer.keygen(folder.file("key-\(key.name)"), comment: key.name)
            let publicKey = try folder.read("key-\(key.name).pub").trimmingCharacters(in: .whitespacesAndNewlines)
            // sshd reads \" in a command as ", and every other character as it is.
            let command = key.forcedCommand.replacingOccurrences(of: "\"", with: "\\\"")
            authorized += "command=\"\(command)\",restrict \(publicKey)\n"
        }
        try folder.write("authorized_keys", authorized)
        let hostKey = try folder.read("host_key.pub").trimmingCharacters(in: .whitespacesAndNewlines)

        var attempt = 0
        while true {
            let port = try SSHServer.freePort()
            try folder.write("sshd_config", """
                Port \(port)
                ListenAddress 127.0.0.1
                HostKey \(folder.file("host_key"))
                PidFile none
                AuthorizedKeysFile \(folder.file("authorized_keys"))
                PubkeyAuthentication yes
                PasswordAuthentication no
                KbdInteractiveAuthentication no
                PermitRootLogin prohibit-password
                StrictModes no
                UsePAM no
                MaxStartups 100
                LogLevel INFO

                """)
            try folder.write("known_hosts", "[127.0.0.1]:\(port) \(hostKey)\n")
            let (pid, errors) = try Spawn.start(["/usr/sbin/sshd", "-D", "-e", "-f", folder.file("sshd_config")])
            let log = LineLog(errors)
            if log.wait(for: "Server listening on 127.0.0.1 port \(port)", seconds: 10) {
                self.port = port
                self.pid = pid
                self.log = log
                return
            }
            Spawn.stop(pid)
            attempt += 1
            guard attempt < 3 else {
                throw SSHServerFailed(message: "sshd did not start: " + log.text
                    + (FileManager.default.fileExists(atPath: "/run/sshd") ? "" : " (as root sshd needs /run/sshd; .ci/run creates it)"))
            }
        }
    }

    deinit {
        stop()
    }

    /// Stops sshd (sessions already running finish on their own).
    func stop() {
        guard !stopped else { return }
        stopped = true
        Spawn.stop(pid)
    }

    /// `$DIGEST_SSH` for a person: their key, this server's host key, and no
    /// user configuration or agent.
    func sshCommand(for name: String) -> String {
        "ssh -F /dev/null -i \(folder.file("key-\(name)")) -o IdentitiesOnly=yes -o IdentityAgent=none "
            + "-o UserKnownHostsFile=\(folder.file("known_hosts")) -o StrictHostKeyChecking=yes -o BatchMode=yes "
            + "-o LogLevel=ERROR"
    }

    /// `ssh://account@127.0.0.1:port/path`.
    func url(_ path: String) -> String {
        "ssh://\(account)@127.0.0.1:\(port)\(path)"
    }

    /// The environment of a client run by `name`: the database on this server.
    func clientEnvironment(_ name: String, database path: String) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["DIGEST_DB"] = url(path)
        environment["DIGEST_SSH"] = sshCommand(for: name)
        // Connection sharing keeps an ssh master for minutes, with its socket
        // in the user's home: off here; SSHSharingTests turns it on in a folder of its own.
        environment["DIGEST_SSH_CONTROL"] = "off"
        environment.removeValue(forKey: "DIGEST_USER")
        environment.removeValue(forKey: "SOURCE_DATE_EPOCH")
        return environment
    }

    /// The `digest serve` processes sshd started for this server's sessions.
    var servingProcesses: [pid_t] {
        ProcessTree.descendants(of: pid).filter { ProcessTree.commandLine($0).contains("serve") }
    }

    private static func keygen(_ path: String, comment: String) throws {
        let result = try Digest.execute("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", path],
                                        environment: ProcessInfo.processInfo.environment, directory: "/")
        guard result.status == 0 else { throw SSHServerFailed(message: "ssh-keygen: \(result.standardError)") }
    }

    /// A port nobody listens on right now (the kernel's choice for port 0).
    private static func freePort() throws -> Int {
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketDescriptor >= 0 else { throw SSHServerFailed(message: "socket: \(errno)") }
        defer { close(socketDescriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(socketDescriptor, pointer, length) == 0 && getsockname(socketDescriptor, pointer, &length) == 0
            }
        }
        guard bound else { throw SSHServerFailed(message: "bind: \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

struct SSHServerFailed: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// Reads a child's output line by line on a thread of its own, so a test
/// can wait for a line (sshd's "Server listening…") without sleeping.
final class LineLog: @unchecked Sendable {
    private let condition = NSCondition()
    private var collected = ""

    init(_ descriptor: Int32) {
        Thread.detachNewThread {
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                self.condition.lock()
                if count <= 0 { self.collected += "\u{0}" } else { self.collected += String(decoding: chunk[0..<count], as: UTF8.self) }
                self.condition.broadcast()
                self.condition.unlock()
                if count <= 0 {
                    close(descriptor)
                    return
                }
            }
        }
    }

    var text: String {
        condition.lock()
        defer { condition.unlock() }
        return collected.replacingOccurrences(of: "\u{0}", with: "")
    }

    /// Whether `line` appeared within `seconds` (false at once when the output ended without it).
    func wait(for line: String, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        condition.lock()
        defer { condition.unlock() }
        while !collected.contains(line) {
            if collected.contains("\u{0}") || !condition.wait(until: deadline) { return collected.contains(line) }
        }
        return true
    }
}

/// The processes below a process, from `/proc`.
enum ProcessTree {
    static func descendants(of root: pid_t) -> [pid_t] {
        var children: [pid_t: [pid_t]] = [:]
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = pid_t(entry), let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 1, let parent = pid_t(fields[1]) else { continue }
            children[parent, default: []].append(pid)
        }
        var found: [pid_t] = []
        var queue = children[root] ?? []
        while let next = queue.popLast() {
            found.append(next)
            queue += children[next] ?? []
        }
        return found
    }

    static func commandLine(_ pid: pid_t) -> String {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return "" }
        return String(decoding: data.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
    }
}

/// Long-lived helpers (sshd, Litestream), started without Foundation's
/// Process: while a long-lived child of Process runs, the tests' other
/// children are never seen to exit.
enum Spawn {
    /// Starts a program with its output and errors on one pipe; returns its pid and the pipe's reading end.
    static func start(_ arguments: [String]) throws -> (pid_t, Int32) {
        var descriptors: [Int32] = [0, 0]
        guard pipe(&descriptors) == 0 else { throw SSHServerFailed(message: "pipe: \(errno)") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, descriptors[1], 1)
        posix_spawn_file_actions_adddup2(&actions, descriptors[1], 2)
        posix_spawn_file_actions_addclose(&actions, descriptors[0])
        posix_spawn_file_actions_addclose(&actions, descriptors[1])
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, arguments[0], &actions, nil, &argv, environ)
        close(descriptors[1])
        guard code == 0 else {
            close(descriptors[0])
            throw SSHServerFailed(message: "cannot start \(arguments[0]): \(String(cString: strerror(code)))")
        }
        return (pid, descriptors[0])
    }

    /// Stops a helper with SIGTERM (or `signal`) and reaps it.
    static func stop(_ pid: pid_t, signal: Int32 = SIGTERM) {
        kill(pid, signal)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }
}
