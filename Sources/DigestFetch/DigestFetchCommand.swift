import CommandLineParsing
import DigestHTTP
import ProgramMessages
import Foundation

/// The `digest-fetch` program: reads pages, feeds and OPML lists for
/// digest, and prints what it found as JSON. digest runs it; it never
/// touches the database.
package struct DigestFetchCommand {
    /// What every reading takes: its limits.
    private static let limitOptions: [OptionSpec] = [
        .value("timeout", "S", "Seconds for one page or feed, redirects included (default 10)."),
        .value("max-bytes", "N", "The largest answer read, in bytes (default 5242880)."),
        .value("excerpt-max", "N", "The longest excerpt, in characters (default 2000)."),
        .flag("allow-private", "Fetch loopback, private and link-local addresses too."),
        .flag("isolated", "Read in this process: how each page and feed is read by a child of its own.", hidden: true),
    ]

    /// The commands, declared once: the parser reads them and the help shows them.
    package static let commands: [CommandSpec] = [
        CommandSpec(program: "digest-fetch", name: "page",
                    abstract: "Fetches one page and prints one JSON object: its fields and where each came from, or why not.",
                    discussion: "The object has \"fields\" (title, source, author, date, excerpt, canonical) and "
                        + "\"found_in\" (where each came from), or \"error\".",
                    arguments: [ArgumentSpec(name: "URL", help: "The page's address (http or https).")],
                    options: limitOptions),
        CommandSpec(program: "digest-fetch", name: "feeds",
                    abstract: "Pulls feeds and prints one line per feed, in input order.",
                    discussion: "Reads {\"id\": N, \"url\": \"…\", \"etag\": …, \"last_modified\": …} lines; "
                        + "each line printed has \"outcome\" (fetched, unchanged, failed), \"entries\" and \"detail\".",
                    options: limitOptions + [.value("concurrency", "N", "Feeds pulled at once, 1 to 64 (default 8).")],
                    standardInput: "FEEDS.jsonl"),
        CommandSpec(program: "digest-fetch", name: "feed", abstract: "Pulls the one feed on standard input in this process.",
                    options: limitOptions, standardInput: "FEED.jsonl", hidden: true),
        CommandSpec(program: "digest-fetch", name: "opml",
                    abstract: "Prints one {\"url\", \"name\", \"section\"} line per feed of an OPML list.",
                    standardInput: "FILE.opml"),
    ]

    package static let help = HelpFormatter.program(
        "digest-fetch COMMAND [ARGUMENTS] [OPTIONS]",
        overview: "Reads web pages and feeds for digest, and prints what they say as JSON.",
        commands: commands,
        epilogue: """
            LIMITS:
              http and https only; at most 5 redirects, each address checked again;
              gzip and deflate answers are decompressed, the limit counting what they
              inflate to; the charset comes from the header, then <meta charset>, then
              the XML declaration. Every connection is made by a proxy inside this
              program that resolves the host once and connects to the address it
              checked. Each page and each feed is read by a child process of this
              program, killed 5 s past the timeout: one answer cannot take the others'
              time or memory.

            EXIT STATUS:
              0    done (for feeds: whatever each feed's outcome)
              64   bad option
              65   bad input
              69   the page could not be fetched or read
              74   standard input could not be read

            """)

    package init() {}

    /// Runs the program and returns its exit status.
    package func run(arguments: [String]) async -> Int32 {
        let invocation: Invocation
        var limits = FetchLimits()
        let excerptLimit: Int
        do {
            switch try ArgumentParser(program: "digest-fetch", commands: Self.commands).parse(arguments) {
            case .help(let topic, _):
                write(topic.map { HelpFormatter.command($0) } ?? Self.help)
                return 0
            case .version, .manual:
                write(Self.help)
                return 0
            case .run(let parsed, _, _):
                invocation = parsed
            }
            limits.timeout = try invocation.seconds("timeout") ?? limits.timeout
            limits.maxBytes = try invocation.wholeNumber("max-bytes", in: 1...Int.max) ?? limits.maxBytes
            excerptLimit = try invocation.wholeNumber("excerpt-max", in: 1...Int.max) ?? 2000
            limits.allowPrivate = invocation.has("allow-private")
        } catch CLIError.usage(let message, let command) {
            return usageError(message, usage: command?.usage)
        } catch {
            writeError("\(error)")
            return 70
        }
        let isolated = invocation.has("isolated")
        switch invocation.spec.name {
        case "page":
            guard let address = invocation.positionals.first else {
                return usageError("'page' needs URL — the page's address.", usage: invocation.spec.usage)
            }
            if isolated {
                // Done at once: libcurl may still be busy with a body past the
                // limit, and an orderly exit would wait for it.
                _exit(await page(address, limits: limits, excerptLimit: excerptLimit))
            }
            return await isolatedPage(address, limits: limits, excerptLimit: excerptLimit)
        case "feeds":
            let concurrency: Int
            do {
                concurrency = try invocation.wholeNumber("concurrency", in: 1...64) ?? 8
            } catch CLIError.usage(let message, _) {
                return usageError(message, usage: invocation.spec.usage)
            } catch {
                return 70
            }
            return await feeds(limits: limits, excerptLimit: excerptLimit, concurrency: concurrency)
        case "feed":
            return await feed(limits: limits, excerptLimit: excerptLimit)
        default:
            return opml()
        }
    }

    /// The options a child is given to work within the same limits.
    private static func childOptions(_ limits: FetchLimits, excerptLimit: Int) -> [String] {
        var options = ["--timeout", String(limits.timeout), "--max-bytes", String(limits.maxBytes),
                       "--excerpt-max", String(excerptLimit), "--isolated"]
        if limits.allowPrivate { options.append("--allow-private") }
        return options
    }

    /// The page is read by a child process (`page --isolated`), killed past
    /// its time: the time limit then holds for reading the page too.
    private func isolatedPage(_ text: String, limits: FetchLimits, excerptLimit: Int) async -> Int32 {
        let outcome = await IsolatedChild.run(["page", text] + Self.childOptions(limits, excerptLimit: excerptLimit),
                                              input: "", seconds: limits.timeout + 5)
        switch outcome {
        case .finished(let status, let output) where !output.isEmpty:
            write(output)
            return status
        case .finished(let status, _):
            write(PageAnswer(url: text, error: "the page's reader ended with status \(status) and no result"))
            return 69
        case .timedOut:
            write(PageAnswer(url: text, error: "no complete answer within \(limits.timeout.secondsText) s"))
            return 69
        case .failed(let why):
            write(PageAnswer(url: text, error: "reading the page failed (\(why))"))
            return 69
        }
    }

    private func page(_ text: String, limits: FetchLimits, excerptLimit: Int) async -> Int32 {
        guard let address = URL(string: text), address.scheme != nil else {
            write(PageAnswer(url: text, error: "not an address that can be requested"))
            return 69
        }
        let fetcher = DocumentFetcher.make(limits: limits)
        defer { fetcher.invalidate() }
        do {
            let result = try await PageFetch(fetcher: fetcher, excerptLimit: excerptLimit).fetch(address)
            let fields = result.fields
            var values: [String: String] = [:]
            for (name, value) in [("title", fields.title), ("source", fields.source), ("author", fields.author),
                                  ("date", fields.date), ("excerpt", fields.excerpt), ("canonical", fields.canonical)] {
                if let value { values[name] = value }
            }
            write(PageAnswer(url: text, finalURL: result.document.finalURL.absoluteString, status: result.document.status,
                             fields: values, foundIn: fields.foundIn))
            return 0
        } catch {
            write(PageAnswer(url: text, status: error.status, error: error.reason))
            return 69
        }
    }

    /// Every feed is read by a child process of its own (`feed`), at most
    /// `concurrency` at once: a feed that inflates past the size limit, hangs
    /// past its time or crashes the reader fails alone.
    private func feeds(limits: FetchLimits, excerptLimit: Int, concurrency: Int) async -> Int32 {
        guard let requests = readRequests() else { return 65 }
        let childOptions = Self.childOptions(limits, excerptLimit: excerptLimit)
        // One line per feed as soon as it and those before it are done, so digest can show progress.
        await inOrderConcurrently(requests, concurrency: concurrency, work: { request in
            let outcome = await IsolatedChild.run(["feed"] + childOptions, input: request.line, seconds: limits.timeout + 5)
            switch outcome {
            case .finished(status: 0, let line) where !line.isEmpty:
                return line.hasSuffix("\n") ? String(line.dropLast()) : line
            case .finished(let status, _):
                return Self.failureLine(id: request.feed.id, detail: "the feed's reader ended with status \(status) and no result")
            case .timedOut:
                return Self.failureLine(id: request.feed.id, detail: "no complete answer within \(limits.timeout.secondsText) s")
            case .failed(let why):
                return Self.failureLine(id: request.feed.id, detail: "reading the feed failed (\(why)); the other feeds are not affected")
            }
        }, emit: { line in write(line + "\n") })
        return 0
    }

    /// One feed, in this process: the child's side of `feeds`.
    private func feed(limits: FetchLimits, excerptLimit: Int) async -> Int32 {
        guard let requests = readRequests(), let request = requests.first, requests.count == 1 else {
            writeError("'feed' reads exactly one feed")
            return 65
        }
        let fetcher = DocumentFetcher.make(limits: limits)
        defer { fetcher.invalidate() }
        let result = await FeedPull(fetcher: fetcher, excerptLimit: excerptLimit, concurrency: 1).pull(request.feed)
        write(Self.reply(to: result))
        // Done at once: libcurl may still be decompressing a body that went
        // past the limit, and an orderly exit would wait for it.
        _exit(0)
    }

    private struct Request: Sendable {
        let feed: FeedRequest
        let line: String
    }

    private func readRequests() -> [Request]? {
        guard let input = try? FileHandle.standardInput.readToEnd() ?? Data() else {
            writeError("cannot read standard input")
            return nil
        }
        var requests: [Request] = []
        for (number, line) in input.split(separator: UInt8(ascii: "\n")).enumerated() where !line.isEmpty {
            let text = String(decoding: line, as: UTF8.self)
            guard let question = ProgramMessages.read(FeedQuestion.self, from: text[...]) else {
                writeError("line \(number + 1) is not {\"id\": N, \"url\": \"…\"}")
                return nil
            }
            requests.append(Request(feed: FeedRequest(id: question.id, url: question.url, etag: question.etag,
                                                      lastModified: question.lastModified),
                                    line: text + "\n"))
        }
        return requests
    }

    private static func failureLine(id: Int, detail: String) -> String {
        ProgramMessages.line(FeedReply(id: id, outcome: FeedPullResult.Outcome.failed.rawValue, detail: detail))
    }

    private static func reply(to result: FeedPullResult) -> FeedReply {
        var reply = FeedReply(id: result.id, outcome: result.outcome.rawValue, status: result.status, etag: result.etag,
                              lastModified: result.lastModified, detail: result.detail)
        if let document = result.document {
            reply.format = document.format
            reply.title = document.title
            reply.recovered = document.recovered
            reply.entries = document.entries.map { entry in
                var values = ["key": entry.key]
                for (name, value) in [("title", entry.title), ("link", entry.link), ("author", entry.author),
                                      ("date", entry.date), ("excerpt", entry.excerpt)] {
                    if let value { values[name] = value }
                }
                return values
            }
        }
        return reply
    }

    private func opml() -> Int32 {
        guard let input = try? FileHandle.standardInput.readToEnd() ?? Data() else {
            writeError("cannot read standard input")
            return 74
        }
        do {
            for subscription in try OPMLReader.subscriptions(in: input) {
                write(Subscription(url: subscription.url, name: subscription.name, section: subscription.section))
            }
            return 0
        } catch {
            writeError(error.reason)
            return 65
        }
    }

    private func usageError(_ message: String, usage: String?) -> Int32 {
        writeError("\(message)\nUsage: \(usage ?? "digest-fetch COMMAND [ARGUMENTS] [OPTIONS]")\nSee 'digest-fetch --help'.\n")
        return 64
    }

    /// One message, one line.
    private func write<Message: Encodable>(_ message: Message) {
        write(ProgramMessages.line(message) + "\n")
    }

    /// Output that cannot be written ends the program with 74: digest then
    /// reports the failure instead of reading a result that is not there.
    private func write(_ text: String) {
        do {
            try FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
        } catch {
            writeError("cannot write to standard output: \(error)")
            exit(74)
        }
    }

    private func writeError(_ text: String) {
        let line = "digest-fetch: error: \(text)\(text.hasSuffix("\n") ? "" : "\n")"
        try? FileHandle.standardError.write(contentsOf: Data(line.utf8))
    }
}
