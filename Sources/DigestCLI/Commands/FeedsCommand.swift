import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow
import Foundation

enum FeedsCommand: Command {
    static let spec = CommandSpec(
        name: "feeds",
        abstract: "Follow feeds and pull their new entries into the backlog as candidates.",
        discussion: "'feeds add URL [--name NAME] [--section SECTION]' follows a feed (RSS 2.0, RSS 1.0/RDF, Atom 1.0 "
            + "or JSON Feed); 'feeds list' shows them; 'feeds remove FEED' stops following one (its candidates stay); "
            + "'feeds import FILE.opml' follows every feed of an OPML list; 'feeds pull [FEED…]' fetches every feed "
            + "(or the ones named) once, with a conditional GET, and turns entries new since the last pull into "
            + "candidates (source: the feed's name). A link already in the backlog, an issue or a published issue "
            + "is counted, not added. One line per feed: new, unchanged or failed with the reason. Exit 0 when "
            + "every feed was read, 69 when any failed (the others are stored all the same).",
        arguments: [
            ArgumentSpec(name: "ACTION", help: "add, list, remove, import or pull."),
            ArgumentSpec(name: "ARGUMENT", help: "The feed's URL (add), FEED (remove), FILE.opml (import), or FEEDs (pull).",
                         optional: true, file: .input, fileOnlyAfter: "import"),
        ],
        options: [
            .value("name", "NAME", "add: what to call the feed (default: its title once pulled)."),
            .value("section", "SECTION", "add: the section its candidates go under."),
            .value("timeout", "S", "pull: seconds allowed for each feed (default 10)."),
        ],
        examples: [
            "digest feeds add https://coastal-review.example/feed.xml --name \"Coastal Review\"",
            "digest feeds import subscriptions.opml",
            "digest feeds pull",
            "digest feeds pull \"Coastal Review\"",
        ],
        variadic: true)

    static func run(_ invocation: Invocation, _ context: Context) throws -> CommandResult {
        guard let action = invocation.positionals.first else {
            throw invocation.usageError("'feeds' needs ACTION: add, list, remove, import or pull.")
        }
        let arguments = Array(invocation.positionals.dropFirst())
        func one(_ what: String) throws -> String {
            guard arguments.count == 1 else {
                throw invocation.usageError("'feeds \(action)' takes one \(what)\(arguments.isEmpty ? "" : ", not \(arguments.count)").")
            }
            return arguments[0]
        }
        for option in ["name", "section"] where invocation.has(option) && action != "add" {
            throw invocation.usageError("--\(option) goes with 'feeds add'.")
        }
        if invocation.has("timeout"), action != "pull" { throw invocation.usageError("--timeout goes with 'feeds pull'.") }
        switch action {
        case "add":
            let store = try context.openStore(writing: true)
            let feed = try store.addFeed(url: try one("URL"), name: invocation.value("name"),
                                         section: invocation.value("section"), request: try context.request(store))
            return .confirmation("Following feed \(feed.id) '\(feed.name)' (\(feed.url)). "
                + "Pull it with 'digest feeds pull'.\n", json: .object([("feed", feed.json(waiting: 0))]))
        case "list":
            guard arguments.isEmpty else { throw invocation.usageError("'feeds list' takes no argument.") }
            return try list(context)
        case "remove":
            let store = try context.openStore(writing: true)
            let (feed, waiting) = try store.removeFeed(try one("FEED"), request: try context.request(store))
            let kept = waiting == 0 ? "" : " Its \(TextLayout.plural(waiting, "candidate")) stay in the backlog."
            return .confirmation("Stopped following feed '\(feed.name)'.\(kept)\n",
                                 json: .object([("removed", feed.json(waiting: waiting))]))
        case "import":
            return try importList(try one("FILE.opml"), context: context)
        case "pull":
            return try pull(arguments, invocation: invocation, context: context)
        default:
            throw invocation.usageError("unknown action '\(action)'; the actions are add, list, remove, import and pull.")
        }
    }

    private static func list(_ context: Context) throws -> CommandResult {
        let store = try context.openStore(writing: false)
        let feeds = try store.feeds()
        let waiting = try store.waitingCandidatesByFeed()
        guard !feeds.isEmpty else {
            return .data("No feeds are followed; add one with 'digest feeds add URL'.\n", json: .object([("feeds", .array([]))]))
        }
        var rows = [["#", "NAME", "LAST PULL", "OUTCOME", "WAITING", "URL"]]
        for feed in feeds {
            rows.append([String(feed.id), feed.name, feed.pulledAt ?? "never", feed.lastOutcome ?? "-",
                         String(waiting[feed.id] ?? 0), feed.url])
        }
        return .data(TextLayout.table(rows), json: .object([("feeds", .array(feeds.map { $0.json(waiting: waiting[$0.id] ?? 0) }))]))
    }

    private static func importList(_ path: String, context: Context) throws -> CommandResult {
        let bytes = try context.readInput(path)
        let store = try context.openStore(writing: true)
        let request = try context.request(store)
        try store.authorize(request, to: .feeds)
        let program = try FetchProgram(settings: try store.settings, timeout: nil, environment: context.environment)
        let subscriptions = try program.opml(bytes)
        guard !subscriptions.isEmpty else {
            throw DigestError.malformed("\(path) names no feeds (no <outline> with an xmlUrl).")
        }
        var added: [Feed] = []
        var text = ""
        for subscription in subscriptions {
            let url = subscription["url"] ?? ""
            do {
                var feed: Feed
                do {
                    feed = try store.addFeed(url: url, name: subscription["name"], section: subscription["section"], request: request)
                } catch DigestError.refused(let message) where message.hasPrefix("a feed is already called") {
                    // Two lists may name different feeds alike: the second keeps its host as its name.
                    feed = try store.addFeed(url: url, name: nil, section: subscription["section"], request: request)
                }
                added.append(feed)
                text += "following '\(feed.name)' (\(feed.url))\n"
            } catch let error as DigestError {
                context.warn("\(url): \(error.description)")
            }
        }
        text += "Imported \(TextLayout.plural(added.count, "feed")) of \(subscriptions.count) from \(path).\n"
        return .confirmation(text, json: .object([("feeds", .array(added.map { $0.json(waiting: 0) }))]))
    }

    private static func pull(_ names: [String], invocation: Invocation, context: Context) throws -> CommandResult {
        let timeout = try IntakeOptions.timeout(invocation)
        let store = try context.openStore(writing: true)
        let request = try context.request(store)
        try store.authorize(request, to: .feeds)
        var feeds = try store.feeds()
        if !names.isEmpty { feeds = try names.map { try store.feed(named: $0) } }
        guard !feeds.isEmpty else {
            return .data("No feeds are followed; add one with 'digest feeds add URL'.\n",
                         json: .object([("feeds", .array([])), ("summary", .string("0 new"))]))
        }
        let program = try FetchProgram(settings: try store.settings, timeout: timeout, environment: context.environment)
        let answers = try program.feeds(feeds, progress: context.progress("Pulling feeds", unit: "feeds", total: feeds.count))
        let reports = try store.recordPull(answers, request: request)
        var text = ""
        var total = IntakeTally()
        var failed: [String] = []
        for report in reports {
            total.add(report.tally)
            switch report.outcome {
            case .fetched:
                text += "\(report.feed.name): \(report.tally.summary)\n"
                if let recovered = report.recovered {
                    text += "  recovered from XML that is not well-formed \(recovered); each entry is marked in the backlog\n"
                }
                for refused in report.tally.refused {
                    for problem in refused.problems {
                        text += "  refused \"\(refused.title)\": \(problem.description)\n"
                    }
                }
            case .unchanged:
                text += "\(report.feed.name): unchanged (\(report.detail ?? "not modified"))\n"
            case .failed:
                failed.append(report.feed.name)
                text += "\(report.feed.name): failed — \(report.detail ?? "no answer")\n"
            }
        }
        text += "\(TextLayout.plural(reports.count, "feed")) pulled: \(total.summary)"
            + (failed.isEmpty ? ".\n" : "; \(failed.count) failed.\n")
        if !total.added.isEmpty { text += "See them with 'digest backlog --origin feed'.\n" }
        let json = JSONValue.object([
            ("feeds", .array(reports.map { report in
                .object([("feed", report.feed.json(waiting: 0)), ("outcome", .string(report.outcome == .fetched ? "new" : report.outcome.rawValue)),
                         ("detail", .optional(report.detail)), ("recovered", .optional(report.recovered)),
                         ("intake", IntakeReport.json(report.tally))])
            })),
            ("summary", .string(total.summary)), ("failed", .array(failed.map(JSONValue.string))),
        ])
        var result = CommandResult.data(text, json: json)
        if !failed.isEmpty {
            result.exitCode = DigestError.unavailable("").exitCode
            result.error = "\(TextLayout.plural(failed.count, "feed")) could not be read (\(failed.joined(separator: ", "))); "
                + "the others were stored."
        }
        return result
    }
}

extension Feed {
    func json(waiting: Int) -> JSONValue {
        .object([
            ("id", .integer(id)), ("name", .string(name)), ("url", .string(url)), ("section", .optional(section)),
            ("title", .optional(title)), ("added_at", .string(addedAt)), ("added_by", .string(addedBy)),
            ("pulled_at", .optional(pulledAt)), ("last_outcome", .optional(lastOutcome)),
            ("last_detail", .optional(lastDetail)), ("waiting", .integer(waiting)),
        ])
    }
}
