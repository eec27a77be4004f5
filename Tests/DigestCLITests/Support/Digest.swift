import Foundation

/// Runs the built `digest` binary the way a user does, in a temporary
/// directory with its own database.
struct Digest: Sendable {
    let directory: TemporaryDirectory
    var environment: [String: String]

    init(directory: TemporaryDirectory, user: String = "ana") {
        self.directory = directory
        var environment = ProcessInfo.processInfo.environment
        environment["DIGEST_DB"] = directory.file("digest.sqlite")
        environment["DIGEST_USER"] = user
        environment["DIGEST_SSH_CONTROL"] = "off"
        environment.removeValue(forKey: "SOURCE_DATE_EPOCH")
        self.environment = environment
    }

    var databasePath: String { environment["DIGEST_DB"] ?? directory.file("digest.sqlite") }

    /// The same directory and user, with another database.
    func with(database path: String) -> Digest {
        var copy = self
        copy.environment["DIGEST_DB"] = path
        return copy
    }

    /// Runs `digest ARGUMENTS` and waits for it.
    @discardableResult
    func run(_ arguments: [String], input: String? = nil, as user: String? = nil,
             environment extra: [String: String] = [:]) throws -> ProcessResult {
        try Digest.execute(Products.digest, arguments, input: input.map { Array($0.utf8) },
                           environment: environment.merging(extra) { $1 }.merging(user.map { ["DIGEST_USER": $0] } ?? [:]) { $1 },
                           directory: directory.path)
    }

    @discardableResult
    func run(_ arguments: String..., input: String? = nil, as user: String? = nil) throws -> ProcessResult {
        try run(arguments, input: input, as: user)
    }

    /// Runs a program with stdin, collecting stdout and stderr concurrently
    /// so a large output cannot block it.
    static func execute(_ program: String, _ arguments: [String], input: [UInt8]? = nil,
                        environment: [String: String], directory: String) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let stdinPipe = Pipe(), stdoutPipe = Pipe(), stderrPipe = Pipe()
        process.standardInput = stdinPipe
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        try process.run()
        let collector = OutputCollector(stdout: stdoutPipe.fileHandleForReading, stderr: stderrPipe.fileHandleForReading)
        if let input { stdinPipe.fileHandleForWriting.write(Data(input)) }
        try? stdinPipe.fileHandleForWriting.close()
        process.waitUntilExit()
        let (out, err) = collector.finish()
        return ProcessResult(status: process.terminationStatus,
                             standardOutput: String(decoding: out, as: UTF8.self),
                             standardError: String(decoding: err, as: UTF8.self))
    }

    // MARK: Conveniences for common steps

    /// `digest init` with a publication, checked to succeed.
    func initialise(_ extra: [String] = []) throws {
        let result = try run(["init", "--publication", "The Harbour Weekly", "--email", "editors@harbour.example",
                              "--list-address", "readers@lists.harbour.example"] + extra)
        guard result.status == 0 else { throw StepFailed(step: "init", result: result) }
    }

    /// Opens a draft and returns its number.
    func draft(date: String = "2026-11-23", title: String = "Harbour notes") throws -> Int {
        let result = try run(["draft", "--date", date, "--title", title, "--json"])
        guard result.status == 0, let number = try JSONReader.int(result.standardOutput, "issue", "number") else {
            throw StepFailed(step: "draft", result: result)
        }
        return number
    }

    /// Adds a valid item and returns its id.
    @discardableResult
    func addItem(_ issue: Int, title: String = "Tide tables, explained", url: String,
                 source: String = "Coastal Review", date: String = "2026-11-20",
                 excerpt: String = "Why there are two tides a day, most days.", extra: [String] = [],
                 as user: String? = nil) throws -> Int {
        let result = try run(["add-item", String(issue), "--title", title, "--url", url, "--source", source,
                              "--date", date, "--excerpt", excerpt, "--json"] + extra, as: user)
        guard result.status == 0, let id = try JSONReader.int(result.standardOutput, "items", 0, "id") else {
            throw StepFailed(step: "add-item", result: result)
        }
        return id
    }
}

/// A setup step that should have worked and did not.
struct StepFailed: Error, CustomStringConvertible {
    let step: String
    let result: ProcessResult
    var description: String {
        "\(step) exited \(result.status)\nstdout: \(result.standardOutput)\nstderr: \(result.standardError)"
    }
}
