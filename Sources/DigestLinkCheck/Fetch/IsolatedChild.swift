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

    private static let spawning = NSLock()

    /// Output past this is not a result (a feed of 50 entries is well under it).
    static let largestOutput = 64 << 20

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
        var toChild: [Int32] = [0, 0], fromChild: [Int32] = [0, 0]
        var pid: pid_t = 0
        let spawned: Int32 = spawning.withLock {
            // Close-on-exec, set before any other child can be started: a
            // child must not hold another's pipes open (its input would never end).
            guard pipe(&toChild) == 0 else { return errno }
            guard pipe(&fromChild) == 0 else {
                close(toChild[0]); close(toChild[1])
                return errno
            }
            for descriptor in toChild + fromChild { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
            posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
            let all = [program] + arguments
            var argv: [UnsafeMutablePointer<CChar>?] = all.map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            let code = posix_spawn(&pid, program, &actions, nil, &argv, environ)
            close(toChild[0])
            close(fromChild[1])
            if code != 0 {
                close(toChild[1]); close(fromChild[0])
            }
            return code
        }
        guard spawned == 0 else { return .failed("cannot start \(program) (\(String(cString: strerror(spawned))))") }
        // The input is one short line: it fits the pipe, so this cannot block on the child.
        var offset = 0
        while offset < input.count {
            let written = input.withUnsafeBytes { write(toChild[1], $0.baseAddress! + offset, input.count - offset) }
            if written < 0, errno == EINTR { continue }
            if written <= 0 { break }
            offset += written
        }
        close(toChild[1])

        let deadline = Date().addingTimeInterval(seconds)
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var timedOut = false
        while true {
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 {
                timedOut = true
                break
            }
            var waiting = pollfd(fd: fromChild[0], events: Int16(POLLIN), revents: 0)
            let ready = poll(&waiting, 1, Int32(min(remaining * 1000 + 1, 60_000)))
            if ready < 0, errno == EINTR { continue }
            if ready <= 0 { continue }
            let count = read(fromChild[0], &chunk, chunk.count)
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            output += chunk[0..<count]
            if output.count > largestOutput { timedOut = true; break }
        }
        close(fromChild[0])
        if timedOut { kill(pid, SIGKILL) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        if timedOut { return .timedOut }
        let signal = status & 0x7F
        if signal != 0 { return .failed("it ended with signal \(signal)") }
        return .finished(status: (status >> 8) & 0xFF, output: String(decoding: output, as: UTF8.self))
    }
}
