import DigestLinkCheck
import FetchMessages
import Foundation

/// The `digest-fetch` program: reads pages, feeds and OPML lists for
/// digest, and prints what it found as JSON. digest runs it; it never
/// touches the database.
package struct DigestFetchCommand {
    package static let usage = """
        digest-fetch page URL [OPTIONS]
               digest-fetch feeds [OPTIONS] < FEEDS.jsonl
               digest-fetch opml < FILE.opml
        """

    package static let help = """
        OVERVIEW: Reads web pages and feeds for digest, and prints what they say as JSON.

        USAGE: \(usage)

        page URL     Fetches one page and prints one JSON object: "fields" (title,
                     source, author, date, excerpt, canonical) and "found_in" (where
                     each came from), or "error".
        feeds        Reads {"id": N, "url": "…", "etag": …, "last_modified": …} lines
                     and prints one line per feed, in input order: "outcome"
                     (fetched, unchanged, failed), "entries", "detail".
        opml         Prints one {"url", "name", "section"} line per feed of the list.

        OPTIONS:
          --timeout S          Seconds for one page or feed, redirects included (default 10).
          --max-bytes N        The largest answer read, in bytes (default 5242880).
          --excerpt-max N      The longest excerpt, in characters (default 2000).
          --concurrency N      Feeds pulled at once (default 8).
          --allow-private      Fetch loopback, private and link-local addresses too.
          -h, --help           Show help information.

        Limits: http and https only; at most 5 redirects, each address checked again;
        gzip and deflate answers are decompressed, the limit counting what they
        inflate to; the charset comes from the header, then <meta charset>, then the
        XML declaration. Every connection is made by a proxy inside this program that
        resolves the host once and connects to the address it checked. Each page and
        each feed is read by a child process of this program (the same mode with
        --isolated, one page or one feed from standard input), killed 5 s past the
        timeout: one answer cannot take the others' time or memory.

        EXIT STATUS:
          0    done (for feeds: whatever each feed's outcome)
          64   bad option
          65   bad input
          69   the page could not be fetched or read
          74   standard input could not be read

        """

    package init() {}

    /// Runs the program and returns its exit status.
    package func run(arguments: [String]) async -> Int32 {
        var arguments = arguments
        guard let mode = arguments.first else { return usageError("say what to read: page URL, feeds or opml") }
        arguments.removeFirst()
        if mode == "-h" || mode == "--help" {
            write(Self.help)
            return 0
        }
        var limits = FetchLimits()
        var excerptLimit = 2000
        var concurrency = 8
        var isolated = false
        var positionals: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            func value() -> String? {
                guard index < arguments.count else { return nil }
                index += 1
                return arguments[index - 1]
            }
            switch argument {
            case "--allow-private": limits.allowPrivate = true
            case "--isolated": isolated = true
            case "--timeout":
                guard let text = value(), let seconds = Double(text), seconds > 0, seconds.isFinite else {
                    return usageError("--timeout needs a positive number of seconds")
                }
                limits.timeout = seconds
            case "--max-bytes":
                guard let text = value(), let bytes = Int(text), bytes > 0 else { return usageError("--max-bytes needs a positive whole number") }
                limits.maxBytes = bytes
            case "--excerpt-max":
                guard let text = value(), let count = Int(text), count > 0 else { return usageError("--excerpt-max needs a positive whole number") }
                excerptLimit = count
            case "--concurrency":
                guard let text = value(), let count = Int(text), (1...64).contains(count) else {
                    return usageError("--concurrency needs a whole number from 1 to 64")
                }
                concurrency = count
            case "-h", "--help":
                write(Self.help)
                return 0
            default:
                if argument.hasPrefix("-") { return usageError("unknown option '\(argument)'") }
                positionals.append(argument)
            }
        }
        switch mode {
        case "page":
            guard positionals.count == 1 else { return usageError("'page' takes one URL") }
            if isolated {
                // Done at once: libcurl may still be busy with a body past the
                // limit, and an orderly exit would wait for it.
                _exit(await page(positionals[0], limits: limits, excerptLimit: excerptLimit))
            }
            return await isolatedPage(positionals[0], limits: limits, excerptLimit: excerptLimit)
        case "feeds":
            guard positionals.isEmpty else { return usageError("'feeds' reads its feeds from standard input") }
            return await feeds(limits: limits, excerptLimit: excerptLimit, concurrency: concurrency)
        case "feed" where isolated:
            guard positionals.isEmpty else { return usageError("'feed' reads its feed from standard input") }
            return await feed(limits: limits, excerptLimit: excerptLimit)
        case "opml":
            guard positionals.isEmpty else { return usageError("'opml' reads the list from standard input") }
            return opml()
        default:
            return usageError("unknown mode '\(mode)'; the modes are page, feeds and opml")
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
            guard let question = FetchMessages.read(FeedQuestion.self, from: text[...]) else {
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
        FetchMessages.line(FeedReply(id: id, outcome: FeedPullResult.Outcome.failed.rawValue, detail: detail))
    }

    private static func reply(to result: FeedPullResult) -> FeedReply {
        var reply = FeedReply(id: result.id, outcome: result.outcome.rawValue, status: result.status, etag: result.etag,
                              lastModified: result.lastModified, detail: result.detail)
        if let document = result.document {
            reply.format = document.format
            reply.title = document.title
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

    private func usageError(_ message: String) -> Int32 {
        writeError("\(message)\nUsage: \(Self.usage)\nSee 'digest-fetch --help'.\n")
        return 64
    }

    /// One message, one line.
    private func write<Message: Encodable>(_ message: Message) {
        write(FetchMessages.line(message) + "\n")
    }

    private func write(_ text: String) {
        try? FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
    }

    private func writeError(_ text: String) {
        let line = "digest-fetch: error: \(text)\(text.hasSuffix("\n") ? "" : "\n")"
        try? FileHandle.standardError.write(contentsOf: Data(line.utf8))
    }
}
