import DigestLinkOptions
import Foundation

/// The `digest-links` program: options, then links on standard input, then
/// one JSON result a line on standard output.
package struct LinkCheckCommand {
    package static let version = "1.0"

    package static let usage = "digest-links [--timeout S] [--concurrency N] [--deadline S] [--max-redirects N] [--allow-private] < LINKS.jsonl"

    package static let help = """
        OVERVIEW: Checks links and reports, for each one, what its server answers.

        Reads JSON Lines on standard input, one {"id": ITEM, "url": "https://..."}
        a line, and writes one JSON object a line on standard output, in input
        order. 'digest check-links ISSUE' runs it and stores the results.

        USAGE: \(usage)

        OPTIONS:
          --timeout S          Seconds allowed for one link, redirects included
                               (default: 10; decimals allowed).
          --concurrency N      Links checked at the same time, 1 to 64 (default: 8).
          --deadline S         Seconds allowed for the whole run; links not done by
                               then are reported timed-out (default: 120).
          --max-redirects N    Redirects followed per link, 0 to 50 (default: 10).
          --allow-private      Check loopback, private and link-local addresses too
                               (refused by default: the checks run with the host's
                               network position).
          --version            Show the version.
          -h, --help           Show help information.

        OUTPUT:
          {"id":12,"url":"...","outcome":"ok","status":200,"final_url":"...",
           "suggested_url":null,"redirects":0,"detail":"HTTP 200 OK",
           "checked_at":"2026-11-22T18:21:19Z","elapsed_ms":123}
          outcome is one of ok, redirected, broken, unreachable, timed-out;
          suggested_url is set when every redirect was permanent.

        EXIT STATUS:
          0    every link was checked, whatever the outcomes
          64   bad option (nothing checked)
          65   bad input line (nothing checked)
          74   standard input could not be read or standard output written

        """

    package var readInput: () throws -> Data
    package var writeOutput: (String) throws -> Void
    package var writeError: (String) -> Void

    package init(
        readInput: @escaping () throws -> Data,
        writeOutput: @escaping (String) throws -> Void,
        writeError: @escaping (String) -> Void
    ) {
        self.readInput = readInput
        self.writeOutput = writeOutput
        self.writeError = writeError
    }

    /// The command wired to the process's standard streams.
    package static var standard: LinkCheckCommand {
        LinkCheckCommand(
            readInput: { try FileHandle.standardInput.readToEnd() ?? Data() },
            writeOutput: { try FileHandle.standardOutput.write(contentsOf: Data($0.utf8)) },
            // When standard error itself cannot be written there is nowhere
            // left to report it; the exit status still tells.
            writeError: { try? FileHandle.standardError.write(contentsOf: Data($0.utf8)) }
        )
    }

    /// Runs the program with `arguments` (without the program name) and
    /// returns its exit status.
    package func run(arguments: [String]) async -> Int32 {
        do {
            return try await runOrThrow(arguments: arguments)
        } catch {
            for message in error.messages {
                writeError("digest-links: error: \(message)\n")
            }
            if error.isUsageError {
                writeError("Usage: \(Self.usage)\nSee 'digest-links --help'.\n")
            }
            return error.exitCode
        }
    }

    private func runOrThrow(arguments: [String]) async throws(LinkCheckError) -> Int32 {
        let options: LinkCheckOptions
        switch try LinkCheckAction.parse(arguments) {
        case .help:
            try write(Self.help)
            return 0
        case .version:
            try write("digest-links \(Self.version)\n")
            return 0
        case .check(let parsed):
            options = parsed
        case .checkIsolated(let parsed):
            return try await checkIsolated(parsed)
        }

        let links = try readLinks()

        // Each link is checked by a child process of its own (`--isolated`):
        // a body that inflates without end, a hang or a crash is that link's
        // outcome, never the run's.
        var writeFailure: LinkCheckError?
        let deadline = ContinuousClock.now + .seconds(options.deadline)
        await inOrderConcurrently(links, concurrency: options.concurrency, work: { link in
            await Self.isolatedLine(for: link, options: options, deadline: deadline)
        }, emit: { line in
            guard writeFailure == nil else { return }
            do throws(LinkCheckError) {
                try write(line + "\n")
            } catch {
                writeFailure = error
            }
        })
        if let writeFailure { throw writeFailure }
        return 0
    }

    /// One link's line, from a child that checks it within what is left of the run's deadline.
    private static func isolatedLine(for link: Link, options: LinkCheckOptions, deadline: ContinuousClock.Instant) async -> String {
        let started = Date()
        let remaining = ContinuousClock.now.duration(to: deadline) / .seconds(1)
        func synthesized(_ verdict: LinkVerdict) -> String {
            LinkResult(id: link.id, url: link.url, verdict: verdict, checkedAt: Date(),
                       elapsedMilliseconds: Int(Date().timeIntervalSince(started) * 1000)).jsonLine
        }
        guard remaining > 0 else { return synthesized(.deadlineReached) }
        var arguments = ["--isolated", "--timeout=\(options.timeout)", "--deadline=\(remaining)",
                         "--max-redirects=\(options.maxRedirects)"]
        if options.allowPrivate { arguments.append("--allow-private") }
        let input = String(decoding: (try? JSONSerialization.data(withJSONObject: ["id": link.id, "url": link.url])) ?? Data(),
                           as: UTF8.self) + "\n"
        switch await IsolatedChild.run(arguments, input: input, seconds: min(options.timeout, remaining) + 2) {
        case .finished(status: 0, let line) where !line.isEmpty:
            return line.hasSuffix("\n") ? String(line.dropLast()) : line
        case .finished(let status, _):
            return synthesized(LinkVerdict(outcome: .unreachable, detail: "the check failed (it ended with status \(status))"))
        case .timedOut:
            return synthesized(remaining < options.timeout ? .deadlineReached : .timedOut(after: options.timeout))
        case .failed(let why):
            return synthesized(LinkVerdict(outcome: .unreachable, detail: "the check failed (\(why))"))
        }
    }

    /// The child's side: the one link on standard input, checked here.
    private func checkIsolated(_ options: LinkCheckOptions) async throws(LinkCheckError) -> Int32 {
        for result in await LinkCheckRun(options: options).results(for: try readLinks()) {
            try write(result.jsonLine + "\n")
        }
        // Done at once: libcurl may still be busy with a body nobody reads.
        _exit(0)
    }

    private func readLinks() throws(LinkCheckError) -> [Link] {
        let input: Data
        do {
            input = try readInput()
        } catch {
            throw .unreadableInput(String(describing: error))
        }
        return try LinkListReader.links(from: input)
    }

    private func write(_ text: String) throws(LinkCheckError) {
        do {
            try writeOutput(text)
        } catch {
            throw .unwritableOutput(String(describing: error))
        }
    }
}
