import DigestCore

enum BacklogCommand: Command {
    static let spec = CommandSpec(
        name: "backlog",
        abstract: "List deferred items waiting for a later issue.",
        examples: ["digest backlog", "digest add-item 4 --from-backlog 12"])

    static func run(_ invocation: Invocation, _ context: Context) throws -> CommandResult {
        let store = try context.openStore(writing: false)
        let entries = try store.backlog()
        var text = entries.isEmpty ? "The backlog is empty.\n" : ""
        for entry in entries {
            text += "#\(entry.item.id) \(entry.item.fields.title)\n"
            text += "     " + (entry.item.fields.url ?? "(no link yet)") + "\n"
            text += "     deferred from issue \(entry.fromIssue) by \(entry.deferredBy) at \(entry.deferredAt)\n"
        }
        if !entries.isEmpty { text += "\nBring items into a draft with: digest add-item ISSUE --from-backlog ITEMS\n" }
        let json = JSONValue.object([("backlog", .array(entries.map { entry in
            guard case .object(var members) = entry.item.json else { return entry.item.json }
            members += [("from_issue", .integer(entry.fromIssue)), ("deferred_at", .string(entry.deferredAt)),
                        ("deferred_by", .string(entry.deferredBy))]
            return .object(members)
        }))])
        return .data(text, json: json)
    }
}
