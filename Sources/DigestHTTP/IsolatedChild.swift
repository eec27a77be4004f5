import ChildProcess
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One link or one feed handled by a child process of the running program,
/// so that nothing one server sends can hold the others up or take the
/// whole run down.
///
/// libcurl decompresses a body as fast as it arrives, on the one thread that
/// serves every transfer of a session, and cannot be stopped from outside
/// it: a small gzip body that inflates to gigabytes would take the memory
/// and the time of the whole run, however early the size limit is seen. In
/// a child, the limit ends the process (and its transfer) at once; a child
/// past its time is killed; a crash (a parser, libxml2) is that one
/// element's failure.
package enum IsolatedChild {
    package enum Outcome: Sendable, Equatable {
        /// What the child printed, and the status it ended with.
        case finished(status: Int32, output: String)
        /// Killed after `seconds`.
        case timedOut
        /// Ended by a signal, or could not be started.
        case failed(String)
    }

    /// Runs this program again with `arguments`, `input` on its standard
    /// input, for at most `seconds`.
    package static func run(_ arguments: [String], input: String, seconds: Double) async -> Outcome {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: runBlocking(arguments, input: Array(input.utf8), seconds: seconds))
            }
            thread.start()
        }
    }

    private static var program: String {
        #if os(Linux)
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
        #endif
        return Bundle.main.executablePath ?? CommandLine.arguments[0]
    }

    private static func runBlocking(_ arguments: [String], input: [UInt8], seconds: Double) -> Outcome {
        do {
            let run = try ChildProcess.run(program, arguments, input: Data(input), seconds: seconds)
            if run.timedOut { return .timedOut }
            if let status = run.status { return .finished(status: status, output: String(decoding: run.output, as: UTF8.self)) }
            return .failed("it ended with signal \(run.signal ?? 0)")
        } catch {
            return .failed("cannot start \(error.program) (\(error.reason))")
        }
    }
}
