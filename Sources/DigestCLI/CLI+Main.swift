import DigestCore
import Foundation

extension CLI {
    /// Runs digest as a process: the real arguments, environment and
    /// standard streams. Returns the exit code.
    package static func main() -> Int32 {
        let arguments: [String]
        do {
            arguments = try rawArguments()
        } catch {
            let failed = failure(error, json: false)
            FileHandle.standardError.write(Data(failed.standardError.utf8))
            return failed.exitCode
        }
        let environment = ProcessInfo.processInfo.environment
        let terminal = Terminal.current(environment: environment)
        let outcome = run(arguments: arguments, environment: environment,
                          standardInput: { [UInt8](FileHandle.standardInput.readDataToEndOfFile()) },
                          terminal: terminal)
        let pager = Pager.command(for: outcome.standardOutput, pageable: outcome.pageable, terminal: terminal,
                                  disabled: arguments.contains("--no-pager"), environment: environment)
        if let pager {
            // Messages first, so the pager does not hide them.
            write(outcome.standardError, to: STDERR_FILENO)
            if !Pager.show(outcome.standardOutput, with: pager, environment: environment) {
                write(outcome.standardOutput, to: STDOUT_FILENO)
            }
            return outcome.exitCode
        }
        write(outcome.standardOutput, to: STDOUT_FILENO)
        write(outcome.standardError, to: STDERR_FILENO)
        return outcome.exitCode
    }

    /// The arguments, each checked to be UTF-8: `CommandLine.arguments` would
    /// quietly turn a bad byte into U+FFFD, which must not reach the database.
    private static func rawArguments() throws -> [String] {
        var arguments: [String] = []
        for index in 1..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[index] else { continue }
            let bytes = Array(UnsafeBufferPointer(start: pointer, count: strlen(pointer))).map { UInt8(bitPattern: $0) }
            arguments.append(try UTF8Input.decode(bytes, from: "argument \(index)"))
        }
        return arguments
    }

    /// Writes everything, retrying short writes (a pipe takes what fits).
    static func write(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }
}

/// The process's standard streams, for what is written while a command runs
/// (progress lines) rather than with its outcome.
enum StandardStream {
    case output, error

    func write(_ text: String) {
        CLI.write(text, to: self == .output ? STDOUT_FILENO : STDERR_FILENO)
    }
}
