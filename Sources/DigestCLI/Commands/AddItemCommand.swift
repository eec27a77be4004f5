import DigestCore

enum AddItemCommand: Command {
    static let spec = CommandSpec(
        name: "add-item",
        abstract: "Add items to a draft issue: from options, from a JSON file, or from the backlog.",
        discussion: "Required: title, url, source, date and excerpt (the url may wait with --incomplete). "
            + "--file reads one JSON object, an array of objects, or JSON Lines, with the keys of 'show --json' "
            + "(title, url, source, author, date, excerpt, section, posted_on, link_text, incomplete); "
            + "all of them are added or none. New items are pending review.",
        arguments: [ArgumentSpec(name: "ISSUE", help: "The issue number.")],
        options: ItemFieldOptions.specs + [
            .flag("incomplete", "Store the item without a url for now; it cannot be approved until completed."),
            .value("file", "PATH", "Read items from a JSON file ('-' for standard input)."),
            .value("from-backlog", "ITEMS", "Bring deferred items (comma-separated ids) into this issue.", repeatable: true),
        ],
        examples: [
            "digest add-item 3 --title \"Tide tables, explained\" --url https://tides.example/explained \\",
            "    --source \"Coastal Review\" --date 2026-11-20 --excerpt \"Why two tides a day…\"",
            "digest add-item 3 --file drafts/week-47.json",
            "digest add-item 4 --from-backlog 12,15",
        ],
        changesIssue: true,
        writes: true)

    static func run(_ invocation: Invocation, _ context: Context) throws -> CommandResult {
        let number = try invocation.number(at: 0)
        let fieldValues = ItemFieldOptions.values(in: invocation)
        let sources = [invocation.has("file"), invocation.has("from-backlog"), !fieldValues.isEmpty || invocation.has("incomplete")]
        guard sources.filter({ $0 }).count == 1 else {
            throw invocation.usageError(sources.contains(true)
                ? "give the item as options, or --file, or --from-backlog: one of them."
                : "give the item's fields (--title, --url, --source, --date, --excerpt), or --file PATH, or --from-backlog ITEMS.")
        }
        if invocation.has("from-backlog") {
            let ids = try invocation.ids("from-backlog")
            let store = try context.openStore(writing: true)
            let added = try store.addFromBacklog(ids, to: number, request: try context.request(invocation, store))
            return report(added, number: number, context: context)
        }
        var newItems: [NewItem] = []
        let store: DigestStore
        if let path = invocation.value("file") {
            let bytes = try context.readInput(path)
            let batch = try ItemRecordReader.read(bytes, origin: path == "-" ? "standard input" : path)
            store = try context.openStore(writing: true)
            let validator = ItemValidator(excerptLimit: try store.settings.excerptLimit)
            var collector = ProblemCollector()
            collector.add(batch.problems)
            for record in batch.records {
                if let fields = try collector.attempt({ () throws(DigestError) in
                    try validator.newItem(record.values, incomplete: record.incomplete, location: record.location)
                }) {
                    newItems.append(NewItem(fields: fields, location: record.location))
                }
            }
            try collector.finish()
        } else {
            store = try context.openStore(writing: true)
            let validator = ItemValidator(excerptLimit: try store.settings.excerptLimit)
            let fields = try validator.newItem(fieldValues, incomplete: invocation.has("incomplete"))
            newItems = [NewItem(fields: fields)]
        }
        let added = try store.addItems(newItems, to: number, request: try context.request(invocation, store))
        return report(added, number: number, context: context)
    }

    private static func report(_ added: AddedItems, number: Int, context: Context) -> CommandResult {
        for repeated in added.repeats.compactMap({ $0 }) { context.warn(repeated.warning) }
        for item in added.items where item.fields.isIncomplete {
            context.warn("item \(item.id) has no link yet; complete it with "
                + "'digest edit-item \(number) \(item.id) --url URL' before it can be approved.")
        }
        let text: String
        if added.items.count == 1, let item = added.items.first {
            text = "Added item \(item.id) to issue \(number) at position \(item.position) (pending). "
                + "Issue \(number) is at version \(added.issueVersion).\n"
        } else {
            text = "Added \(added.items.count) items to issue \(number) (ids \(added.items.first?.id ?? 0)–"
                + "\(added.items.last?.id ?? 0), pending). Issue \(number) is at version \(added.issueVersion).\n"
        }
        let json = JSONValue.object([
            ("issue", .object([("number", .integer(number)), ("version", .integer(added.issueVersion))])),
            ("items", .array(zip(added.items, added.repeats).map { item, repeated in
                guard case .object(var members) = item.json else { return item.json }
                if let repeated {
                    members.append(("repeat_of", .object([("issue", .integer(repeated.issue)),
                                                          ("date", .string(repeated.date.iso)),
                                                          ("item", .integer(repeated.item))])))
                }
                return .object(members)
            })),
        ])
        return .confirmation(text, json: json)
    }
}
