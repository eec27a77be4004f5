import DigestCore
import Foundation

/// Finds digest's companion programs (`digest-links`) the way git finds its
/// subcommands: beside the running `digest`, else on the PATH.
enum Companion {
    /// Where `name` is looked for, in order: beside the running program, then each PATH folder.
    static func candidates(for name: String, environment: [String: String]) -> [String] {
        var candidates: [String] = []
        if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(FileSystem.directory(of: executable) + "/" + name)
        }
        if let first = CommandLine.arguments.first, first.contains("/") {
            let beside = FileSystem.directory(of: first) + "/" + name
            if !candidates.contains(beside) { candidates.append(beside) }
        }
        for folder in (environment["PATH"] ?? "").split(separator: ":") {
            let onPath = "\(folder)/\(name)"
            if !candidates.contains(onPath) { candidates.append(onPath) }
        }
        return candidates
    }

    static func path(of name: String, environment: [String: String]) -> String? {
        candidates(for: name, environment: environment).first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The program's path, or an error that says where it was looked for and how to install it.
    static func require(_ name: String, for purpose: String, environment: [String: String]) throws -> String {
        if let path = path(of: name, environment: environment) { return path }
        let places = candidates(for: name, environment: environment)
        throw DigestError.notFound("\(purpose) needs the program \(name), which was not found. Looked in: "
            + places.joined(separator: ", ") + ". Install it beside digest with 'scripts/install' "
            + "(or 'swift build -c release --product \(name)' and copy .build/release/\(name) next to digest).")
    }
}

extension Companion {
    /// Where a companion's standard error goes.
    enum ErrorOutput {
        /// Kept, to quote in digest's own error message.
        case capture
        /// Straight to digest's standard error.
        case inherit
        /// Mixed into the output, for a program that reports its errors there.
        case intoOutput
    }

    /// What a companion run gave back.
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Runs a companion program with `input` on its standard input and
    /// collects what it prints. The input is fed and standard error read on
    /// other threads, so neither side can block on a full pipe; standard
    /// output is read as it comes, and `progress` advances one step a line
    /// (the companions print one line per link or feed done).
    static func run(_ program: String, _ arguments: [String], input: String?, errors: ErrorOutput = .capture,
                    progress: ProgressLine? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let stdinPipe = Pipe(), stdoutPipe = Pipe(), stderrPipe = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdinPipe
        process.standardOutput = stdoutPipe
        switch errors {
        case .capture: process.standardError = stderrPipe
        case .inherit: process.standardError = FileHandle.standardError
        case .intoOutput: process.standardError = stdoutPipe
        }
        do {
            try process.run()
        } catch {
            throw DigestError.internalError("could not start \(program): \(error.localizedDescription).")
        }
        let captured = errors == .capture ? BackgroundReader(stderrPipe.fileHandleForReading) : nil
        if let input {
            let handle = stdinPipe.fileHandleForWriting
            // A companion that ends early stops reading: the failed write (EPIPE,
            // not SIGPIPE, which digest ignores) is then told by its exit status.
            DispatchQueue.global().async {
                try? handle.write(contentsOf: Data(input.utf8))
                try? handle.close()
            }
        }
        var output = Data()
        let reader = stdoutPipe.fileHandleForReading
        while true {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            output.append(chunk)
            progress?.advance(by: chunk.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) })
        }
        progress?.finish()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
                   errors: captured?.text ?? "")
    }
}

/// Collects a child's standard error in the background.
private final class BackgroundReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        DispatchQueue.global().async {
            self.data = handle.readDataToEndOfFile()
            self.done.signal()
        }
    }

    var text: String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}
