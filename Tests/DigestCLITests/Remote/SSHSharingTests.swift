import Foundation
import Testing

/// Commands through `ssh://` share one ssh connection: the first opens a
/// master connection, the next ones go through its socket without a key
/// exchange or an authentication of their own. Counted on the real sshd's
/// own log, not timed.
@Suite("ssh:// commands share one connection", .serialized)
struct SSHSharingTests {
    /// A folder for the sockets short enough for a socket path (the test's
    /// own temporary folders are too long); removed by the caller.
    static func socketFolder() throws -> String {
        var template = Array("/tmp/dgs.XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in mkdtemp(buffer.baseAddress!).map { String(cString: $0) } }
        return try #require(made) + "/ctl"
    }

    static func accepted(_ server: SSHServer) -> Int {
        server.log.text.components(separatedBy: "Accepted publickey").count - 1
    }

    @Test("with sharing, three commands make one connection and start ssh once; the socket is in a private folder; -O exit ends it")
    func shared() throws {
        let team = try RemoteTeam(people: ["mira"])
        var mira = try team.client("mira")
        let sockets = try Self.socketFolder()
        defer { try? FileManager.default.removeItem(atPath: (sockets as NSString).deletingLastPathComponent) }
        mira.environment["DIGEST_SSH_CONTROL"] = sockets
        // ssh through a wrapper that counts its starts: the commands after the
        // first ask the master on its socket, with no ssh process of their own.
        let starts = mira.directory.path + "/ssh-starts"
        let wrapper = mira.directory.path + "/counting-ssh"
        try "#!/bin/sh\necho started >> '\(starts)'\nexec \(mira.environment["DIGEST_SSH"] ?? "ssh") \"$@\"\n"
            .write(toFile: wrapper, atomically: true, encoding: .utf8)
        chmod(wrapper, 0o755)
        let ssh = try #require(mira.environment["DIGEST_SSH"])
        mira.environment["DIGEST_SSH"] = wrapper
        for number in 0..<3 {
            let added = try mira.run("draft", "--date", "2026-11-0\(number + 2)")
            #expect(added.status == 0, "\(added.standardError)")
            #expect(added.standardOutput.hasPrefix("Opened issue \(number + 1) for"), "\(added.standardOutput)")
        }
        // The exit status comes back through the master too.
        let missing = try mira.run("show", "9")
        #expect(missing.status == 66)
        #expect(missing.standardError == "digest: error: there is no issue 9; 'digest list' shows the issues there are.\n")
        #expect(Self.accepted(team.server) == 1, "\(team.server.log.text)")
        #expect(try String(contentsOfFile: starts, encoding: .utf8) == "started\n")
        var status = stat()
        #expect(lstat(sockets, &status) == 0)
        #expect(status.st_mode & 0o777 == 0o700)
        let socket = try #require(try FileManager.default.contentsOfDirectory(atPath: sockets).first)
        #expect(socket.count == 16)
        // The master ends when asked, as a person would end it; nothing is left running.
        let command = ssh + " -o ControlPath=\(sockets)/\(socket) -O exit -p \(team.server.port) "
            + "\(team.server.account)@127.0.0.1"
        let exited = try Digest.execute("/bin/sh", ["-c", command], environment: mira.environment,
                                        directory: mira.directory.path)
        #expect(exited.status == 0, "\(exited.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: sockets).isEmpty)
    }

    @Test("a master that died leaves a stale socket: the next command opens a new connection, and nothing is lost")
    func staleSocket() throws {
        let team = try RemoteTeam(people: ["mira"])
        var mira = try team.client("mira")
        let sockets = try Self.socketFolder()
        defer { try? FileManager.default.removeItem(atPath: (sockets as NSString).deletingLastPathComponent) }
        mira.environment["DIGEST_SSH_CONTROL"] = sockets
        #expect(try mira.run("list").status == 0)
        let socket = try #require(try FileManager.default.contentsOfDirectory(atPath: sockets).first)
        let ssh = try #require(mira.environment["DIGEST_SSH"])
        let check = try Digest.execute("/bin/sh", ["-c", ssh + " -o ControlPath=\(sockets)/\(socket) -O check "
            + "-p \(team.server.port) \(team.server.account)@127.0.0.1"], environment: mira.environment,
            directory: mira.directory.path)
        // "Master running (pid=N)"
        let pid = try #require(Int32(check.standardError.split(separator: "=").last?.prefix { $0.isNumber } ?? ""))
        #expect(kill(pid, SIGKILL) == 0)
        var ended: Int32 = 0
        while kill(pid, 0) == 0 { _ = waitpid(pid, &ended, WNOHANG); sched_yield() }
        #expect(FileManager.default.fileExists(atPath: sockets + "/" + socket))
        let after = try mira.run("draft", "--date", "2026-11-02")
        #expect(after.status == 0, "\(after.standardError)")
        #expect(Self.accepted(team.server) == 2)
        #expect(try DatabaseInspector.scalar(team.databasePath, "SELECT count(*) FROM issues") == "1")
        let exit = ssh + " -o ControlPath=\(sockets)/\(socket) -O exit -p \(team.server.port) \(team.server.account)@127.0.0.1"
        _ = try Digest.execute("/bin/sh", ["-c", exit], environment: mira.environment, directory: mira.directory.path)
    }

    @Test("DIGEST_SSH_CONTROL=off: each command connects on its own")
    func notShared() throws {
        let team = try RemoteTeam(people: ["mira"])
        let mira = try team.client("mira")
        #expect(mira.environment["DIGEST_SSH_CONTROL"] == "off")
        for _ in 0..<2 { #expect(try mira.run("list").status == 0) }
        #expect(Self.accepted(team.server) == 2)
    }

    @Test("a folder that others may enter is not used: no sharing rather than a socket others could reach")
    func openFolderRefused() throws {
        let team = try RemoteTeam(people: ["mira"])
        var mira = try team.client("mira")
        let sockets = try Self.socketFolder()
        defer { try? FileManager.default.removeItem(atPath: (sockets as NSString).deletingLastPathComponent) }
        try FileManager.default.createDirectory(atPath: sockets, withIntermediateDirectories: true)
        chmod(sockets, 0o777)
        mira.environment["DIGEST_SSH_CONTROL"] = sockets
        for _ in 0..<2 { #expect(try mira.run("list").status == 0) }
        #expect(Self.accepted(team.server) == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: sockets).isEmpty)
    }
}
