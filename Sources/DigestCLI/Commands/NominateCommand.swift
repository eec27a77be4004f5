import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow

enum NominateCommand: Command {
    static let spec = CommandSpec(
        name: "nominate",
        abstract: "Suggest a link for a coming issue: it is fetched and put into the backlog for the editors.",
        discussion: "Open to contributors and to everyone who may add items. The page is read as add-item --fetch "
            + "reads it; the candidate shows in 'digest backlog' as 'nominated by NAME'. A link already in the "
            + "backlog, in an issue or published is reported and not added twice.",
        arguments: [ArgumentSpec(name: "URL", help: "The page's address (http or https).")],
        options: [
            .value("note", "TEXT", "Why it belongs in the digest: shown to the editors."),
            .value("timeout", "S", "Seconds allowed for the page, redirects included (default 10)."),
        ],
        examples: ["digest --as lena nominate https://courier.example/pilot-boats --note \"Follow-up to last week\""])

    static func run(_ invocation: Invocation, _ context: Context) throws -> CommandResult {
        guard let raw = invocation.positionals.first else {
            throw invocation.usageError("'nominate' needs URL (the page's address).")
        }
        let url = try PageIntake.checkedLink(raw)
        let note = try IntakeOptions.note(invocation)
        let timeout = try IntakeOptions.timeout(invocation)
        let store = try context.openStore(writing: true)
        let request = try context.request(store)
        // Checked before fetching: someone who may not nominate makes the host fetch nothing.
        try store.authorize(request, to: .nominate)
        let (values, _) = try PageIntake.values(for: url, store: store, timeout: timeout, context: context)
        let validator = ItemValidator(excerptLimit: try store.settings.excerptLimit)
        let fields: CandidateFields
        do throws(DigestError) {
            fields = try validator.candidate(values)
        } catch {
            guard case .invalid(let problems) = error else { throw error }
            throw DigestError.invalid(PageIntake.namingFlags(problems, url: url))
        }
        let tally = try store.addCandidate(fields, origin: .nominated, note: note, request: request)
        return .confirmation(IntakeReport.single(tally, url: fields.url),
                             json: .object([("backlog", IntakeReport.json(tally))]))
    }
}
