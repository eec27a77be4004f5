import DigestModel
import DigestRendering
import DigestWorkflow
import ProgramMessages
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
        guard let answer = ProgramMessages.read(PageAnswer.self,
                                              from: output.trimmingCharacters(in: .whitespacesAndNewlines)[...]) else {
            throw DigestError.internalError("digest-fetch (exit \(status)) printed what digest cannot read: \(output.prefix(200))")
        }
        if let reason = answer.error {
            throw DigestError.unavailable("\(url) could not be fetched: \(reason).")
        }
        return Page(values: answer.fields ?? [:], foundIn: answer.foundIn ?? [:], finalURL: answer.finalURL ?? url)
    }

    /// One answer per feed, in the feeds' order; `progress` advances as each arrives.
    func feeds(_ feeds: [Feed], progress: ProgressLine?) throws -> [FeedAnswer] {
        let input = feeds.map { feed in
            ProgramMessages.line(FeedQuestion(id: feed.id, url: feed.url, etag: feed.etag, lastModified: feed.lastModified))
        }.joined(separator: "\n") + "\n"
        let (status, output) = try run(["feeds"] + options, input: input, progress: progress)
        guard status == 0 else {
            throw DigestError.internalError("digest-fetch failed (exit \(status)) before reading the feeds.")
        }
        var answers: [FeedAnswer] = []
        for line in output.split(separator: "\n") where !line.isEmpty {
            guard let reply = ProgramMessages.read(FeedReply.self, from: line),
                  let outcome = FeedAnswer.Outcome(rawValue: reply.outcome) else {
                throw DigestError.internalError("digest-fetch printed a line digest cannot read: \(line.prefix(200))")
            }
            answers.append(FeedAnswer(feed: reply.id, outcome: outcome, status: reply.status, etag: reply.etag,
                                      lastModified: reply.lastModified, title: reply.title, detail: reply.detail,
                                      entries: reply.entries ?? [], recovered: reply.recovered))
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
            guard let subscription = ProgramMessages.read(Subscription.self, from: line) else { return nil }
            var values = ["url": subscription.url]
            values["name"] = subscription.name
            values["section"] = subscription.section
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
