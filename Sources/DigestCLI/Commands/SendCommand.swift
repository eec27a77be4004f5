import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow

enum SendCommand: Command {
    static let spec = CommandSpec(
        name: "send",
        abstract: "Send an issue's email through the mail command, for real or as a test copy.",
        discussion: "Pipes the complete email (exactly what 'render ISSUE --format email' gives) to mail.command "
            + "(default: sendmail -t -oi), with the recipients as its last arguments; the command is run directly, "
            + "not through a shell. A real send needs a published issue and sends its latest edition; it is recorded "
            + "(edition, when, to whom, by whom: see 'history' and 'show'), and the same edition is not sent twice "
            + "unless --again. --test (editors, reviewers and publishers, once there is a roster) works at any stage and changes nothing: the Subject starts with [TEST], To is "
            + "the test recipients (never the list) and the copy has its own Message-ID. A mail command that fails "
            + "gives exit 69 with what it said, and nothing is recorded.",
        arguments: [ArgumentSpec(name: "ISSUE", help: "The issue number.")],
        options: [
            .value("to", "ADDRESS", "A recipient (repeat it, or separate addresses with commas).", repeatable: true),
            .flag("test", "Send a test copy: Subject marked [TEST], nothing recorded, any stage."),
            .flag("again", "Send an edition that was already sent."),
            .path("templates", "DIR", .templateFolder, "With --test of an unpublished issue: templates overriding the built-in ones."),
        ],
        examples: ["digest send 4 --test --to mira@harbour.example",
                   "digest send 4 --to readers@lists.harbour.example",
                   "digest config mail.command \"msmtp --read-envelope-from\""])

    static func run(_ invocation: Invocation, _ context: Context) throws -> CommandResult {
        let number = try invocation.number(at: 0)
        let recipients = invocation.list("to")
        guard !recipients.isEmpty else {
            throw invocation.usageError("say who gets it with --to ADDRESS (repeat it for more).")
        }
        let problems = recipients.filter { !EmailAddress.isValid($0) || $0.hasPrefix("-") }.map { address in
            ValidationProblem(field: "--to", value: address, reason: "it is not an email address",
                              fix: "write it as name@example.org")
        }
        if !problems.isEmpty { throw DigestError.invalid(problems) }
        let isTest = invocation.has("test")
        let store = try context.openStore(writing: !isTest)
        let settings = try store.settings
        let mail = MailCommand(words: settings.mailCommand)
        if isTest {
            try store.authorize(try context.request(store), to: .sendTest)
            return try sendTest(number, to: recipients, store: store, settings: settings, mail: mail,
                                invocation: invocation, context: context)
        }
        if invocation.has("templates") {
            context.warn("a real send gives the edition as it was published; --templates is not used.")
        }
        let send = try store.sendEdition(number, recipients: recipients, request: try context.request(store),
                                         again: invocation.has("again")) { edition in
            try mail.deliver(edition.email, to: recipients, environment: context.environment)
        }
        return .confirmation(
            "Sent issue \(number), edition \(send.edition), to \(recipients.joined(separator: ", ")) "
                + "(recorded; 'digest history \(number)' lists every send).\n",
            json: .object([("send", .object([("test", .bool(false))] + sendFields(send)))]))
    }

    private static func sendFields(_ send: Send) -> [(String, JSONValue)] {
        guard case .object(let members) = send.json else { return [] }
        return members
    }

    /// The email as `render --format email` gives it now (the stored
    /// edition for a published issue), made into a test copy.
    private static func sendTest(_ number: Int, to recipients: [String], store: DigestStore, settings: Settings,
                                 mail: MailCommand, invocation: Invocation, context: Context) throws -> CommandResult {
        let (issue, stored) = try store.read { () throws -> (Issue, Edition?) in
            let issue = try store.issue(number)
            return (issue, issue.status == .published ? try store.edition(of: number, atVersion: nil) : nil)
        }
        let email: String
        if let stored {
            email = stored.email
        } else {
            let templates = try TemplateChoice.load(option: invocation.value("templates"), settings: settings, files: context.files)
            templates.warnings.forEach(context.warn)
            do {
                let rendering = try FormatRenderer(templates: templates)
                    .render(issue.renderInput(publication: settings.publication), format: .email)
                rendering.warnings.forEach(context.warn)
                email = rendering.output
            } catch {
                throw DigestError(error)
            }
        }
        let messageID = EmailEnvelope.makeMessageID(issue: number, edition: 0, fromAddress: settings.publication.email)
            .replacingOccurrences(of: "<digest.", with: "<digest-test.")
        let copy = EmailComposer.testCopy(of: email, to: recipients, messageID: messageID)
        try mail.deliver(copy, to: recipients, environment: context.environment)
        let what = stored.map { "edition \($0.edition)" } ?? "as it stands (\(issue.status.rawValue), version \(issue.version))"
        return .confirmation(
            "Sent a test copy of issue \(number), \(what), to \(recipients.joined(separator: ", ")); nothing was recorded.\n",
            json: .object([("send", .object([
                ("test", .bool(true)), ("issue", .integer(number)), ("edition", .optional(stored?.edition)),
                ("recipients", .array(recipients.map(JSONValue.string))), ("message_id", .string(messageID)),
            ]))]))
    }
}
