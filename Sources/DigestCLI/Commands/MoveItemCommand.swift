import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow

enum MoveItemCommand: Command {
    static let spec = CommandSpec(
        name: "move-item",
        abstract: "Move an item to another position (1 is the first), or into another section.",
        discussion: "Renders group items by section, in the order of sections.order, so an item with a section "
            + "shows among its section's items; the answer says where. --section NAME moves it into that section "
            + "(an empty NAME takes it out of any), at --to POSITION or where it is, as one revision; like any "
            + "change of its fields, a decided item is then pending again.",
        arguments: [
            ArgumentSpec(name: "ISSUE", help: "The issue number."),
            ArgumentSpec(name: "ITEM", help: "The item id."),
        ],
        options: [
            .value("to", "POSITION", "The new position, 1-based."),
            .value("section", "NAME", "Move it into this section (empty: into none)."),
        ],
        examples: ["digest move-item 3 12 --to 1", "digest move-item 3 12 --section Boats --to 2"],
        changesIssue: true)

    static func run(_ invocation: Invocation, _ context: Context) throws -> CommandResult {
        let number = try invocation.number(at: 0)
        let id = try invocation.number(at: 1)
        let section = invocation.value("section")
        guard let target = try invocation.number(option: "to") ?? (section == nil ? nil : 0) else {
            throw invocation.usageError("say where to with --to POSITION (1 is the first), or --section NAME.")
        }
        let store = try context.openStore(writing: true)
        let item: Item, version: Int
        if let section {
            (item, version) = try moveIntoSection(id, of: number, section: section, to: target == 0 ? nil : target,
                                                  store: store, request: try context.request(invocation, store))
        } else {
            let outcome = try store.moveItem(id, of: number, to: target, request: try context.request(invocation, store))
            (item, version) = (outcome.value, outcome.version)
        }
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

    /// The item in `section`, at `target` or where it is: one revision
    /// through the edit of the whole issue, which checks the section as
    /// `edit-item` does and re-keys the order.
    private static func moveIntoSection(_ id: Int, of number: Int, section: String, to target: Int?, store: DigestStore,
                                        request: ChangeRequest) throws -> (Item, Int) {
        let issue = try store.issue(number)
        guard let moving = issue.items.first(where: { $0.id == id }) else {
            _ = try store.currentItem(id, of: number)
            throw DigestError.workflow(.noSuchItem(issue: number, item: id))
        }
        let place = target ?? moving.position
        guard (1...issue.items.count).contains(place) else {
            throw DigestError.invalid([ValidationProblem(field: "--to", value: String(place),
                reason: "issue \(number) has \(TextLayout.plural(issue.items.count, "item"))",
                fix: "give a position from 1 to \(issue.items.count)")])
        }
        var order = issue.items.filter { $0.id != id }
        order.insert(moving, at: place - 1)
        let edit = IssueEdit(date: issue.date, title: issue.title, intro: issue.intro, preheader: issue.preheader,
                             entries: order.map { .existing(id: $0.id, values: $0.id == id ? ["section": section] : [:]) })
        let outcome = try store.applyEdit(edit, to: number, request: request, action: "move-item")
        guard let moved = outcome.value.items.first(where: { $0.id == id }) else {
            throw DigestError.internalError("item \(id) is not in issue \(number) after the move.")
        }
        return (moved, outcome.version)
    }
}
