import DigestCore
import Foundation

/// Runs the companion program `digest-fetch`, which does all of digest's
/// page and feed fetching, so that `digest` itself never loads the
/// networking stack. Its standard error is digest's own (it writes there
/// only when it cannot run at all).
struct FetchProgram {
    let path: String
    /// `--allow-private`, `--excerpt-max N`, `--timeout S`: the same for every mode.
    let options: [String]

    init(settings: Settings, timeout: String?, environment: [String: String]) throws {
        self.path = try Companion.require("digest-fetch", for: "Fetching pages and feeds", environment: environment)
        var options = ["--excerpt-max", String(settings.excerptLimit)]
        if settings.fetchAllowsPrivate { options.append("--allow-private") }
        if let timeout { options += ["--timeout", timeout] }
        self.options = options
    }

    /// The fields a page gives: what `digest-fetch page` printed.
    struct Page {
        var values: [String: String]
        var foundIn: [String: String]
        var finalURL: String
    }

    func page(_ url: String) throws -> Page {
        let (status, output) = try run(["page", url] + options, input: nil)
        guard let document = try? JSONParser.parse(output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw DigestError.internalError("digest-fetch (exit \(status)) printed what digest cannot read: \(output.prefix(200))")
        }
        if let reason = document["error"]?.stringValue {
            throw DigestError.unavailable("\(url) could not be fetched: \(reason).")
        }
        var values: [String: String] = [:]
        if case .object(let members)? = document["fields"] {
            for (name, value) in members { values[name] = value.stringValue }
        }
        var foundIn: [String: String] = [:]
        if case .object(let members)? = document["found_in"] {
            for (name, value) in members { foundIn[name] = value.stringValue }
        }
        return Page(values: values, foundIn: foundIn, finalURL: document["final_url"]?.stringValue ?? url)
    }

    /// One answer per feed, in the feeds' order; `progress` advances as each arrives.
    func feeds(_ feeds: [Feed], progress: ProgressLine?) throws -> [FeedAnswer] {
        let writer = JSONWriter(pretty: false)
        let input = feeds.map { feed in
            writer.string(.object([("id", .integer(feed.id)), ("url", .string(feed.url)),
                                   ("etag", .optional(feed.etag)), ("last_modified", .optional(feed.lastModified))]))
        }.joined(separator: "\n") + "\n"
        let (status, output) = try run(["feeds"] + options, input: input, progress: progress)
        guard status == 0 else {
            throw DigestError.internalError("digest-fetch failed (exit \(status)) before reading the feeds.")
        }
        var answers: [FeedAnswer] = []
        for line in output.split(separator: "\n") where !line.isEmpty {
            guard let value = try? JSONParser.parse(String(line)), let id = value["id"]?.intValue,
                  let outcome = value["outcome"]?.stringValue.flatMap(FeedAnswer.Outcome.init) else {
                throw DigestError.internalError("digest-fetch printed a line digest cannot read: \(line.prefix(200))")
            }
            var entries: [[String: String]] = []
            if case .array(let list)? = value["entries"] {
                for entry in list {
                    guard case .object(let members) = entry else { continue }
                    var values: [String: String] = [:]
                    for (name, field) in members { values[name] = field.stringValue }
                    entries.append(values)
                }
            }
            answers.append(FeedAnswer(feed: id, outcome: outcome, status: value["status"]?.intValue,
                                      etag: value["etag"]?.stringValue, lastModified: value["last_modified"]?.stringValue,
                                      title: value["title"]?.stringValue, detail: value["detail"]?.stringValue,
                                      entries: entries))
        }
        return answers
    }

    /// The subscriptions of an OPML list: url, name, section.
    func opml(_ bytes: [UInt8]) throws -> [[String: String]] {
        let (status, output) = try run(["opml"], input: String(decoding: bytes, as: UTF8.self), errorsToOutput: true)
        guard status == 0 else {
            let reason = output.split(separator: "\n").first.map { String($0) } ?? "unreadable"
            throw DigestError.malformed(reason.replacingOccurrences(of: "digest-fetch: error: ", with: "") + ".")
        }
        return output.split(separator: "\n").compactMap { line in
            guard case .object(let members)? = try? JSONParser.parse(String(line)) else { return nil }
            var values: [String: String] = [:]
            for (name, value) in members { values[name] = value.stringValue }
            return values
        }
    }

    private func run(_ arguments: [String], input: String?, errorsToOutput: Bool = false,
                     progress: ProgressLine? = nil) throws -> (Int32, String) {
        let run = try Companion.run(path, arguments, input: input, errors: errorsToOutput ? .intoOutput : .inherit,
                                    progress: progress)
        return (run.status, run.output)
    }
}
