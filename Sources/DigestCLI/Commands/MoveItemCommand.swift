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
        var text = "Item \(id) is at position \(item.position) of issue \(number). Issue \(number) is at version \(version).\n"
        if let section = item.fields.section {
            // Renders group items by section, so the position alone does not say where the item shows.
            let inSection = try store.items(of: number).filter { $0.fields.section == section }
            let place = (inSection.firstIndex { $0.id == id } ?? 0) + 1
            text += "It is in the section '\(section)': renders show it as item \(place) of \(inSection.count) there, "
                + "with the sections in the order of sections.order (then as they first appear). To move it to "
                + "another section: digest edit-item \(number) \(id) --section NAME.\n"
        }
        return .confirmation(text,
            json: .object([("issue", .object([("number", .integer(number)), ("version", .integer(version))])),
                           ("item", item.json)]))
    }
}
