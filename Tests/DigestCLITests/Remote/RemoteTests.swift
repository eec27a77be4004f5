import Foundation
import Testing

/// A host with a digest database and a real sshd in front of it, and
/// clients in folders of their own that reach it with `--db ssh://…`.
struct RemoteTeam {
    let host: TemporaryDirectory
    let server: SSHServer
    /// The host's own digest, for setting up and for checking.
    let local: Digest
    var databasePath: String { local.databasePath }

    /// The clock every served command reads, so renders and `--json` can be
    /// compared byte for byte with local runs.
    static let clock = "1764000000"

    /// `people` get keys whose forced command fixes them as the actor;
    /// `extra` are further keys with forced commands of their own.
    init(people: [String], extra: [SSHServer.Key] = []) throws {
        host = try TemporaryDirectory()
        local = Digest(directory: host, user: people.first ?? "ana")
        try local.initialise()
        let path = host.file("digest.sqlite")
        let keys = people.map { name in
            SSHServer.Key(name: name, forcedCommand: RemoteTeam.serve("--db \(path) --user \(name)"))
        }
        server = try SSHServer(keys: keys + extra)
    }

    /// The forced command running the built digest's server with `arguments`.
    static func serve(_ arguments: String) -> String {
        "env SOURCE_DATE_EPOCH=\(clock) \(Products.digest) serve --stdio \(arguments)"
    }

    /// A client machine: its own folder, and digest pointed at the host with `name`'s key.
    func client(_ name: String, database: String? = nil) throws -> Digest {
        var client = Digest(directory: try TemporaryDirectory())
        client.environment = server.clientEnvironment(name, database: database ?? databasePath)
        return client
    }

    func count(_ sql: String) throws -> Int {
        Int(try DatabaseInspector.scalar(databasePath, sql) ?? "") ?? -1
    }
}

@Suite("The shared database over ssh", .serialized)
struct RemoteTests {
    @Test("a whole week through ssh://: draft, items from a client-side file, submit, review by another key, publish to the client")
    func wholeWeek() throws {
        let team = try RemoteTeam(people: ["mira", "theo"])
        let mira = try team.client("mira")
        let theo = try team.client("theo")
        try FileManager.default.copyItem(atPath: Products.packageRoot + "/drafts/week-47.json",
                                         toPath: mira.directory.file("week-47.json"))

        let draft = try mira.run("draft", "--date", "2026-11-23", "--title", "The Harbour Weekly — No. 1", "--json")
        #expect(draft.status == 0, "\(draft.standardError)")
        let issue = try #require(try JSONReader.int(draft.standardOutput, "issue", "number"))
        let added = try mira.run("add-item", String(issue), "--file", "week-47.json")
        #expect(added.status == 0, "\(added.standardError)")
        #expect(added.standardOutput.hasPrefix("Added 5 items to issue \(issue) (ids 1–5, pending). Issue \(issue) is at version 2."))
        #expect(try team.count("SELECT count(*) FROM items") == 5)
        let missing = try mira.run("add-item", String(issue), "--file", "no-such.json")
        #expect(missing.status == 66)
        #expect(missing.standardError == "digest: error: there is no file no-such.json.\n")
        #expect(try mira.run("submit", String(issue)).status == 0)

        let own = try mira.run("review", String(issue), "--approve", "1")
        #expect(own.status == 77, "\(own.standardError)")
        let reviewed = try theo.run("review", String(issue), "--approve", "1,2,3,4", "--reject", "5", "--note", "5=Paywalled")
        #expect(reviewed.status == 0, "\(reviewed.standardError)")

        let published = try mira.run("publish", String(issue), "--out", "published")
        #expect(published.status == 0, "\(published.standardError)")
        let names = ["md", "html", "txt", "eml"].map { "\(issue)-2026-11-23.\($0)" }
        #expect(published.standardOutput == "Published issue \(issue) as edition 1 (version 5).\n"
            + names.map { "  wrote published/\($0)\n" }.joined())
        for (name, format) in zip(names, ["markdown", "html", "text", "email"]) {
            let file = try mira.directory.read("published/\(name)")
            let render = try mira.run("render", String(issue), "--format", format)
            #expect(render.status == 0)
            #expect(file == render.standardOutput, "\(name) on the client differs from the stored edition")
        }
        #expect(!FileManager.default.fileExists(atPath: team.host.file("published")))
        #expect(try DatabaseInspector.query(team.databasePath, "SELECT actor, action FROM revisions ORDER BY version")
            == ["mira|draft", "mira|add-item", "mira|submit", "theo|review", "mira|publish"])

        // A backup through ssh lands on the client, checked.
        let backup = try theo.run("backup", "harbour-copy.sqlite")
        #expect(backup.status == 0, "\(backup.standardError)")
        #expect(backup.standardOutput.hasPrefix("Backed up the database to harbour-copy.sqlite ("))
        let copy = theo.directory.file("harbour-copy.sqlite")
        #expect(try DatabaseInspector.scalar(copy, "PRAGMA integrity_check") == "ok")
        #expect(try DatabaseInspector.scalar(copy, "SELECT count(*) FROM revisions") == "5")
        #expect(!FileManager.default.fileExists(atPath: team.host.file("harbour-copy.sqlite")))
    }

    @Test("ana's key cannot act as ben, not even to read, nor approve ana's own item; a key without --user acts as the account")
    func identityFromTheKey() throws {
        let team = try RemoteTeam(people: ["ana", "ben"])
        let ana = try team.client("ana"), ben = try team.client("ben")
        let issue = try #require(try JSONReader.int(try ana.run("draft", "--date", "2026-11-23", "--json").standardOutput,
                                                    "issue", "number"))
        let before = try team.count("SELECT version FROM issues")
        let pretending = try ana.run(["--as", "ben", "add-item", String(issue), "--title", "T", "--url", "https://x.example/a",
                                      "--source", "S", "--date", "2026-11-20", "--excerpt", "e"])
        #expect(pretending.status == 77)
        #expect(pretending.standardError == "digest: error: this server acts for ana only; --as ben names someone else. Leave out --as.\n")
        #expect(try team.count("SELECT version FROM issues") == before)
        let reading = try ana.run(["--as", "ben", "show", String(issue)])
        #expect(reading.status == 77)
        #expect(reading.standardError == "digest: error: this server acts for ana only; --as ben names someone else. Leave out --as.\n")
        #expect(reading.standardOutput.isEmpty)
        #expect(try ana.run(["--as", "ana", "show", String(issue)]).status == 0)
        let json = try ana.run(["--as", "ben", "submit", String(issue), "--json"])
        #expect(json.status == 77)
        #expect(try JSONReader.int(json.standardOutput, "error", "exit_code") == 77)
        // DIGEST_USER on the client names nobody on the host.
        let id = try ana.addItem(issue, url: "https://tides.example/a", as: "ben")
        #expect(try DatabaseInspector.scalar(team.databasePath, "SELECT actor FROM revisions WHERE version = 2") == "ana")
        #expect(try ana.run("submit", String(issue)).status == 0)
        let own = try ana.run("review", String(issue), "--approve", String(id))
        #expect(own.status == 77)
        #expect(own.standardError.contains("ana added item \(id), and four-eyes review is on"))
        #expect(try ben.run("review", String(issue), "--approve", String(id)).status == 0)

        // Without --user the actor is the account sshd logged in.
        let host = try TemporaryDirectory()
        let plain = try SSHServer(keys: [SSHServer.Key(name: "plain", forcedCommand: RemoteTeam.serve("--db \(host.file("x.sqlite"))"))])
        var client = try team.client("ana")
        client.environment = plain.clientEnvironment("plain", database: host.file("x.sqlite"))
        #expect(try client.run("init", "--publication", "Plain").status == 0)
        #expect(try client.run("draft", "--date", "2026-11-23").status == 0)
        #expect(try DatabaseInspector.scalar(host.file("x.sqlite"), "SELECT actor FROM revisions") == plain.account)
        let other = try client.run("--as", "somebody-else", "draft", "--date", "2026-11-30")
        #expect(other.status == 77)
        // A key bound to one database serves no other.
        client.environment["DIGEST_DB"] = plain.url(host.file("other.sqlite"))
        let elsewhere = try client.run("list")
        #expect(elsewhere.status == 77)
        #expect(elsewhere.standardError.contains("serves the database \(host.file("x.sqlite")) only"))
    }

    @Test("two clients adding 100 items each at the same moment end with 200 items and the version 200 higher")
    func concurrentClients() throws {
        let team = try RemoteTeam(people: ["ana", "ben"])
        let issue = try team.local.draft()
        let clients = [try team.client("ana"), try team.client("ben")]
        let failures = FailureLog()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let name = ["ana", "ben"][index]
            for item in 0..<100 {
                do {
                    let result = try clients[index].run(["add-item", String(issue), "--title", "\(name) \(item)",
                                                         "--url", "https://harbour.example/\(name)/\(item)", "--source", "Review",
                                                         "--date", "2026-11-20", "--excerpt", "Item \(item) from \(name).", "--quiet"])
                    if result.status != 0 { failures.add("\(name) \(item): \(result.status) \(result.standardError)") }
                } catch {
                    failures.add("\(name) \(item): \(error)")
                }
            }
        }
        #expect(failures.entries.isEmpty, "\(failures.entries.prefix(3))")
        #expect(try team.count("SELECT count(*) FROM item_states WHERE valid_to IS NULL") == 200)
        #expect(try team.count("SELECT version FROM issues WHERE number = \(issue)") == 201)
        #expect(try team.count("SELECT count(*) FROM revisions WHERE issue = \(issue) AND actor = 'ben'") == 100)
        #expect(try team.local.run("doctor").status == 0)
    }

    @Test("kill -9 of the client or of the host's digest during a 20,000-item import: none or all, integrity ok")
    func killDuringRemoteImport() throws {
        let team = try RemoteTeam(people: ["ana"])
        let client = try team.client("ana")
        var lines = ""
        for index in 0..<20_000 {
            lines += #"{"title": "Story \#(index)", "url": "https://harbour.example/stories/\#(index)", "#
                + #""source": "Harbour Review", "date": "2026-11-20", "excerpt": "A story of the harbour, number \#(index)."}"# + "\n"
        }
        try client.directory.write("items.jsonl", lines)
        let pristine = try team.host.bytes("digest.sqlite")

        let start = Date()
        let full = try client.run("import", "items.jsonl")
        let duration = Date().timeIntervalSince(start)
        #expect(full.status == 0, "\(full.standardError)")
        #expect(try team.count("SELECT count(*) FROM items") == 20_000)

        var interrupted = 0
        for (victim, fraction) in [("client", 0.3), ("client", 0.7), ("server", 0.3), ("server", 0.7)] {
            for suffix in ["-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: team.databasePath + suffix) }
            try team.host.write("digest.sqlite", bytes: pristine)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Products.digest)
            process.arguments = ["import", "items.jsonl", "--quiet"]
            process.environment = client.environment
            process.currentDirectoryURL = URL(fileURLWithPath: client.directory.path)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            var killedServer = false
            if victim == "client" {
                Thread.sleep(forTimeInterval: duration * fraction)
                if process.isRunning {
                    kill(process.processIdentifier, SIGKILL)
                    interrupted += 1
                }
            } else {
                // ssh's connection is part of `duration`: aim inside the host's part of it.
                let appeared = Date().addingTimeInterval(20)
                while team.server.servingProcesses.isEmpty, process.isRunning, Date() < appeared {
                    Thread.sleep(forTimeInterval: 0.01)
                }
                Thread.sleep(forTimeInterval: duration * fraction / 2)
                if let served = team.server.servingProcesses.first {
                    kill(served, SIGKILL)
                    killedServer = true
                    interrupted += 1
                }
            }
            process.waitUntilExit()
            // The host may still be finishing what the killed client sent.
            let deadline = Date().addingTimeInterval(60)
            while !team.server.servingProcesses.isEmpty, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            let stored = try team.count("SELECT count(*) FROM items")
            #expect(stored == 0 || stored == 20_000, "after killing the \(victim) at \(fraction): \(stored) items")
            #expect(try DatabaseInspector.scalar(team.databasePath, "PRAGMA integrity_check") == "ok")
            #expect(try team.count("SELECT count(*) FROM issues") == (stored == 0 ? 0 : 1))
            if killedServer {
                #expect(process.terminationStatus == 69, "the client of a killed host process ends with 69")
            }
            #expect(try client.run("list").status == 0)
        }
        #expect(interrupted >= 3, "the import finished before most kills; it took \(duration) s")
    }

    @Test("a stopped sshd gives 69 with ssh's own message, in bounded time")
    func stoppedServer() throws {
        let team = try RemoteTeam(people: ["ana"])
        let client = try team.client("ana")
        #expect(try client.run("list").status == 0)
        team.server.stop()
        let start = Date()
        let result = try client.run("list")
        #expect(Date().timeIntervalSince(start) < 20)
        #expect(result.status == 69)
        #expect(result.standardError == "digest: error: cannot reach \(team.server.account)@127.0.0.1:\(team.server.port) through ssh: "
            + "ssh: connect to host 127.0.0.1 port \(team.server.port): Connection refused\n")
        let json = try client.run("list", "--json")
        #expect(json.status == 69)
        #expect(try JSONReader.int(json.standardOutput, "error", "exit_code") == 69)
        var unknown = client
        unknown.environment["DIGEST_DB"] = "ssh://nobody@127.0.0.1:\(team.server.port)"
        let malformed = try unknown.run("list")
        #expect(malformed.status == 64)
        #expect(malformed.standardError.contains("has no path after the host; write it as ssh://[user@]host[:port]/absolute/path"))
    }

    @Test("renders and --json are byte for byte the same locally and through ssh")
    func sameOutputBothWays() throws {
        let team = try RemoteTeam(people: ["ana", "ben"], extra: [
            SSHServer.Key(name: "any", forcedCommand: RemoteTeam.serve("--user ana")),
        ])
        var local = team.local
        local.environment["SOURCE_DATE_EPOCH"] = RemoteTeam.clock
        let issue = try local.draft()
        let first = try local.addItem(issue, url: "https://tides.example/a")
        try local.addItem(issue, title: "Seals on the sandbank", url: "https://seals.example/b", source: "Wildlife Trust")
        _ = try local.run("edit-item", String(issue), String(first), "--excerpt", "Two tides a day, explained.")
        _ = try local.run("submit", String(issue))
        _ = try local.run(["review", String(issue), "--approve", "1,2"], as: "ben")
        _ = try local.run("publish", String(issue), "--out", "published")
        _ = try local.draft(date: "2026-11-30", title: "Next week")
        let client = try team.client("ana")
        let commands: [[String]] = [
            ["list"], ["list", "--json"], ["show", "1"], ["show", "1", "--json"], ["show", "1", "--version", "2", "--json"],
            ["history", "1"], ["history", "1", "--json"], ["diff", "1", "1", "4"], ["diff", "1", "1", "4", "--json"],
            ["render", "1", "--format", "markdown"], ["render", "1", "--format", "html"], ["render", "1", "--format", "text"],
            ["render", "1", "--format", "email"], ["render", "2", "--format", "html", "--json"], ["search", "tides"],
            ["search", "tides", "--json"], ["config", "--json"], ["backlog", "--json"], ["dump"], ["doctor", "--json"],
            ["show", "9"], ["show", "9", "--json"], ["render", "1"], ["lsit"],
        ]
        for arguments in commands {
            let here = try local.run(arguments)
            let there = try client.run(arguments)
            #expect(here.status == there.status, "\(arguments)")
            #expect(here.standardOutput == there.standardOutput, "\(arguments): stdout differs")
            #expect(here.standardError == there.standardError, "\(arguments): stderr differs")
        }
        // Files written by the command land on the client with the same bytes.
        #expect(try local.run("render", "1", "--format", "email", "--out", "issue.eml").status == 0)
        #expect(try client.run("render", "1", "--format", "email", "--out", "issue.eml").status == 0)
        #expect(try client.directory.bytes("issue.eml") == team.host.bytes("issue.eml"))
        #expect(try local.run("export", "--out", "site").status == 0)
        let exported = try client.run("export", "--out", "site", "--json")
        #expect(exported.status == 0)
        #expect(try client.run("export", "--out", "site").standardOutput
            == "Exported 1 issue to site: 0 files written, 6 unchanged.\n")
        for name in try FileManager.default.contentsOfDirectory(atPath: team.host.file("site")) {
            #expect(try client.directory.bytes("site/\(name)") == team.host.bytes("site/\(name)"), "\(name)")
        }

        // Changing commands answer the same on two copies of one database.
        let copies = try TemporaryDirectory()
        for name in ["a.sqlite", "b.sqlite"] {
            _ = try DatabaseInspector.query(team.databasePath, "PRAGMA wal_checkpoint")
            try FileManager.default.copyItem(atPath: team.databasePath, toPath: copies.file(name))
        }
        var anywhere = client
        anywhere.environment = team.server.clientEnvironment("any", database: copies.file("b.sqlite"))
        var here = local
        here.environment["DIGEST_DB"] = copies.file("a.sqlite")
        here.environment["DIGEST_USER"] = "ana"
        for arguments in [["add-item", "2", "--title", "Net menders wanted", "--url", "https://nets.example/c", "--source", "Fishing News",
                           "--date", "2026-11-27", "--excerpt", "The co-op needs hands.", "--json"],
                          ["add-item", "2", "--title", "", "--url", "ftp://x", "--source", "S", "--date", "2026-02-30",
                           "--excerpt", "e", "--json"],
                          ["edit-item", "2", "3", "--title", "Net menders wanted now", "--json"],
                          ["move-item", "2", "3", "--to", "1", "--json"], ["submit", "2", "--json"], ["reopen", "1", "--reason", "Typo", "--json"]] {
            let mine = try here.run(arguments)
            let theirs = try anywhere.run(arguments)
            #expect(mine.status == theirs.status, "\(arguments)")
            #expect(mine.standardOutput == theirs.standardOutput, "\(arguments): stdout differs")
            #expect(mine.standardError == theirs.standardError, "\(arguments): stderr differs")
        }
    }

    @Test("a client and a host that speak different protocol versions say so, naming both")
    func protocolMismatch() throws {
        let hello = #"{"type":"hello","protocol":"digest-serve","version":2,"digest":"2.0.0"}"#
        let team = try RemoteTeam(people: ["ana"], extra: [
            SSHServer.Key(name: "future", forcedCommand: "printf '%s\\n' '\(hello)'"),
            SSHServer.Key(name: "shell", forcedCommand: "echo Welcome to the harbour"),
        ])
        var client = try team.client("future")
        let result = try client.run("list")
        #expect(result.status == 76)
        #expect(result.standardError == "digest: error: the host \(team.server.account)@127.0.0.1:\(team.server.port) speaks "
            + "digest-serve protocol version 2 (digest 2.0.0), and this digest speaks digest-serve protocol version 1 "
            + "(digest 1.0.0); install the same digest version on the host and on the client.\n")
        client.environment["DIGEST_SSH"] = team.server.sshCommand(for: "shell")
        let chatty = try client.run("list")
        #expect(chatty.status == 76)
        #expect(chatty.standardError.contains("sent 'Welcome to the harbour' is not a JSON message"))

        // And the host, asked in a version it does not speak.
        let request = #"{"type":"run","protocol":"digest-serve","version":2,"digest":"2.0.0","database":"/x","arguments":["list"]}"#
        let served = try Digest.execute(Products.digest, ["serve", "--stdio", "--user", "ana"], input: Array((request + "\n").utf8),
                                        environment: ProcessInfo.processInfo.environment, directory: team.host.path)
        #expect(served.status == 76)
        let lines = served.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(try JSONReader.string(lines[0], "type") == "hello")
        #expect(try JSONReader.string(lines[1], "message") == "the client speaks digest-serve protocol version 2 (digest 2.0.0), "
            + "and this digest speaks digest-serve protocol version 1 (digest 1.0.0); install the same digest version on the "
            + "host and on the client.")
    }
}
