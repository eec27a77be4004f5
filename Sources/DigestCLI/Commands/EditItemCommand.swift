import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow

enum EditItemCommand: Command {
    static let spec = CommandSpec(
        name: "edit-item",
        abstract: "Change an item's fields; an approved or rejected item goes back to pending.",
        discussion: "Give only the fields to change. An empty value clears an optional field (author, section, "
            + "posted-on, link-text).",
        arguments: [
            ArgumentSpec(name: "ISSUE", help: "The issue number."),
            ArgumentSpec(name: "ITEM", help: "The item id (see 'digest show ISSUE')."),
        ],
        options: ItemFieldOptions.specs,
        examples: ["digest edit-item 3 12 --title \"Tide tables, explained again\"", "digest edit-item 3 14 --url https://harbour.example/a"],
        changesIssue: true)

    static func run(_ invocation: Invocation, _ context: Context) throws -> CommandResult {
        let number = try invocation.number(at: 0)
        let id = try invocation.number(at: 1)
        let changes = ItemFieldOptions.values(in: invocation)
        guard !changes.isEmpty else {
            throw invocation.usageError("say what to change, for example --title TEXT or --url URL.")
        }
        let store = try context.openStore(writing: true)
        let outcome = try store.editItem(id, of: number, changes: changes, request: try context.request(invocation, store))
        let (item, repeated, changed) = outcome.value
        if let repeated { context.warn(repeated.warning) }
        let version = outcome.version
        let text = changed.isEmpty
            ? "Item \(id) already has these values; nothing changed.\n"
            : "Edited item \(id) of issue \(number) (\(changed.joined(separator: ", "))); it is \(item.status.rawValue). "
                + "Issue \(number) is at version \(version).\n"
        return .confirmation(text, json: .object([
            ("issue", .object([("number", .integer(number)), ("version", .integer(version))])),
            ("item", item.json),
            ("changed", .array(changed.map(JSONValue.string))),
        ]))
    }
}
