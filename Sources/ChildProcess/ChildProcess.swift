import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one way digest and its companion programs run another program to
/// completion: the mail command, `digest-links` and `digest-fetch`, and the
/// child each link, page or feed is read in. Its input is written, its output
/// and errors read, in one loop over the three pipes, so no side can block on
/// a full pipe; a deadline, when given, kills it.
///
/// `start` begins one for a conversation instead (`ssh` for a remote
/// database). The pager, which shares this process's terminal, keeps its own.
package enum ChildProcess {
    package enum Errors: Sendable {
        /// Read and handed back.
        case capture
        /// This process's own standard error.
        case inherit
        /// Into the output, in the order they come.
        case intoOutput
    }

    package struct Outcome: Sendable {
        /// The exit status, when it exited.
        package var status: Int32?
        /// The signal that ended it, when one did (SIGKILL after a deadline).
        package var signal: Int32?
        package var timedOut = false
        /// Whether the child read all of its input (false: it ended, or closed
        /// its standard input, before taking it all).
        package var tookWholeInput = true
        package var output = Data()
        package var errors = Data()

        package var succeeded: Bool { status == 0 }

        /// "exited with status N", "was killed by signal N".
        package var ending: String {
            if let status { return "exited with status \(status)" }
            return "was killed by signal \(signal ?? 0)"
        }
    }

    package struct Failure: Error, Sendable {
        package let program: String
        package let reason: String
    }

    /// Runs `program` (a path) with `arguments`, `input` on its standard
    /// input (none: /dev/null), for at most `seconds` when given.
    /// `onOutput` hears each piece of standard output as it arrives.
    package static func run(_ program: String, _ arguments: [String], environment: [String: String]? = nil,
                            input: Data? = nil, errors: Errors = .capture, seconds: Double? = nil,
                            onOutput: ((Data) -> Void)? = nil) throws(Failure) -> Outcome {
        let child = try start(program, arguments, environment: environment, input: input != nil, errors: errors)
        // A child that ends without reading its input must not end this process with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        var outcome = Outcome()
        let pending = input.map { [UInt8]($0) } ?? []
        var written = 0
        var writing: Int32 = -1
        if child.input >= 0 {
            if pending.isEmpty {
                close(child.input)
            } else {
                writing = child.input
                _ = fcntl(writing, F_SETFL, O_NONBLOCK)
            }
        }
        var reading: [Int32] = [child.output, child.errors].filter { $0 >= 0 }
        let deadline = seconds.map { Date().addingTimeInterval($0) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while !reading.isEmpty || writing >= 0 {
            var watched = reading.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            if writing >= 0 { watched.append(pollfd(fd: writing, events: Int16(POLLOUT), revents: 0)) }
            var wait: Int32 = -1
            if let deadline {
                let remaining = deadline.timeIntervalSinceNow
                if remaining <= 0 {
                    outcome.timedOut = true
                    break
                }
                wait = Int32(min(remaining * 1000 + 1, 60_000))
            }
            let ready = poll(&watched, nfds_t(watched.count), wait)
            if ready < 0, errno == EINTR { continue }
            if ready <= 0 { continue }
            for entry in watched where entry.revents != 0 {
                if entry.fd == writing {
                    let count = pending.withUnsafeBytes { write(writing, $0.baseAddress! + written, pending.count - written) }
                    if count > 0 { written += count }
                    if count < 0, errno == EAGAIN || errno == EINTR { continue }
                    // Done, or the child stopped reading (its status says why).
                    if count <= 0 { outcome.tookWholeInput = false }
                    if count <= 0 || written == pending.count {
                        close(writing)
                        writing = -1
                    }
                    continue
                }
                let count = read(entry.fd, &chunk, chunk.count)
                if count < 0, errno == EINTR || errno == EAGAIN { continue }
                if count <= 0 {
                    close(entry.fd)
                    reading.removeAll { $0 == entry.fd }
                    continue
                }
                let piece = Data(chunk[0..<count])
                if entry.fd == child.output {
                    outcome.output += piece
                    onOutput?(piece)
                } else {
                    outcome.errors += piece
                }
            }
        }
        if outcome.timedOut {
            kill(child.pid, SIGKILL)
            if writing >= 0 { outcome.tookWholeInput = false }
            for descriptor in reading { close(descriptor) }
            if writing >= 0 { close(writing) }
        }
        (outcome.status, outcome.signal) = child.wait()
        return outcome
    }

    /// A started child: its pipes (this side's ends; -1 where there is none)
    /// and its process id. `run` talks to it to completion; ssh for a remote
    /// database holds a conversation with it.
    package struct Running: Sendable {
        package let pid: pid_t
        /// Its standard input, or -1 (it reads /dev/null).
        package let input: Int32
        package let output: Int32
        /// Its standard error, or -1 (not captured).
        package let errors: Int32

        /// Waits for it to end: its exit status, or the signal that ended it.
        package func wait() -> (status: Int32?, signal: Int32?) {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0, errno == EINTR {}
            return status & 0x7F == 0 ? ((status >> 8) & 0xFF, nil) : (nil, status & 0x7F)
        }
    }

    /// Starts `program` with pipes to its standard input (when `input`),
    /// output and, as `errors` says, standard error. Every pipe is
    /// close-on-exec here, so no other child holds it open.
    package static func start(_ program: String, _ arguments: [String], environment: [String: String]? = nil,
                              input: Bool, errors: Errors = .capture) throws(Failure) -> Running {
        var toChild: [Int32] = [-1, -1], fromChild: [Int32] = [-1, -1], errorsFromChild: [Int32] = [-1, -1]
        var pid: pid_t = 0
        let spawned: Int32 = spawning.withLock {
            // Close-on-exec, set before any other child can be started: a
            // child must not hold another's pipes open (its input would never end).
            for index in 0..<3 {
                var pair: [Int32] = [-1, -1]
                guard pipe(&pair) == 0 else { return errno }
                for descriptor in pair { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
                switch index {
                case 0: toChild = pair
                case 1: fromChild = pair
                default: errorsFromChild = pair
                }
            }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            if input {
                posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
            } else {
                posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            }
            posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
            switch errors {
            case .capture: posix_spawn_file_actions_adddup2(&actions, errorsFromChild[1], 2)
            case .intoOutput: posix_spawn_file_actions_adddup2(&actions, fromChild[1], 2)
            case .inherit: break
            }
            var argv: [UnsafeMutablePointer<CChar>?] = ([program] + arguments).map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            var envp: [UnsafeMutablePointer<CChar>?] = environment.map { values in
                values.map { strdup("\($0.key)=\($0.value)") } + [nil]
            } ?? []
            defer { envp.forEach { free($0) } }
            let code = environment == nil
                ? posix_spawn(&pid, program, &actions, nil, &argv, environ)
                : posix_spawn(&pid, program, &actions, nil, &argv, &envp)
            for descriptor in [toChild[0], fromChild[1], errorsFromChild[1]] { close(descriptor) }
            return code
        }
        guard spawned == 0 else {
            for descriptor in [toChild[1], fromChild[0], errorsFromChild[0]] where descriptor >= 0 { close(descriptor) }
            throw Failure(program: program, reason: String(cString: strerror(spawned)))
        }
        if !input { close(toChild[1]) }
        if errors != .capture { close(errorsFromChild[0]) }
        return Running(pid: pid, input: input ? toChild[1] : -1, output: fromChild[0],
                       errors: errors == .capture ? errorsFromChild[0] : -1)
    }

    private static let spawning = NSLock()
}
