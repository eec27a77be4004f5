import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow

enum SubmitCommand: Command {
    static let spec = CommandSpec(
        name: "submit",
        abstract: "Hand a draft over for review; its set of items is then closed.",
        discussion: "After submitting, items can still be edited, moved and deferred, but not added or removed "
            + "(reopen the issue for that).",
        arguments: [ArgumentSpec(name: "ISSUE", help: "The issue number.")],
        examples: ["digest submit 3"],
        changesIssue: true)

    static func run(_ invocation: Invocation, _ context: Context) throws -> CommandResult {
        let number = try invocation.number(at: 0)
        let store = try context.openStore(writing: true)
        let issue = try store.submit(number, request: try context.request(invocation, store))
        for item in issue.items where item.fields.isIncomplete {
            context.warn("item \(item.id) is incomplete (no link); it cannot be approved until "
                + "'digest edit-item \(number) \(item.id) --url URL'.")
        }
        let pending = issue.items.filter { $0.status == .pending }.count
        return .confirmation("Issue \(number) is in review (version \(issue.version)); \(TextLayout.plural(pending, "item")) "
            + "to review: digest review \(number)\n", json: .object([("issue", .object(issue.headJSON))]))
    }
}
