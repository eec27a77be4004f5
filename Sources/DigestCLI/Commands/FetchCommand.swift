import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow

enum FetchCommand: Command {
    static let spec = CommandSpec(
        name: "fetch",
        abstract: "Read a web page's title, source, author, date and excerpt, as add-item --fetch would.",
        discussion: "Prints what the page gives and where each field was found (JSON-LD, OpenGraph, Twitter "
            + "cards, meta tags, the canonical link, <title>, the first paragraph). --save keeps it in the "
            + "backlog as a candidate ('fetched by NAME'). The fetching runs in the companion program digest-fetch.",
        arguments: [ArgumentSpec(name: "URL", help: "The page's address (http or https).")],
        options: [
            .value("timeout", "S", "Seconds allowed for the page, redirects included (default 10)."),
            .flag("save", "Keep the page in the backlog as a candidate."),
            .value("note", "TEXT", "With --save: a note kept with the candidate."),
        ],
        examples: ["digest fetch https://harbour-life.example/2026/11/night-ferries-return/",
                   "digest fetch https://courier.example/pilot-boats --json"])

    static func run(_ invocation: Invocation, _ context: Context) throws -> CommandResult {
        guard let raw = invocation.positionals.first else {
            throw invocation.usageError("'fetch' needs URL (the page's address).")
        }
        let url = try PageIntake.checkedLink(raw)
        let timeout = try IntakeOptions.timeout(invocation)
        let note = try IntakeOptions.note(invocation)
        if note != nil, !invocation.has("save") { throw invocation.usageError("--note goes with --save.") }
        let store = try context.openStore(writing: invocation.has("save"))
        if invocation.has("save") { try store.authorize(try context.request(store), to: .fetchSave) }
        let (values, foundIn) = try PageIntake.values(for: url, store: store, timeout: timeout, context: context)
        var text = PageIntake.text(values, foundIn: foundIn)
        var json = PageIntake.json(values, foundIn: foundIn)
        guard invocation.has("save") else { return .data(text, json: json) }
        let validator = ItemValidator(excerptLimit: try store.settings.excerptLimit)
        let fields = try validator.candidate(values)
        let tally = try store.addCandidate(fields, origin: .fetched, note: note, request: try context.request(store))
        text += IntakeReport.single(tally, url: fields.url)
        if case .object(var members) = json {
            members.append(("backlog", IntakeReport.json(tally)))
            json = .object(members)
        }
        return .confirmation(text, json: json)
    }
}
