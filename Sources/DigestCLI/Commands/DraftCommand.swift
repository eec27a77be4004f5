import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow

enum DraftCommand: Command {
    static let spec = CommandSpec(
        name: "draft",
        abstract: "Open a new issue as a draft (number: the highest so far + 1).",
        options: [
            .value("date", "DATE", "The issue's date: YYYY-MM-DD (also YYYY/MM/DD, September 28 2020, …).", required: true),
            .value("title", "TEXT", "The issue's title (default: the publication's name and the issue number)."),
            .value("intro", "TEXT", "A paragraph opening the issue."),
            .value("preheader", "TEXT", "The inbox preview text (default: from the intro or the first items)."),
        ],
        examples: ["digest draft --date 2026-11-23 --title \"Harbour notes, week 47\""],
        changesIssue: false)

    static func run(_ invocation: Invocation, _ context: Context) throws -> CommandResult {
        let fields = try IssueFieldsInput.read(invocation)
        let store = try context.openStore(writing: true)
        let request = try context.request(invocation, store)
        guard let date = fields.date else { throw DigestError.internalError("draft without a date.") }
        let issue = try store.draft(date: date, title: fields.title ?? nil, intro: fields.intro ?? nil,
                                    preheader: fields.preheader ?? nil, request: request)
        return .confirmation("Opened issue \(issue.number) for \(issue.date.iso) (draft, version 1).\n",
                             json: .object([("issue", .object(issue.headJSON))]))
    }
}
