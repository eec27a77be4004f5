import ChildProcess
import DigestModel
import DigestRendering
import DigestWorkflow
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
    typealias ErrorOutput = ChildProcess.Errors

    /// What a companion run gave back.
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Runs a companion program with `input` on its standard input and
    /// collects what it prints (`ChildProcess`); `progress` advances one step
    /// a line, as the companions print one line per link or feed done.
    static func run(_ program: String, _ arguments: [String], input: String?, errors: ErrorOutput = .capture,
                    progress: ProgressLine? = nil) throws -> Run {
        let run: ChildProcess.Outcome
        do {
            run = try ChildProcess.run(program, arguments, input: input.map { Data($0.utf8) }, errors: errors) { piece in
                progress?.advance(by: piece.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) })
            }
        } catch {
            throw DigestError.internalError("could not start \(program): \(error.reason).")
        }
        progress?.finish()
        // A companion killed by a signal reports as 128 + the signal, as a shell would.
        return Run(status: run.status ?? 128 + (run.signal ?? 0), output: String(decoding: run.output, as: UTF8.self),
                   errors: String(decoding: run.errors, as: UTF8.self))
    }
}
