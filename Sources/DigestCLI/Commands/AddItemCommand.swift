import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow

enum AddItemCommand: Command {
    static let spec = CommandSpec(
        name: "add-item",
        abstract: "Add items to a draft issue: from options, from a JSON file, from a fetched page, or from the backlog.",
        discussion: "Required: title, url, source, date and excerpt (the url may wait with --incomplete). "
            + "--fetch URL fills the fields from the page (see 'digest help fetch' for where each comes from; "
            + "the page's canonical address becomes the url); options given as well win over the page, and what "
            + "is still missing is reported with the option that supplies it, unless --incomplete stores the "
            + "item anyway (incomplete: it cannot be approved until completed). --dry-run prints the fields "
            + "without storing. --from-backlog takes deferred items and candidates; with one entry, options "
            + "supply or replace its fields. "
            + "--file reads one JSON object, an array of objects, or JSON Lines, with the keys of 'show --json' "
            + "(title, url, source, author, date, excerpt, section, posted_on, link_text, incomplete); "
            + "all of them are added or none. New items are pending review.",
        arguments: [ArgumentSpec(name: "ISSUE", help: "The issue number.")],
        options: ItemFieldOptions.specs + [
            .flag("incomplete", "Store the item without a url for now; it cannot be approved until completed."),
            .path("file", "PATH", .input, "Read items from a JSON file ('-' for standard input)."),
            .value("from-backlog", "ITEMS", "Bring backlog entries (comma-separated ids) into this issue.", repeatable: true),
            .value("fetch", "URL", "Fill the fields from this page; options given as well win."),
            .flag("dry-run", "With --fetch: print the fields that would be stored, and store nothing."),
            .value("timeout", "S", "With --fetch: seconds allowed for the page (default 10)."),
        ],
        examples: [
            "digest add-item 3 --title \"Tide tables, explained\" --url https://tides.example/explained \\",
            "    --source \"Coastal Review\" --date 2026-11-20 --excerpt \"Why two tides a day…\"",
            "digest add-item 3 --file drafts/week-47.json",
            "digest add-item 4 --from-backlog 12,15",
            "digest add-item 4 --fetch https://harbour-life.example/2026/11/night-ferries-return/ --dry-run",
            "digest add-item 4 --fetch https://mooring.example/fees --source \"Port of Tidewater\" --date 2026-11-02",
        ],
        changesIssue: true)

    static func run(_ invocation: Invocation, _ context: Context) throws -> CommandResult {
        let number = try invocation.number(at: 0)
        let fieldValues = ItemFieldOptions.values(in: invocation)
        let fetching = invocation.has("fetch")
        let fromBacklog = invocation.has("from-backlog")
        let typed = !fieldValues.isEmpty || invocation.has("incomplete")
        let sources = [invocation.has("file"), fromBacklog, fetching, typed && !fetching && !fromBacklog]
        guard sources.filter({ $0 }).count == 1 else {
            throw invocation.usageError(sources.contains(true)
                ? "give the item as options, or --file, or --fetch URL, or --from-backlog: one of them."
                : "give the item's fields (--title, --url, --source, --date, --excerpt), or --file PATH, "
                    + "or --fetch URL, or --from-backlog ITEMS.")
        }
        for option in ["dry-run", "timeout"] where invocation.has(option) && !fetching {
            throw invocation.usageError("--\(option) goes with --fetch URL.")
        }
        if fetching { return try fetch(invocation, number: number, fieldValues: fieldValues, context: context) }
        if fromBacklog {
            let ids = try invocation.ids("from-backlog")
            if invocation.has("incomplete") { throw invocation.usageError("--incomplete does not go with --from-backlog.") }
            if !fieldValues.isEmpty, ids.count != 1 {
                throw invocation.usageError("options that set fields go with one --from-backlog entry, not \(ids.count).")
            }
            let store = try context.openStore(writing: true)
            let added = try store.addFromBacklog(ids, to: number, request: try context.request(invocation, store),
                                                 overrides: fieldValues)
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

    /// `--fetch URL`: the page's fields, with the options given winning.
    private static func fetch(_ invocation: Invocation, number: Int, fieldValues: [String: String],
                              context: Context) throws -> CommandResult {
        let requested = try PageIntake.checkedLink(invocation.value("fetch") ?? "", field: "--fetch")
        let timeout = try IntakeOptions.timeout(invocation)
        let dryRun = invocation.has("dry-run")
        let store = try context.openStore(writing: !dryRun)
        let request = try context.request(invocation, store)
        // The stage and the roster first: a refused add fetches nothing.
        guard let head = try store.issueHead(number) else {
            throw DigestError.workflow(.noSuchIssue(number))
        }
        guard head.status == .draft else {
            throw DigestError.workflow(.wrongStage(issue: head.number, status: head.status, edition: head.edition, action: "add-item"))
        }
        try store.authorize(request, to: .addItem)
        var (values, foundIn) = try PageIntake.values(for: requested, store: store, timeout: timeout, context: context)
        for (name, value) in fieldValues {
            values[name] = value
            foundIn[name] = "given"
        }
        let validator = ItemValidator(excerptLimit: try store.settings.excerptLimit)
        var fields: ItemFields
        do throws(DigestError) {
            fields = try validator.newItem(values, incomplete: false)
        } catch {
            guard case .invalid(let problems) = error else { throw error }
            let missing = Set(problems.filter { $0.reason == "it is missing" }.map(\.field))
            let others = problems.filter { !missing.contains($0.field) }
            guard invocation.has("incomplete"), others.isEmpty else {
                if dryRun { context.warn("nothing would be stored as it is:") }
                throw DigestError.invalid(PageIntake.namingFlags(problems, url: requested))
            }
            // Stored anyway: the missing texts stay empty (the item is incomplete
            // until they are given); a missing date is the day it was fetched.
            var filled = values
            for field in missing { filled[field] = field == "date" ? (store.now.utcDate?.iso ?? "2000-01-01") : "-" }
            let checked = try validator.newItem(filled, incomplete: false)
            fields = ItemFields(title: missing.contains("title") ? "" : checked.title, url: checked.url,
                                source: missing.contains("source") ? "" : checked.source, author: checked.author,
                                date: checked.date, excerpt: missing.contains("excerpt") ? "" : checked.excerpt,
                                section: checked.section, postedOn: checked.postedOn, linkText: checked.linkText)
            if missing.contains("date") {
                context.warn("the page gives no date; the item has the date it was fetched, \(checked.date.iso) "
                    + "(correct it with --date when you complete it).")
            }
            foundIn = foundIn.filter { !missing.contains($0.key) }
            values = values.filter { !missing.contains($0.key) }
        }
        if dryRun {
            var shown: [String: String] = [:]
            for name in ItemFields.names { if let value = fields.value(of: name), !value.isEmpty { shown[name] = value } }
            let text = PageIntake.text(shown, foundIn: foundIn) + "Nothing was stored (--dry-run).\n"
            return .data(text, json: PageIntake.json(shown, foundIn: foundIn))
        }
        let added = try store.addItems([NewItem(fields: fields)], to: number, request: request)
        return report(added, number: number, context: context)
    }

    private static func report(_ added: AddedItems, number: Int, context: Context) -> CommandResult {
        for repeated in added.repeats.compactMap({ $0 }) { context.warn(repeated.warning) }
        for item in added.items where item.fields.isIncomplete {
            let what = item.fields.url == nil ? "has no link yet" : "is incomplete"
            context.warn("item \(item.id) \(what); complete it with "
                + "'digest edit-item \(number) \(item.id) \(item.fields.missingOptions)' "
                + "before it can be approved.")
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
