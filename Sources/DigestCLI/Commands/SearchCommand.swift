import CommandLineParsing
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
        ],
        examples: ["digest search lighthouse", "digest search \"tide tables\" --limit 5 --json"],
        pages: true)

    static func run(_ invocation: Invocation, _ context: Context) throws -> CommandResult {
        guard let query = invocation.positionals.first else {
            throw invocation.usageError("'search' needs QUERY (what to look for).")
        }
        let limit = try invocation.number(option: "limit") ?? 20
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
}
