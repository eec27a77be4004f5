import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow

enum MoveItemCommand: Command {
    static let spec = CommandSpec(
        name: "move-item",
        abstract: "Move an item to another position (1 is the first).",
        arguments: [
            ArgumentSpec(name: "ISSUE", help: "The issue number."),
            ArgumentSpec(name: "ITEM", help: "The item id."),
        ],
        options: [.value("to", "POSITION", "The new position, 1-based.", required: true)],
        examples: ["digest move-item 3 12 --to 1"],
        changesIssue: true)

    static func run(_ invocation: Invocation, _ context: Context) throws -> CommandResult {
        let number = try invocation.number(at: 0)
        let id = try invocation.number(at: 1)
        guard let target = try invocation.number(option: "to") else {
            throw invocation.usageError("say where to with --to POSITION (1 is the first).")
        }
        let store = try context.openStore(writing: true)
        let outcome = try store.moveItem(id, of: number, to: target, request: try context.request(invocation, store))
        let (item, version) = (outcome.value, outcome.version)
        return .confirmation("Item \(id) is at position \(item.position) of issue \(number). "
            + "Issue \(number) is at version \(version).\n",
            json: .object([("issue", .object([("number", .integer(number)), ("version", .integer(version))])),
                           ("item", item.json)]))
    }
}
