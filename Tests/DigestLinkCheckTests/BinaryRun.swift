import Foundation

/// One run of the built `digest-links` executable, as a user's shell would run it.
struct BinaryRun {
    let status: Int32
    let output: String
    let errors: String

    var outputLines: [String] {
        output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// The executable is built beside the test bundle (`.build/debug/`).
    static func executable(_ name: String = "digest-links") throws -> URL {
        let beside = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
            URL(fileURLWithPath: #filePath)
                .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent(".build/debug"),
        ]
        for directory in beside {
            let candidate = directory.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw BinaryRunError.notBuilt(searched: beside.map(\.path))
    }

    /// Runs `digest-links arguments < input`.
    static func digestLinks(_ arguments: [String], input: String) async throws -> BinaryRun {
        try await run("digest-links", arguments, input: input)
    }

    /// Runs `digest-fetch arguments < input`.
    static func digestFetch(_ arguments: [String], input: String = "") async throws -> BinaryRun {
        try await run("digest-fetch", arguments, input: input)
    }

    /// Runs `program arguments < input`. Standard streams go through files,
    /// so no pipe can fill up and stall either side.
    static func run(_ program: String, _ arguments: [String], input: String) async throws -> BinaryRun {
        try await run(at: try executable(program), arguments, input: input)
    }

    /// Runs the program at `path` with `arguments < input`.
    static func run(at path: URL, _ arguments: [String], input: String) async throws -> BinaryRun {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("digest-links-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let inputFile = directory.appendingPathComponent("stdin")
        let outputFile = directory.appendingPathComponent("stdout")
        let errorFile = directory.appendingPathComponent("stderr")
        try Data(input.utf8).write(to: inputFile)
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)

        let process = Process()
        process.executableURL = path
        process.arguments = arguments
        process.standardInput = try FileHandle(forReadingFrom: inputFile)
        process.standardOutput = try FileHandle(forWritingTo: outputFile)
        process.standardError = try FileHandle(forWritingTo: errorFile)
        // Waiting in a termination handler, not `waitUntilExit()`, keeps the
        // cooperative threads free for tests running alongside.
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { finished in
                continuation.resume(returning: finished.terminationStatus)
            }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        return BinaryRun(
            status: status,
            output: try String(contentsOf: outputFile, encoding: .utf8),
            errors: try String(contentsOf: errorFile, encoding: .utf8)
        )
    }
}
