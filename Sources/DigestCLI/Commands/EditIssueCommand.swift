import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow

enum EditIssueCommand: Command {
    static let spec = CommandSpec(
        name: "edit-issue",
        abstract: "Change an issue's date, title, intro or preheader (before it is published).",
        arguments: [ArgumentSpec(name: "ISSUE", help: "The issue number.")],
        options: [
            .value("date", "DATE", "The new date."),
            .value("title", "TEXT", "The new title (empty: back to the default)."),
            .value("intro", "TEXT", "The new intro (empty: none)."),
            .value("preheader", "TEXT", "The inbox preview text (empty: derived from the intro or the first items)."),
        ],
        examples: ["digest edit-issue 3 --title \"Harbour notes, week 47\""],
        changesIssue: true)

    static func run(_ invocation: Invocation, _ context: Context) throws -> CommandResult {
        let number = try invocation.number(at: 0)
        guard ["date", "title", "intro", "preheader"].contains(where: invocation.has) else {
            throw invocation.usageError("say what to change: --date, --title, --intro or --preheader.")
        }
        let fields = try IssueFieldsInput.read(invocation)
        let store = try context.openStore(writing: true)
        let outcome = try store.editIssue(number, date: fields.date, title: fields.title.map { $0 ?? "" },
                                          intro: fields.intro.map { $0 ?? "" }, preheader: fields.preheader.map { $0 ?? "" },
                                          request: try context.request(invocation, store))
        let issue = outcome.value
        let text = !outcome.changed
            ? "Issue \(number) already has these values; nothing changed (version \(issue.version)).\n"
            : "Updated issue \(number) (version \(issue.version)).\n"
        return .confirmation(text, json: .object([("issue", .object(issue.headJSON))]))
    }
}
