import Foundation
import Testing

/// The attacks on `digest serve` that a forced-command key could try, each
/// performed as written: through the real ssh and sshd, with one key per
/// person, and checked against what is left on the host.
@Suite("What a forced-command key cannot do", .serialized)
struct ServeBoundaryTests {
    /// mira edits, kim contributes, theo reviews; every key is forced to serve the one database.
    static func team(extra: [SSHServer.Key] = []) throws -> RemoteTeam {
        let team = try RemoteTeam(people: ["mira", "kim", "theo"], extra: extra)
        for (name, role) in [("mira", "editor"), ("kim", "contributor"), ("theo", "reviewer")] {
            let set = try team.local.run(["config", "people.\(name)", role], as: "mira")
            guard set.status == 0 else { throw StepFailed(step: "config people.\(name)", result: set) }
        }
        return team
    }

    @Test("mail.command and templates cannot be set, nor removed, through ssh; a contributor cannot send a test copy")
    func hostOnlySettings() throws {
        let team = try Self.team()
        let mira = try team.client("mira"), kim = try team.client("kim")
        let marker = team.host.file("owned")
        let logged = try team.count("SELECT count(*) FROM settings_log")
        let attack = try mira.run("config", "mail.command", "/bin/sh -c 'id > \(marker)'")
        #expect(attack.status == 77)
        #expect(attack.standardError == "digest: error: mail.command names a program or a path on the host, so it can be "
            + "changed only on the host, by someone who can write the database file there (for example: ssh to the host "
            + "as its owner and run 'digest --db /path/to/the.sqlite config mail.command VALUE'); it cannot be changed "
            + "through ssh://.\n")
        #expect(try mira.run("config", "templates", "/etc").status == 77)
        #expect(try mira.run("config", "mail.command", "--remove").status == 77)
        #expect(try team.count("SELECT count(*) FROM settings_log") == logged)
        #expect(try team.count("SELECT count(*) FROM settings WHERE key IN ('mail.command', 'templates')") == 0)
        // Reading them stays allowed; the roster's other settings still change through ssh.
        #expect(try mira.run("config", "excerpt.max", "900").status == 0)

        // The host's owner sets it on the host; then a contributor still cannot make it run.
        let script = try team.host.write("mail.sh", "#!/bin/sh\nid > \(marker)\ncat > /dev/null\n")
        chmod(script, 0o755)
        #expect(try team.local.run(["config", "mail.command", script], as: "mira").status == 0)
        let issue = try team.local.draft()
        let send = try kim.run("send", String(issue), "--test", "--to", "x@example.org")
        #expect(send.status == 77)
        #expect(send.standardError == "digest: error: kim is on the roster as contributor; only editors or reviewers or "
            + "publishers (mira, theo) may run 'send --test'.\n")
        #expect(!FileManager.default.fileExists(atPath: marker))
        // A reviewer may see a test copy of what they approve.
        let theo = try team.client("theo")
        #expect(try theo.run("send", String(issue), "--test", "--to", "theo@example.org").status == 0)
        #expect(FileManager.default.fileExists(atPath: marker))
    }

    @Test("a dump that sets mail.command is not loaded through ssh")
    func loadKeepsHostSettings() throws {
        let team = try RemoteTeam(people: ["mira"])
        let source = Digest(directory: try TemporaryDirectory(), user: "mira")
        try source.initialise()
        #expect(try source.run("config", "mail.command", "/bin/sh -c 'id'").status == 0)
        let dump = try source.run("dump")
        let mira = try team.client("mira")
        _ = try mira.directory.write("dump.jsonl", dump.standardOutput)
        let before = try team.count("SELECT count(*) FROM settings")
        let load = try mira.run("load", "dump.jsonl")
        #expect(load.status == 77)
        #expect(load.standardError.contains("sets mail.command, which names a program or a path on the host"))
        #expect(try team.count("SELECT count(*) FROM settings") == before)
        #expect(try team.count("SELECT count(*) FROM settings WHERE key = 'mail.command'") == 0)
    }

    @Test("a client that never answers holds no lock: others write meanwhile, and it is cut off with nothing written")
    func silentClient() throws {
        let team = try Self.team()
        let silent = SSHServer.Key(name: "silent", forcedCommand:
            RemoteTeam.serve("--db \(team.databasePath) --user mira --client-timeout 2"))
        let server = try SSHServer(keys: [silent])
        let issue = try team.local.draft()
        _ = try team.local.addItem(issue, url: "https://tides.example/a", as: "mira")
        #expect(try team.local.run(["submit", String(issue)], as: "mira").status == 0)
        #expect(try team.local.run(["review", String(issue), "--approve", "1"], as: "theo").status == 0)
        let revisions = try team.count("SELECT count(*) FROM revisions")

        let session = try RawServeSession(server, key: "silent")
        try session.sendRun(database: team.databasePath, ["publish", String(issue), "--templates", "mine", "--out", "out"])
        #expect(session.readMessage()?["type"] as? String == "hello")
        let asked = session.readMessage()
        #expect(asked?["type"] as? String == "templates")
        #expect(asked?["path"] as? String == "mine")
        // The host waits for this client's templates: every other writer goes ahead.
        let mira = try team.client("mira")
        let draft = try mira.run("draft", "--date", "2026-11-30")
        #expect(draft.status == 0, "\(draft.standardError)")
        #expect(try team.count("SELECT count(*) FROM revisions") == revisions + 1)
        // Unanswered, the request ends with 69 and the issue unpublished.
        let result = session.readMessage()
        #expect(result?["type"] as? String == "result")
        #expect(result?["exit_code"] as? Int == 69)
        #expect((result?["payload"] as? String)?.contains("the client sent nothing for 2 seconds and was cut off; nothing was changed.") == true)
        #expect(session.readLine() == nil)
        #expect(session.finish() == 69)
        #expect(try DatabaseInspector.scalar(team.databasePath,
            "SELECT status FROM issue_states WHERE issue = \(issue) AND valid_to IS NULL") == "in-review")
        #expect(try team.count("SELECT count(*) FROM editions") == 0)
    }

    @Test("a frame announcing 10^18 bytes ends the conversation with 76, on the host and on the client")
    func hugeFrames() throws {
        let team = try Self.team()
        let forger = try team.host.write("forger.sh", """
            #!/bin/sh
            read -r line
            printf '%s\\n' '{"type":"hello","protocol":"digest-serve","version":1,"digest":"1.0.0"}'
            printf '%s\\n' '{"type":"result","exit_code":0,"stdout":0,"stderr":0,"bytes":1000000000000000000}'

            """)
        chmod(forger, 0o755)
        let server = try SSHServer(keys: [
            SSHServer.Key(name: "mira", forcedCommand: RemoteTeam.serve("--db \(team.databasePath) --user mira")),
            SSHServer.Key(name: "forger", forcedCommand: forger),
        ])
        let before = try team.host.bytes("digest.sqlite")
        let session = try RawServeSession(server, key: "mira")
        #expect(session.readMessage()?["type"] as? String == "hello")
        session.send(#"{"type":"run","protocol":"digest-serve","version":1,"bytes":1000000000000000000}"#)
        let error = session.readMessage()
        #expect(error?["type"] as? String == "error")
        #expect(error?["exit_code"] as? Int == 76)
        #expect(error?["message"] as? String == "digest serve received a frame announcing 1000000000000000000 bytes, "
            + "more than the 64 MiB a frame may carry.")
        #expect(session.finish() == 76)
        #expect(try team.host.bytes("digest.sqlite") == before)

        var client = Digest(directory: try TemporaryDirectory())
        client.environment = server.clientEnvironment("forger", database: team.databasePath)
        let listed = try client.run("list")
        #expect(listed.status == 76)
        #expect(listed.standardError.contains("sent a frame announcing 1000000000000000000 bytes, more than the 64 MiB a frame may carry"))
    }

    @Test("feeds import FILE.opml and render --out DIR work through ssh as they do locally")
    func clientFiles() throws {
        let team = try Self.team()
        let mira = try team.client("mira")
        _ = try mira.directory.write("list.opml", """
            <?xml version="1.0"?>
            <opml version="2.0"><head><title>Feeds</title></head><body>
            <outline text="Tides" xmlUrl="https://tides.example/feed.xml"/>
            </body></opml>

            """)
        let imported = try mira.run("feeds", "import", "list.opml")
        #expect(imported.status == 0, "\(imported.standardError)")
        #expect(try team.count("SELECT count(*) FROM feeds") == 1)
        let issue = try team.local.draft(date: "2026-11-23")
        try FileManager.default.createDirectory(atPath: mira.directory.file("renders"), withIntermediateDirectories: false)
        let rendered = try mira.run("render", String(issue), "--format", "markdown", "--out", "renders")
        #expect(rendered.status == 0, "\(rendered.standardError)")
        let names = try FileManager.default.contentsOfDirectory(atPath: mira.directory.file("renders"))
        #expect(names.count == 1)
        let local = try team.local.run(["render", String(issue), "--format", "markdown"], as: "mira")
        #expect(try mira.directory.read("renders/" + (names.first ?? "")) == local.standardOutput)
    }
}
