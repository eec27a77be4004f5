import DigestCore

enum ListCommand: Command {
    static let spec = CommandSpec(
        name: "list",
        abstract: "List the issues, newest first.",
        options: [.value("status", "STATUS", "Only issues at this stage: draft, in-review or published.",
                         choices: IssueStatus.allCases.map(\.rawValue))],
        examples: ["digest list", "digest list --status in-review --json"])

    static func run(_ invocation: Invocation, _ context: Context) throws -> CommandResult {
        let status = try invocation.issueStatus()
        let store = try context.openStore(writing: false)
        let issues = try store.issues(status: status)
        var rows = [["#", "DATE", "STATUS", "VERSION", "ITEMS", "TITLE"]]
        for (issue, count) in issues {
            let stage = issue.status.rawValue + (issue.edition.map { issue.status == .published ? " (ed. \($0))" : "" } ?? "")
            rows.append([String(issue.number), issue.date.iso, stage, String(issue.version), String(count), issue.title ?? ""])
        }
        let text = issues.isEmpty
            ? (status == nil ? "No issues yet; open one with 'digest draft --date YYYY-MM-DD'.\n" : "No \(status?.rawValue ?? "") issues.\n")
            : TextLayout.table(rows) { row, column, cell in
                row == 0 ? context.style.apply(.strong, cell) : column == 2 ? context.style.status(cell) : cell
            }
        let json = JSONValue.object([("issues", .array(issues.map { issue, count in
            .object(issue.headJSON + [("item_count", .integer(count))])
        }))])
        return .data(text, json: json)
    }
}
