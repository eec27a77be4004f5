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

    @Test("with sharing, three commands make one connection; the socket is in a private folder; -O exit ends it")
    func shared() throws {
        let team = try RemoteTeam(people: ["mira"])
        var mira = try team.client("mira")
        let sockets = try Self.socketFolder()
        defer { try? FileManager.default.removeItem(atPath: (sockets as NSString).deletingLastPathComponent) }
        mira.environment["DIGEST_SSH_CONTROL"] = sockets
        for _ in 0..<3 {
            let listed = try mira.run("list")
            #expect(listed.status == 0, "\(listed.standardError)")
        }
        #expect(Self.accepted(team.server) == 1, "\(team.server.log.text)")
        var status = stat()
        #expect(lstat(sockets, &status) == 0)
        #expect(status.st_mode & 0o777 == 0o700)
        let socket = try #require(try FileManager.default.contentsOfDirectory(atPath: sockets).first)
        #expect(socket.count == 40)
        // The master ends when asked, as a person would end it; nothing is left running.
        let command = team.server.sshCommand(for: "mira") + " -o ControlPath=\(sockets)/%C -O exit -p \(team.server.port) "
            + "\(team.server.account)@127.0.0.1"
        let exited = try Digest.execute("/bin/sh", ["-c", command], environment: mira.environment,
                                        directory: mira.directory.path)
        #expect(exited.status == 0, "\(exited.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: sockets).isEmpty)
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
