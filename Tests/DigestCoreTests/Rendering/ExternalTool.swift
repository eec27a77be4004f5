import Foundation
import Testing

/// Runs the validators the rendering tests rely on (cmark, tidy, python3).
/// A missing tool fails the test with a message saying what to install;
/// it never lets the test pass unchecked.
enum ExternalTool {
    struct Result {
        let status: Int32
        let standardOutput: String
        let standardError: String
    }

    struct Missing: Error, CustomStringConvertible {
        let tool: String
        let package: String
        var description: String {
            "\(tool) is not installed or not on PATH; install it (apt-get install \(package)) to run this test."
        }
    }

    static func path(of tool: String) -> String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin")
            .split(separator: ":")
        return directories.map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `tool` with `input` on standard input. Output goes through files,
    /// so a large output cannot fill a pipe and hang the test.
    static func run(_ tool: String, package: String, _ arguments: [String], input: Data = Data()) throws -> Result {
        guard let executable = path(of: tool) else { throw Missing(tool: tool, package: package) }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("digest-rendering-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let inputURL = directory.appendingPathComponent("input")
        let outputURL = directory.appendingPathComponent("output")
        let errorURL = directory.appendingPathComponent("error")
        try input.write(to: inputURL)
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments.map { $0 == "{input}" ? inputURL.path : $0 }
        process.standardInput = try FileHandle(forReadingFrom: inputURL)
        process.standardOutput = try FileHandle(forWritingTo: outputURL)
        process.standardError = try FileHandle(forWritingTo: errorURL)
        try process.run()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            standardOutput: String(decoding: try Data(contentsOf: outputURL), as: UTF8.self),
            standardError: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self))
    }

    /// Runs a Python script that reads `input` and prints one JSON document.
    static func python(_ script: String, input: Data) throws -> [String: Any] {
        let result = try run("python3", package: "python3", ["-c", script], input: input)
        guard result.status == 0 else {
            throw ProbeFailure(description: "python3 failed with status \(result.status): \(result.standardError)")
        }
        guard let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any] else {
            throw ProbeFailure(description: "python3 printed no JSON object: \(result.standardOutput)")
        }
        return object
    }

    struct ProbeFailure: Error, CustomStringConvertible {
        let description: String
    }
}
