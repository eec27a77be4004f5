import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow
import Foundation

extension CLI {
    /// Runs digest as a process: the real arguments, environment and
    /// standard streams. Returns the exit code.
    package static func main() -> Int32 {
        // A reader that went away (`digest list | head -1`, a pager quit
        // early, digest-links ending early) must be an error digest sees, not
        // a death mid-write.
        signal(SIGPIPE, SIG_IGN)
        let arguments: [String]
        do {
            arguments = try rawArguments()
        } catch {
            return StandardStreams.deliver(failure(error, json: false))
        }
        let environment = processEnvironment()
        let terminal = Terminal.current(environment: environment)
        let outcome = run(arguments: arguments, environment: environment,
                          standardInput: { [UInt8](FileHandle.standardInput.readDataToEndOfFile()) },
                          terminal: terminal)
        let pager = Pager.command(for: outcome.standardOutput, pageable: outcome.pageable, terminal: terminal,
                                  disabled: ArgumentParser.presentation(of: arguments).noPager, environment: environment)
        if let pager {
            // Messages first, so the pager does not hide them.
            var messages = outcome
            messages.standardOutput = ""
            let code = StandardStreams.deliver(messages)
            if Pager.show(outcome.standardOutput, with: pager, environment: environment) { return code }
            var output = outcome
            output.standardError = ""
            output.exitCode = code
            return StandardStreams.deliver(output)
        }
        return StandardStreams.deliver(outcome)
    }

    /// The environment, read from `environ` as `getenv` reads it (the first
    /// of two entries with one name wins). `ProcessInfo` gives the same
    /// dictionary but sets up far more at every start.
    private static func processEnvironment() -> [String: String] {
        var environment: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let bytes = UnsafeRawBufferPointer(start: pointer, count: strlen(pointer))
            if let equals = bytes.firstIndex(of: UInt8(ascii: "=")) {
                let name = String(decoding: bytes[..<equals], as: UTF8.self)
                if environment[name] == nil {
                    environment[name] = String(decoding: bytes[(equals + 1)...], as: UTF8.self)
                }
            }
            entry += 1
        }
        return environment
    }

    /// The arguments, each checked to be UTF-8: `CommandLine.arguments` would
    /// quietly turn a bad byte into U+FFFD, which must not reach the database.
    private static func rawArguments() throws -> [String] {
        var arguments: [String] = []
        // Started with an empty argv (not even its own name), digest has no
        // arguments, as Linux itself arranges since 5.18.
        for index in stride(from: 1, to: Int(CommandLine.argc), by: 1) {
            guard let pointer = CommandLine.unsafeArgv[index] else { continue }
            let bytes = Array(UnsafeBufferPointer(start: pointer, count: strlen(pointer))).map { UInt8(bitPattern: $0) }
            arguments.append(try UTF8Input.decode(bytes, from: "argument \(index)"))
        }
        return arguments
    }
}
