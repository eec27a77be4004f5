import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow

enum RemoveItemCommand: Command {
    static let spec = CommandSpec(
        name: "remove-item",
        abstract: "Remove an item from a draft issue (it stays in the issue's history).",
        arguments: [
            ArgumentSpec(name: "ISSUE", help: "The issue number."),
            ArgumentSpec(name: "ITEM", help: "The item id."),
        ],
        examples: ["digest remove-item 3 12"],
        changesIssue: true)

    static func run(_ invocation: Invocation, _ context: Context) throws -> CommandResult {
        let number = try invocation.number(at: 0)
        let id = try invocation.number(at: 1)
        let store = try context.openStore(writing: true)
        let outcome = try store.removeItem(id, of: number, request: try context.request(invocation, store))
        let (item, version) = (outcome.value, outcome.version)
        return .confirmation("Removed item \(id) (\"\(item.fields.title)\") from issue \(number). "
            + "Issue \(number) is at version \(version).\n",
            json: .object([("issue", .object([("number", .integer(number)), ("version", .integer(version))])),
                           ("removed", item.json)]))
    }
}
