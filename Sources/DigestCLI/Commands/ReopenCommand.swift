import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow

enum ReopenCommand: Command {
    static let spec = CommandSpec(
        name: "reopen",
        abstract: "Send an issue in review or published back to draft, for corrections.",
        discussion: "Review decisions are kept; an item edited afterwards goes back to pending. Publishing again "
            + "makes the next edition; earlier editions stay stored as they went out.",
        arguments: [ArgumentSpec(name: "ISSUE", help: "The issue number.")],
        options: [.value("reason", "TEXT", "Why it is reopened (kept in the history).", required: true)],
        examples: ["digest reopen 3 --reason \"Wrong link in item 12\""],
        changesIssue: true)

    static func run(_ invocation: Invocation, _ context: Context) throws -> CommandResult {
        let number = try invocation.number(at: 0)
        let raw = invocation.value("reason") ?? ""
        let reason = TextRules.note.normalise(raw)
        guard !reason.isEmpty else {
            throw DigestError.invalid([ValidationProblem(field: "--reason", value: invocation.value("reason"),
                                                         reason: "it is empty",
                                                         fix: "say why the issue is reopened, for example --reason \"Wrong link in item 12\"")])
        }
        if let problem = TextRules.note.problem(with: reason) {
            throw DigestError.invalid([ValidationProblem(field: "--reason", value: raw, reason: problem.reason, fix: problem.fix)])
        }
        let store = try context.openStore(writing: true)
        let issue = try store.reopen(number, reason: reason, request: try context.request(invocation, store))
        return .confirmation("Issue \(number) is a draft again (version \(issue.version)).\n",
                             json: .object([("issue", .object(issue.headJSON))]))
    }
}
