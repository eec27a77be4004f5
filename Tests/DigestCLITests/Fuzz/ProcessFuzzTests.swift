import Foundation
import Testing
@testable import DigestCLI

/// Mutated files and command lines given to the built binary, as a user
/// would: each run must end with a documented exit code (never 70 or a
/// signal), in bounded time, and a refused run must leave the database
/// byte for byte as it was (a refused `load` leaves no database at all).
@Suite("Fuzzing the digest binary", .serialized)
struct ProcessFuzzTests {
    let directory: TemporaryDirectory
    let digest: Digest
    let pristine: [UInt8]
    let dump: [UInt8]

    init() throws {
        directory = try TemporaryDirectory()
        digest = Digest(directory: directory)
        try digest.initialise()
        let issue = try digest.draft()
        let added = try digest.run("add-item", String(issue), "--file", Products.packageRoot + "/drafts/week-47.json")
        guard added.status == 0 else { throw StepFailed(step: "add-item", result: added) }
        let dumped = try digest.run("dump")
        guard dumped.status == 0 else { throw StepFailed(step: "dump", result: dumped) }
        dump = Array(dumped.standardOutput.utf8)
        pristine = try directory.bytes("digest.sqlite")
    }

    /// One run of the binary: the exit code, or the signal that ended it.
    struct Run {
        let status: Int32
        let signalled: Bool
        let seconds: Double
        let standardError: String
    }

    /// Runs digest with a deadline: past it the run is killed and counted as a hang.
    static let deadline = 60.0

    func run(_ arguments: [String], environment extra: [String: String] = [:], input: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Products.digest)
        process.arguments = arguments
        process.environment = digest.environment.merging(extra) { $1 }
        process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
        let errors = Pipe()
        process.standardInput = input.flatMap { FileHandle(forReadingAtPath: directory.file($0)) } ?? FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        let started = Date()
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + Self.deadline, execute: watchdog)
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        return Run(status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
                   seconds: Date().timeIntervalSince(started), standardError: String(decoding: message.prefix(2000), as: UTF8.self))
    }

    /// The database and its write-ahead log, as they stand.
    func databaseState() -> [UInt8] {
        ((try? directory.bytes("digest.sqlite")) ?? []) + ((try? directory.bytes("digest.sqlite-wal")) ?? [])
    }

    func restore() throws {
        for suffix in ["-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: digest.databasePath + suffix) }
        try directory.write("digest.sqlite", bytes: pristine)
    }

    /// Checks one run against the rules and returns its outcome for the tally.
    func judge(_ result: Run, allowed: Set<Int32>, before: [UInt8], what: String) throws -> String {
        if result.signalled { throw FuzzViolation("\(what): killed by signal \(result.status)\n\(result.standardError)") }
        if result.seconds >= Self.deadline { throw FuzzViolation("\(what): still running after \(Self.deadline) s") }
        guard allowed.contains(result.status) else {
            throw FuzzViolation("\(what): exit \(result.status), expected one of \(allowed.sorted())\n\(result.standardError)")
        }
        if result.status != 0, databaseState() != before {
            throw FuzzViolation("\(what): exit \(result.status) but the database changed\n\(result.standardError)")
        }
        if result.status != 0, result.standardError.isEmpty {
            throw FuzzViolation("\(what): exit \(result.status) with no message")
        }
        return "exit \(result.status)"
    }

    @Test("frames given to digest serve: truncated, oversized, not JSON or out of order end with 76, never a crash")
    func serveFrames() throws {
        var run = FuzzRun("process serve frames")
        let database = digest.databasePath
        let request = #"{"type":"run","protocol":"digest-serve","version":1,"digest":"1.0.0","database":"\#(database)","arguments":["list"]}"#
        let crafted: [String] = [
            #"{"type":"run","protocol":"digest-serve","version":1,"bytes":1000000000000000000}"# + "\n",
            #"{"type":"run","bytes":-1}"# + "\n",
            #"{"type":"run","bytes":"many"}"# + "\n",
            "not json at all\n",
            "[1, 2, 3]\n",
            #"{"no":"type"}"# + "\n",
            String(request.dropLast(5)),
            #"{"type":"run","bytes":10}"# + "\n01234",
            #"{"type":"part","bytes":4}"# + "\nabcd",
            #"{"type":"part"}"# + "\n" + request + "\n",
            #"{"type":"data","bytes":0}"# + "\n",
            #"{"type":"templates","files":[]}"# + "\n",
            String(repeating: "x", count: (1 << 20) + 10),
        ]
        let seeds = [request + "\n", #"{"type":"part","bytes":3}"# + "\nabc" + request + "\n", request + "\n" + request + "\n"]
        let tokens = [#""bytes":"#, "1000000000000000000", "-1", #"{"type":"part","bytes":3}"# + "\nabc", #"{"type":"data"}"#,
                      "\n", #""type""#, "{", "}", #""run""#, "67108865"].map { Array($0.utf8) }
        let mutator = Mutator(tokens: tokens, maximumSize: 2 << 20)
        var inputs = crafted.map { (Array($0.utf8), Set<Int32>([76])) }
        for _ in 0..<FuzzSettings.processRuns {
            let seed = Array(run.random.pick(seeds).utf8)
            inputs.append((mutator.mutate(seed, splicing: Array(run.random.pick(crafted).utf8), using: &run.random), [0, 69, 76]))
        }
        for (input, allowed) in inputs {
            run.check(input) { candidate in
                try directory.write("frames", bytes: candidate)
                try restore()
                let before = databaseState()
                return try judge(try self.run(["serve", "--stdio", "--db", database, "--user", "ana"], input: "frames"),
                                 allowed: allowed, before: before, what: "serve --stdio")
            }
        }
        run.report()
    }

    @Test("item files given to add-item --file: 0 or 65, nothing stored on refusal")
    func addItemFiles() throws {
        var run = FuzzRun("process add-item")
        let corpus = FuzzCorpus.jsonItems
        let mutator = Mutator(tokens: ParserFuzzTests.jsonTokens + ParserFuzzTests.fieldTokens, maximumSize: 64 << 10)
        for _ in 0..<FuzzSettings.processRuns {
            let input = mutator.mutate(run.random.pick(corpus), splicing: run.random.pick(corpus), using: &run.random)
            try directory.write("input.jsonl", bytes: input)
            try restore()
            let before = databaseState()
            run.check(input) { _ in
                try judge(try self.run(["add-item", "1", "--file", "input.jsonl"]), allowed: [0, 65], before: before,
                          what: "add-item --file")
            }
        }
        run.report()
    }

    @Test("archives and pages given to import: 0, 1 or 65, nothing stored on refusal")
    func imports() throws {
        var run = FuzzRun("process import")
        let archives = [Array(FuzzCorpus.file("seeds/harbour-weekly-archive.jsonl").prefix(24 << 10))]
        let pages = FuzzCorpus.pages
        let tokens = ParserFuzzTests.jsonTokens + ParserFuzzTests.fieldTokens
            + ["\"issue\": 99", "\"issue_date\": \"2026-02-30\"", "Posted on: ", ":…"].map { Array($0.utf8) }
        let mutator = Mutator(tokens: tokens, maximumSize: 64 << 10)
        for index in 0..<FuzzSettings.processRuns {
            let page = index % 2 == 1
            let corpus = page ? pages : archives
            let input = mutator.mutate(run.random.pick(corpus), splicing: run.random.pick(corpus), using: &run.random)
            try directory.write(page ? "input.txt" : "input.jsonl", bytes: input)
            try restore()
            let before = databaseState()
            var arguments = ["import", page ? "input.txt" : "input.jsonl", "--format", page ? "page" : "jsonl"]
            if !page, run.random.chance(50) { arguments.append("--published") }
            if page, run.random.chance(50) { arguments += ["--issue", String(2 + run.random.below(3))] }
            run.check(input) { _ in
                try judge(try self.run(arguments), allowed: [0, 1, 65], before: before, what: arguments.joined(separator: " "))
            }
        }
        run.report()
    }

    @Test("dumps given to load: 0, 65 or 78, and no database left behind on refusal")
    func loads() throws {
        var run = FuzzRun("process load")
        let mutator = Mutator(tokens: ParserFuzzTests.jsonTokens + [
            "\"table\":\"items\"", "\"row\":{}", "\"schema\":99", "\"url\":\"javascript:x\"", "null", "\"id\":1",
            "\"valid_to\":1", "\"status\":\"nope\"",
        ].map { Array($0.utf8) }, maximumSize: 128 << 10)
        let target = directory.file("loaded.sqlite")
        let lines = FuzzCorpus.lines(of: dump)
        for _ in 0..<FuzzSettings.processRuns {
            // Most runs change one line a little, so that some loads get past the JSON to the rows.
            var input = dump
            if run.random.chance(40), lines.count > 1 {
                // Still valid JSON: hostile text inside one string value.
                var changed = lines
                let index = 1 + run.random.below(lines.count - 1)
                let line = lines[index]
                let starts = (0..<max(0, line.count - 3)).filter { line[$0] == 0x22 && line[$0 + 1] == 0x3A && line[$0 + 2] == 0x22 }
                if let start = starts.isEmpty ? nil : run.random.pick(starts) {
                    changed[index].insert(contentsOf: Array(run.random.pick(Self.hostileText).utf8), at: start + 3)
                }
                input = changed.joined(separator: [0x0A]) + [0x0A]
            } else if run.random.chance(60), lines.count > 1 {
                var changed = lines
                let index = 1 + run.random.below(lines.count - 1)
                changed[index] = Mutator(tokens: mutator.tokens, maximumSize: 4096)
                    .mutate(lines[index], splicing: run.random.pick(lines), using: &run.random)
                input = changed.joined(separator: [0x0A]) + [0x0A]
            } else {
                input = mutator.mutate(dump, splicing: dump, using: &run.random)
            }
            try directory.write("dump.jsonl", bytes: input)
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: target + suffix) }
            run.check(input) { _ in
                let result = try self.run(["load", "dump.jsonl"], environment: ["DIGEST_DB": target])
                let outcome = try judge(result, allowed: [0, 65, 78], before: databaseState(), what: "load")
                if result.status != 0, FileManager.default.fileExists(atPath: target) {
                    throw FuzzViolation("load: exit \(result.status) left a database behind\n\(result.standardError)")
                }
                if result.status == 0 {
                    let doctor = try self.run(["doctor"], environment: ["DIGEST_DB": target])
                    guard doctor.status == 0 || doctor.status == 1 else {
                        throw FuzzViolation("doctor after a load that succeeded: exit \(doctor.status)\n\(doctor.standardError)")
                    }
                }
                return outcome
            }
        }
        run.report()
    }

    /// JSON-escaped text that typed input would refuse.
    static let hostileText = [
        "javascript:alert(1)//", "\\r\\nBcc: all@example.org", "<script>alert(1)</script>", "\\u0000", "\\u202e",
        "\\n\\n", "é", String(repeating: "long ", count: 2000), "2026-02-30", "-1", "\\\"", " ", "pending",
    ]

    @Test("command lines: any documented exit code but 70, never a signal, the database unchanged on refusal")
    func commandLines() throws {
        var run = FuzzRun("process arguments")
        // Whatever reaches out to the network is left out: link checks, fetches, feeds, nominations.
        let networked: Set<String> = ["check-links", "fetch", "feeds", "nominate"]
        let specs = CLI.commands.map { $0.spec }.filter { !networked.contains($0.name) }
        let words = ParserFuzzTests.argumentWords(specs).filter { !$0.hasPrefix("/") && $0 != "--fetch" }
            + ["1", "2", "3", "4", "7", "out", "x.txt", "site", "markdown", "html", "text", "email", "jsonl", "page",
               "draft", "published", "in-review", "--format", "--out", "--to", "--version", "--approve", "3,4"]
        let values = ["1", "2", "4", "0", "-1", "2.5", "", "x", "2026-11-23", "2026-02-30", "Sep 31, 2020", "é", "out",
                      "x.txt", "-", "markdown", "html", "text", "email", "page", "jsonl", "draft", "published",
                      "https://harbour.example/a", "javascript:alert(1)", "a\nb", "3,4", "all", "on", "off"]
        for _ in 0..<FuzzSettings.processRuns * 2 {
            // Half the lines are built from a command's own spec, so they get past the parser.
            let spec = run.random.pick(specs)
            var arguments = [spec.name]
            if run.random.chance(50) {
                for _ in spec.arguments { arguments.append(run.random.pick(["1", "2", "4", "99", "x"])) }
                for option in spec.options where option.name != "fetch" && run.random.chance(40) {
                    arguments.append("--" + option.name)
                    if option.takesValue { arguments.append(run.random.pick(values)) }
                }
            } else {
                for _ in 0..<run.random.below(7) { arguments.append(run.random.pick(words)) }
            }
            if run.random.chance(20) { arguments.shuffle(using: &run.random) }
            // Nothing outside the temporary folder: --db and --out take only relative names.
            if arguments.contains(where: { $0.hasPrefix("/") || $0.contains("..") || $0.hasPrefix("--fetch") }) { continue }
            try restore()
            let before = databaseState()
            run.check(Array(arguments.joined(separator: "\u{0}").utf8)) { _ in
                try judge(try self.run(arguments), allowed: [0, 1, 64, 65, 66, 73, 77], before: before,
                          what: "digest " + arguments.map { $0.debugDescription }.joined(separator: " "))
            }
        }
        run.report()
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        print("fuzz processes: peak resident memory of any run \(usage.ru_maxrss / 1024) MB")
        #expect(usage.ru_maxrss < 1 << 20, "a run used \(usage.ru_maxrss / 1024) MB")
    }
}
