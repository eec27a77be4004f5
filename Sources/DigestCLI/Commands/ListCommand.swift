import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow

enum ListCommand: Command {
    static let spec = CommandSpec(
        name: "list",
        abstract: "List the issues, newest first.",
        discussion: "Without --limit or --all, the newest \(screenful) issues, and a line saying how many more there are.",
        options: [
            .value("status", "STATUS", "Only issues at this stage: draft, in-review or published.",
                   choices: IssueStatus.allCases.map(\.rawValue)),
            .value("limit", "N", "The newest N issues."),
            .flag("all", "Every issue."),
        ],
        examples: ["digest list", "digest list --status in-review --json", "digest list --all"])

    /// What fits a terminal with the header and the line about the rest.
    static let screenful = 20

    static func run(_ invocation: Invocation, _ context: Context) throws -> CommandResult {
        let status = try invocation.issueStatus()
        if invocation.has("all") && invocation.has("limit") {
            throw invocation.usageError("--all and --limit N contradict each other; give one of them.")
        }
        let limit = invocation.has("all") ? nil : try invocation.number(option: "limit") ?? screenful
        let store = try context.openStore(writing: false)
        let (issues, total, publication) = try store.read {
            let issues = try store.issues(status: status, limit: limit)
            let publication = try store.settings.publication
            // A short page is the whole list; only a full one needs counting.
            guard let limit, issues.count == limit else { return (issues, issues.count, publication) }
            return (issues, try store.issueCount(status: status), publication)
        }
        var rows = [["#", "DATE", "STATUS", "VERSION", "ITEMS", "TITLE"]]
        for (issue, count) in issues {
            let stage = issue.status.rawValue + (issue.edition.map { issue.status == .published ? " (ed. \($0))" : "" } ?? "")
            rows.append([String(issue.number), issue.date.iso, stage, String(issue.version), String(count),
                         issue.displayTitle(publication: publication)])
        }
        var text = issues.isEmpty
            ? (status == nil ? "No issues yet; open one with 'digest draft --date YYYY-MM-DD'.\n" : "No \(status?.rawValue ?? "") issues.\n")
            : TextLayout.table(rows) { row, column, cell in
                row == 0 ? context.style.apply(.strong, cell) : column == 2 ? context.style.status(cell) : cell
            }
        let more = total - issues.count
        if more > 0 {
            text += "… and \(TextLayout.plural(more, "more issue")) (--all lists every one, --limit N the newest N).\n"
        }
        return .data(text, json: .object([
            ("issues", .array(issues.map { issue, count in .object(issue.headJSON + [("item_count", .integer(count))]) })),
            ("more", .integer(more)),
        ]))
    }
}
