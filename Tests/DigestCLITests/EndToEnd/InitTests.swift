import Foundation
import Testing

@Suite("init is one atomic step", .serialized)
struct InitTests {
    @Test("of several inits of one path at once, exactly one succeeds and the others exit 1")
    func concurrentInits() throws {
        for round in 0..<5 {
            let directory = try TemporaryDirectory()
            let digest = Digest(directory: directory)
            let results = ResultLog()
            DispatchQueue.concurrentPerform(iterations: 4) { index in
                do {
                    let result = try digest.run(["init", "--publication", "Racer \(index)"])
                    results.add(index, result)
                } catch {
                    results.add(index, ProcessResult(status: -1, standardOutput: "", standardError: "\(error)"))
                }
            }
            let all = results.entries
            let winners = all.filter { $0.1.status == 0 }
            #expect(winners.count == 1, "round \(round): \(all.map { ($0.1.status, $0.1.standardError) })")
            let winner = try #require(winners.first?.0)
            for (_, result) in all.filter({ $0.0 != winner }) {
                #expect(result.status == 1, "round \(round): \(result.standardError)")
                #expect(result.standardError == "digest: error: a file already exists at \(digest.databasePath); digest "
                    + "init never overwrites. Use it as it is, or choose another path with --db PATH.\n")
            }
            #expect(try DatabaseInspector.query(digest.databasePath, "SELECT key, value FROM settings")
                == ["publication.name|Racer \(winner)"])
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".tmp-") } == [])
        }
    }

    @Test("killed at any moment, init leaves no database or a complete one, never one that init refuses and others reject")
    func killDuringInit() throws {
        let directory = try TemporaryDirectory()
        let digest = Digest(directory: directory)
        let arguments = ["init", "--publication", "The Harbour Weekly", "--email", "editors@harbour.example"]
        func start() throws -> Process { try Spawned.start(digest, arguments + ["--quiet"]) }
        // A whole init, watched: how many bytes it writes in all.
        let full = try start()
        var total = 0
        while full.isRunning { total = max(total, Spawned.bytesWritten(by: full.processIdentifier) ?? total) }
        full.waitUntilExit()
        #expect(full.terminationStatus == 0)
        #expect(total > 0)
        var interruptedBeforeDone = 0, killed = 0
        let steps = 8
        for step in 0..<steps {
            try FileManager.default.removeItem(atPath: directory.path)
            try FileManager.default.createDirectory(atPath: directory.path, withIntermediateDirectories: true)
            // Killed once it has written this share of its bytes (the first, at once).
            let process = try start()
            let threshold = total * step / steps
            while process.isRunning, (Spawned.bytesWritten(by: process.processIdentifier) ?? 0) < threshold {}
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let wasKilled = process.terminationReason == .uncaughtSignal
            if wasKilled { killed += 1 }
            if FileManager.default.fileExists(atPath: digest.databasePath) {
                // Complete: every setting there, and the database sound.
                #expect(try DatabaseInspector.query(digest.databasePath, "SELECT key FROM settings ORDER BY key")
                    == ["publication.email", "publication.name"], "step \(step)")
                let doctor = try digest.run("doctor")
                #expect(doctor.status == 0, "step \(step): \(doctor.standardOutput)")
                #expect(try digest.run(arguments).status == 1)
            } else {
                if wasKilled { interruptedBeforeDone += 1 }
                let again = try digest.run(arguments)
                #expect(again.status == 0, "step \(step): \(again.standardError)")
            }
            #expect(try digest.run("list").status == 0)
        }
        // Every kill landed before the database was in place, and left nothing behind.
        #expect(killed == steps)
        #expect(interruptedBeforeDone == steps)
    }
}

/// Results gathered from concurrent runs.
final class ResultLog: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [(Int, ProcessResult)] = []

    func add(_ index: Int, _ result: ProcessResult) {
        lock.lock()
        list.append((index, result))
        lock.unlock()
    }

    var entries: [(Int, ProcessResult)] {
        lock.lock()
        defer { lock.unlock() }
        return list
    }
}
