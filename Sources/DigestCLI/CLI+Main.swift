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
        let outcome = run(arguments: arguments, environment: ProcessInfo.processInfo.environment,
                          standardInput: { [UInt8](FileHandle.standardInput.readDataToEndOfFile()) })
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
    private static func write(_ text: String, to descriptor: Int32) {
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
