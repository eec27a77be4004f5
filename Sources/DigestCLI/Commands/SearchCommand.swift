import CommandLineParsing
import Foundation
import DigestModel
import DigestRendering
import DigestWorkflow

enum SearchCommand: Command {
    static let spec = CommandSpec(
        name: "search",
        abstract: "Search every item of every issue, best matches first.",
        discussion: "Words are all required, in any order; \"two words\" is a phrase; a trailing * matches by prefix "
            + "(tide*). Accents do not matter. Titles weigh most, then sources and authors, then excerpts. Matched "
            + "words are shown between [ and ].",
        arguments: [ArgumentSpec(name: "QUERY", help: "What to look for.")],
        options: [
            .value("limit", "N", "At most N results (default 20)."),
            .value("issue", "N", "Only in issue N."),
            .value("status", "STATUS", "Only in issues at this stage: draft, in-review or published.",
                   choices: IssueStatus.allCases.map(\.rawValue)),
            .value("item-status", "STATUS", "Only items in this state: pending, approved or rejected.",
                   choices: ItemStatus.allCases.map(\.rawValue)),
            .flag("backlog", "Search the backlog instead: deferred items and candidates waiting for an issue."),
        ],
        examples: ["digest search lighthouse", "digest search \"tide tables\" --limit 5 --json"],
        pages: true)

    static func run(_ invocation: Invocation, _ context: Context) throws -> CommandResult {
        guard let query = invocation.positionals.first else {
            throw invocation.usageError("'search' needs QUERY (what to look for).")
        }
        let limit = try invocation.number(option: "limit") ?? 20
        if invocation.has("backlog") { return try searchBacklog(query, limit: limit, invocation, context) }
        let issue = try invocation.number(option: "issue")
        let status = try invocation.issueStatus()
        var itemStatus: ItemStatus?
        if let raw = invocation.value("item-status") {
            guard let parsed = ItemStatus(rawValue: raw) else {
                throw invocation.usageError("--item-status must be pending, approved or rejected, not '\(raw)'.")
            }
            itemStatus = parsed
        }
        let store = try context.openStore(writing: false)
        let hits = try store.search(query, issue: issue, status: status, itemStatus: itemStatus, limit: limit)
        var text = hits.isEmpty ? "Nothing matches \(query).\n" : ""
        for hit in hits {
            text += "issue \(hit.issue) (\(hit.issueDate.iso), \(context.style.status(hit.issueStatus.rawValue))) · item \(hit.item) "
                + "(\(context.style.status(hit.itemStatus.rawValue))) · \(hit.title)\n"
            text += "     " + (hit.url ?? "(no link yet)") + "\n"
            text += TextLayout.wrap(hit.snippet.split(whereSeparator: \.isNewline).joined(separator: " "), indent: "     ") + "\n"
        }
        return .data(text, json: .object([("results", .array(hits.map { hit in
            .object([("issue", .integer(hit.issue)), ("item", .integer(hit.item)), ("title", .string(hit.title)),
                     ("url", .optional(hit.url)), ("snippet", .string(hit.snippet)),
                     ("issue_date", .string(hit.issueDate.iso)), ("issue_status", .string(hit.issueStatus.rawValue)),
                     ("item_status", .string(hit.itemStatus.rawValue))])
        }))]))
    }

    /// The backlog's entries holding every word of the query (a phrase in
    /// quotes as one, a trailing * as a prefix) in their title, excerpt,
    /// source, author or note, accents and case aside; oldest first, as
    /// `backlog` lists them. The backlog is small and not in the index.
    private static func searchBacklog(_ query: String, limit: Int, _ invocation: Invocation,
                                      _ context: Context) throws -> CommandResult {
        for option in ["issue", "status", "item-status"] where invocation.has(option) {
            throw invocation.usageError("--\(option) is about issues; it does not go with --backlog.")
        }
        let words = backlogWords(in: query)
        guard !words.isEmpty else {
            throw DigestError.invalid([ValidationProblem(field: "QUERY", value: query, reason: "it has no words to search for",
                                                         fix: "search for words or numbers, for example: digest search tides")])
        }
        let store = try context.openStore(writing: false)
        let found = try store.inbox().filter { entry in
            let texts = [entry.fields.title, entry.fields.excerpt, entry.fields.source, entry.fields.author, entry.note]
                .compactMap { $0 }
            return words.allSatisfy { word in
                texts.contains { $0.range(of: word, options: [.caseInsensitive, .diacriticInsensitive]) != nil }
            }
        }.prefix(limit)
        var text = found.isEmpty ? "Nothing in the backlog matches \(query).\n" : ""
        for entry in found {
            text += "backlog #\(entry.id) (\(entry.originText)) · \(entry.fields.title)\n"
            text += "     " + (entry.fields.url.isEmpty ? "(no link yet)" : entry.fields.url) + "\n"
            if let excerpt = entry.fields.excerpt { text += TextLayout.wrap(excerpt, indent: "     ") + "\n" }
        }
        if !found.isEmpty {
            text += "Bring one into a draft with: digest add-item ISSUE --from-backlog ID\n"
        }
        return .data(text, json: .object([("results", .array(found.map { entry in
            .object([("backlog", .integer(entry.id)), ("title", .string(entry.fields.title)), ("url", .string(entry.fields.url)),
                     ("origin", .string(entry.origin.rawValue)), ("origin_text", .string(entry.originText))])
        }))]))
    }

    /// The words of a query: a quoted phrase stays whole, a trailing * is dropped (substrings match anyway).
    private static func backlogWords(in query: String) -> [String] {
        var words: [String] = []
        for (index, part) in query.split(separator: "\"", omittingEmptySubsequences: false).enumerated() {
            if index % 2 == 1 {
                let phrase = part.trimmingCharacters(in: .whitespaces)
                if !phrase.isEmpty { words.append(phrase) }
            } else {
                words += part.split(whereSeparator: \.isWhitespace).map { String($0.hasSuffix("*") ? $0.dropLast() : $0) }
                    .filter { !$0.isEmpty }
            }
        }
        return words
    }
}
