import Foundation
import Testing

@Suite("Reliability promises", .serialized)
struct ReliabilityTests {
    let directory: TemporaryDirectory
    let digest: Digest

    init() throws {
        directory = try TemporaryDirectory()
        digest = Digest(directory: directory)
    }

    @Test("two editors adding 200 items each at the same time end with 400 more items and 400 more versions")
    func concurrentWriters() throws {
        try digest.initialise()
        _ = try digest.draft()
        let failures = FailureLog()
        let digest = self.digest
        DispatchQueue.concurrentPerform(iterations: 2) { editor in
            let name = editor == 0 ? "ana" : "ben"
            for index in 0..<200 {
                do {
                    let result = try digest.run(["add-item", "1", "--title", "\(name) \(index)",
                                                 "--url", "https://harbour.example/\(name)/\(index)", "--source", "Review",
                                                 "--date", "2026-11-20", "--excerpt", "Item \(index) from \(name)."], as: name)
                    if result.status == 0 { continue }
                    failures.add("\(name) \(index): \(result.status) \(result.standardError)")
                } catch {
                    failures.add("\(name) \(index): \(error)")
                }
            }
        }
        #expect(failures.entries.isEmpty, "\(failures.entries.prefix(3))")
        #expect(try DatabaseInspector.scalar(digest.databasePath, "SELECT count(*) FROM item_states WHERE valid_to IS NULL") == "400")
        #expect(try DatabaseInspector.scalar(digest.databasePath, "SELECT version FROM issues WHERE number = 1") == "401")
        #expect(try DatabaseInspector.scalar(digest.databasePath, "SELECT count(DISTINCT version) FROM revisions WHERE issue = 1") == "401")
        #expect(try digest.run("doctor").status == 0)
    }

    @Test("killing an import of 20,000 items at any moment leaves none or all of them, and a sound database")
    func killDuringImport() throws {
        try digest.initialise()
        _ = try digest.draft()
        var lines = ""
        for index in 0..<20_000 {
            lines += #"{"title": "Story \#(index)", "url": "https://harbour.example/stories/\#(index)", "#
                + #""source": "Harbour Review", "author": "Mira Holm", "date": "2026-11-20", "#
                + #""excerpt": "A story of the harbour, number \#(index), told in a few words for the digest."}"# + "\n"
        }
        try directory.write("items.jsonl", lines)
        let pristine = try directory.bytes("digest.sqlite")

        // A whole run, watched: how many bytes it writes in all (`wchar`).
        let full = try startImport()
        var total = 0
        while full.isRunning { total = max(total, Spawned.bytesWritten(by: full.processIdentifier) ?? total) }
        full.waitUntilExit()
        #expect(full.terminationStatus == 0)
        #expect(try count() == 20_000)
        #expect(total > 0)

        // Each kill lands when the import has written that share of its
        // bytes: at a point of its work, not of the clock.
        var interrupted = 0
        for fraction in [0.05, 0.2, 0.4, 0.6, 0.8, 0.9] {
            // A killed import may leave its journal; the restored file must not inherit it.
            for suffix in ["-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: digest.databasePath + suffix) }
            try directory.write("digest.sqlite", bytes: pristine)
            let process = try startImport()
            let threshold = Int(Double(total) * fraction)
            while process.isRunning, (Spawned.bytesWritten(by: process.processIdentifier) ?? 0) < threshold {}
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { interrupted += 1 }
            let stored = try count()
            #expect(stored == 0 || stored == 20_000, "after a kill at \(fraction) of the run: \(stored) items")
            #expect(try DatabaseInspector.scalar(digest.databasePath, "PRAGMA integrity_check") == "ok")
            let version = try DatabaseInspector.scalar(digest.databasePath, "SELECT version FROM issues")
            #expect(version == (stored == 0 ? "1" : "2"))
            #expect(try digest.run("list").status == 0)
            #expect(try DatabaseInspector.scalar(digest.databasePath, "PRAGMA journal_mode") == "wal")
        }
        #expect(interrupted == 6, "an import finished before the share of its writes it was to be killed at")
    }

    private func startImport() throws -> Process {
        try Spawned.start(digest, ["add-item", "1", "--file", "items.jsonl", "--quiet"])
    }

    private func count() throws -> Int {
        Int(try DatabaseInspector.scalar(digest.databasePath, "SELECT count(*) FROM items") ?? "") ?? -1
    }

    @Test("a database from a newer digest is refused with 78 and left untouched")
    func newerSchema() throws {
        try digest.initialise()
        _ = try DatabaseInspector.query(digest.databasePath, "SELECT 1")
        _ = try Digest.execute("/usr/bin/env", ["sqlite3", digest.databasePath, "PRAGMA user_version = 99"],
                               environment: digest.environment, directory: directory.path)
        let before = try directory.bytes("digest.sqlite")
        for arguments in [["list"], ["draft", "--date", "2026-11-23"]] {
            let result = try digest.run(arguments)
            #expect(result.status == 78)
            #expect(result.standardError.contains("was written by a newer version of digest (schema 99"))
        }
        #expect(try directory.bytes("digest.sqlite") == before)
    }

    @Test("a file that is not a digest database is refused with 78 and left untouched", arguments: [
        "random", "empty", "other-sqlite", "text",
    ])
    func notADigestDatabase(kind: String) throws {
        switch kind {
        case "random":
            var generator = SystemRandomNumberGenerator()
            try directory.write("digest.sqlite", bytes: (0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) })
        case "empty":
            try directory.write("digest.sqlite", bytes: [])
        case "text":
            try directory.write("digest.sqlite", "name,title\nana,editor\n")
        default:
            _ = try Digest.execute("/usr/bin/env", ["sqlite3", digest.databasePath, "CREATE TABLE notes(x); INSERT INTO notes VALUES (1)"],
                                   environment: digest.environment, directory: directory.path)
        }
        let before = try directory.bytes("digest.sqlite")
        for arguments in [["list"], ["show", "1"], ["draft", "--date", "2026-11-23"], ["doctor"]] {
            let result = try digest.run(arguments)
            #expect(result.status == 78, "\(arguments): \(result.standardError)")
            #expect(result.standardError.contains("left untouched"))
        }
        #expect(try directory.bytes("digest.sqlite") == before)
        #expect(!FileManager.default.fileExists(atPath: digest.databasePath + "-wal"))
    }

    @Test("a database this user may not write still serves reading commands; changes fail with 73", arguments: [
        "read-only folder", "read-only file", "read-only file at schema 8",
    ])
    func readOnly(kind: String) throws {
        try digest.initialise()
        _ = try digest.draft()
        try digest.addItem(1, url: "https://tides.example/a")
        try digest.addItem(1, title: "Second", url: "https://tides.example/b")
        _ = try digest.run("edit-item", "1", "2", "--title", "Second, revised")
        let expectedShow = try digest.run("show", "1", "--json").standardOutput
        if kind.hasSuffix("at schema 8") {
            // As a database last written by a digest before schema 9.
            let restored = try Digest.execute("/usr/bin/env", ["sqlite3", digest.databasePath, "PRAGMA user_version = 8;"],
                                              environment: digest.environment, directory: directory.path)
            #expect(restored.status == 0, "\(restored.standardError)")
        }
        let folder = directory.path
        let unprivileged = getuid() == 0
        if kind == "read-only file" {
            chmod(folder, 0o777)
            chmod(digest.databasePath, 0o444)
        } else {
            chmod(folder, 0o555)
            chmod(digest.databasePath, 0o444)
        }
        defer { chmod(folder, 0o755); chmod(digest.databasePath, 0o644) }
        let before = try directory.bytes("digest.sqlite")
        func run(_ arguments: [String]) throws -> ProcessResult {
            let program = unprivileged ? "/usr/bin/setpriv" : Products.digest
            let prefix = unprivileged ? ["--reuid=65534", "--regid=65534", "--clear-groups", Products.digest] : []
            return try Digest.execute(program, prefix + arguments, environment: digest.environment, directory: "/")
        }
        #expect(try run(["show", "1", "--json"]).standardOutput == expectedShow)
        for arguments in [["list"], ["history", "1"], ["diff", "1", "1", "4"], ["show", "1", "--version", "2"], ["config"]] {
            let result = try run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.standardError)")
        }
        for arguments in [["draft", "--date", "2026-11-30"], ["add-item", "1", "--title", "T", "--url", "https://x.example",
                          "--source", "S", "--date", "2026-11-20", "--excerpt", "e"], ["config", "excerpt.max", "100"]] {
            let result = try run(arguments)
            #expect(result.status == 73, "\(arguments): \(result.standardError)")
            #expect(result.standardError.contains("is read-only for this user"))
        }
        #expect(try directory.bytes("digest.sqlite") == before)
    }
}

/// Failures gathered from concurrent work.
final class FailureLog: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []

    func add(_ entry: String) {
        lock.lock()
        list.append(entry)
        lock.unlock()
    }

    var entries: [String] {
        lock.lock()
        defer { lock.unlock() }
        return list
    }
}

@Suite("Bulk imports next to other processes")
struct BulkImportTests {
    @Test("a bulk import works while another process reads the database, which stays in WAL mode")
    func importBesideAReader() throws {
        let directory = try TemporaryDirectory()
        let digest = Digest(directory: directory)
        try digest.initialise()
        var lines = ""
        for index in 0..<1500 {
            lines += #"{"issue": 1, "issue_date": "2026-11-02", "title": "Story \#(index)", "url": "https://harbour.example/s/\#(index)", "source": "Review", "date": "2026-11-01", "excerpt": "Words."}"# + "\n"
        }
        try directory.write("archive.jsonl", lines)
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        reader.arguments = ["sqlite3", digest.databasePath]
        let input = Pipe(), output = Pipe()
        reader.standardInput = input
        reader.standardOutput = output
        try reader.run()
        // The reader's transaction has begun once it has answered a query inside it.
        input.fileHandleForWriting.write(Data("BEGIN; SELECT count(*) FROM settings; SELECT 'reading';\n".utf8))
        var said = ""
        while !said.contains("reading") {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            said += String(decoding: data, as: UTF8.self)
        }
        #expect(said.contains("reading"))
        // And it holds the database open: leaving WAL mode needs it alone, and is refused.
        let probe = try Digest.execute("/usr/bin/env", ["sqlite3", digest.databasePath, "PRAGMA journal_mode = DELETE;"],
                                       environment: digest.environment, directory: directory.path)
        #expect(probe.standardError.contains("database is locked") || probe.standardOutput.contains("wal"),
                "\(probe.standardOutput) \(probe.standardError)")
        let result = try digest.run("import", "archive.jsonl", "--published")
        try? input.fileHandleForWriting.close()
        reader.waitUntilExit()
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try DatabaseInspector.scalar(digest.databasePath, "SELECT count(*) FROM items") == "1500")
        #expect(try DatabaseInspector.scalar(digest.databasePath, "PRAGMA journal_mode") == "wal")
    }
}
