import DigestHTTP
import CommandLineParsing
import DigestLinkOptions
import Foundation
import ProgramMessages

/// The `digest-links` program: options, then links on standard input, then
/// one JSON result a line on standard output.
package struct LinkCheckCommand {
    package static let version = "1.0"

    /// The command line, declared once: the parser reads it and the help shows it.
    package static let spec = CommandSpec(
        program: "digest-links", name: "",
        abstract: "Checks links and reports, for each one, what its server answers.",
        discussion: "Reads JSON Lines on standard input, one {\"id\": ITEM, \"url\": \"https://...\"} a line, and "
            + "writes one JSON object a line on standard output, in input order. 'digest check-links ISSUE' runs "
            + "it and stores the results.",
        options: LinkCheckOptions.options + [.flag("version", "Show the version.")],
        standardInput: "LINKS.jsonl",
        epilogue: """
            OUTPUT:
              {"checked_at":"2026-11-22T18:21:19Z","detail":"HTTP 200 OK","elapsed_ms":123,
               "final_url":"...","id":12,"outcome":"ok","redirects":0,"status":200,
               "suggested_url":null,"url":"..."}
              outcome is one of ok, redirected, broken, unreachable, timed-out;
              suggested_url is set when every redirect was permanent.

            EXIT STATUS:
              0    every link was checked, whatever the outcomes
              64   bad option (nothing checked)
              65   bad input line (nothing checked)
              74   standard input could not be read or standard output written

            """)

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
        let options: LinkCheckOptions
        do {
            switch try ArgumentParser(program: "digest-links", commands: []).parse(arguments, as: Self.spec) {
            case .help, .manual, .version:
                return status(ofWriting: HelpFormatter.command(Self.spec))
            case .run(let invocation, _, _):
                if invocation.has("version") { return status(ofWriting: "digest-links \(Self.version)\n") }
                options = try LinkCheckOptions(invocation)
                if invocation.has("isolated") { return await report { () async throws(LinkCheckError) in try await checkIsolated(options) } }
            }
        } catch CLIError.usage(let message, _) {
            writeError("digest-links: error: \(message)\nUsage: \(Self.spec.usage)\nSee 'digest-links --help'.\n")
            return 64
        } catch {
            writeError("digest-links: error: \(error)\n")
            return 70
        }
        return await report { () async throws(LinkCheckError) in try await check(options) }
    }

    /// Runs `work`, printing its error, if any, and returning the exit status.
    private func report(_ work: () async throws(LinkCheckError) -> Int32) async -> Int32 {
        do {
            return try await work()
        } catch {
            for message in error.messages {
                writeError("digest-links: error: \(message)\n")
            }
            return error.exitCode
        }
    }

    private func status(ofWriting text: String) -> Int32 {
        do throws(LinkCheckError) {
            try write(text)
            return 0
        } catch {
            writeError("digest-links: error: \(error.messages.joined(separator: "\n"))\n")
            return error.exitCode
        }
    }

    private func check(_ options: LinkCheckOptions) async throws(LinkCheckError) -> Int32 {
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
        let input = ProgramMessages.line(LinkQuestion(id: link.id, url: link.url)) + "\n"
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
