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
            + "gives exit 69 with what it said, and nothing is recorded. A real send without --to goes to list.address; "
            + "at a terminal it shows the recipients, the Subject and the edition and asks before sending; a script "
            + "says --yes (without it, a real send that cannot ask is refused with 64). The message is dated when it "
            + "is sent, has a Message-ID of its own when the edition went out before, and is recorded byte for byte.",
        arguments: [ArgumentSpec(name: "ISSUE", help: "The issue number.")],
        options: [
            .value("to", "ADDRESS", "A recipient (repeat it, or separate addresses with commas); a real send goes to list.address without it.", repeatable: true),
            .flag("yes", "Send without asking (what a script or a pipe must say for a real send)."),
            .flag("test", "Send a test copy: Subject marked [TEST], nothing recorded, any stage."),
            .flag("again", "Send an edition that was already sent."),
            .path("templates", "DIR", .templateFolder, "With --test of an unpublished issue: templates overriding the built-in ones."),
        ],
        examples: ["digest send 4 --test --to mira@harbour.example",
                   "digest send 4",
                   "digest send 4 --to readers@lists.harbour.example --yes",
                   "digest config mail.command \"msmtp --read-envelope-from\""])

    static func run(_ invocation: Invocation, _ context: Context) throws -> CommandResult {
        let number = try invocation.number(at: 0)
        let isTest = invocation.has("test")
        var recipients = invocation.list("to")
        if recipients.isEmpty, isTest {
            throw invocation.usageError("say who gets the test copy with --to ADDRESS (a test never goes to the list).")
        }
        let problems = recipients.filter { !EmailAddress.isValid($0) || $0.hasPrefix("-") }.map { address in
            ValidationProblem(field: "--to", value: address, reason: "it is not an email address",
                              fix: "write it as name@example.org")
        }
        if !problems.isEmpty { throw DigestError.invalid(problems) }
        let store = try context.openStore(writing: !isTest)
        let settings = try store.settings
        if recipients.isEmpty {
            guard let list = settings.publication.listAddress, EmailAddress.isValid(list) else {
                throw invocation.usageError("say who gets it with --to ADDRESS, or set the list's address with "
                    + "'digest config list.address ADDR'.")
            }
            recipients = [list]
        }
        let mail = MailCommand(words: settings.mailCommand)
        if isTest {
            try store.authorize(try context.request(store), to: .sendTest)
            return try sendTest(number, to: recipients, store: store, settings: settings, mail: mail,
                                invocation: invocation, context: context)
        }
        if invocation.has("templates") {
            context.warn("a real send gives the edition as it was published; --templates is not used.")
        }
        if !invocation.has("yes") {
            try confirm(number, recipients: recipients, store: store, invocation: invocation, context: context)
        }
        let send = try store.sendEdition(number, recipients: recipients, request: try context.request(store),
                                         again: invocation.has("again")) { message in
            try mail.deliver(message, to: recipients, environment: context.environment)
        }
        return .confirmation(
            "Sent issue \(number), edition \(send.edition), to \(recipients.joined(separator: ", ")) "
                + "(recorded; 'digest history \(number)' lists every send).\n",
            json: .object([("send", .object([("test", .bool(false))] + sendFields(send)))]))
    }

    /// A real send asks first: at a terminal it shows what goes where and
    /// waits for "y"; anything that cannot ask (a script, a pipe, ssh://)
    /// must have said --yes.
    private static func confirm(_ number: Int, recipients: [String], store: DigestStore, invocation: Invocation,
                                context: Context) throws {
        let terminal = context.terminal.standardInputIsTerminal && context.terminal.standardOutputIsTerminal
            && !context.isServed && !context.json
        guard terminal else {
            throw invocation.usageError("a real send of issue \(number) to \(recipients.joined(separator: ", ")) is "
                + "not asked about here (no terminal); add --yes to send it.")
        }
        let (issue, edition) = try store.read { () throws -> (Issue, Edition?) in
            let issue = try store.issue(number)
            return (issue, issue.status == .published ? try store.edition(of: number, atVersion: nil) : nil)
        }
        let publication = try store.settings.publication
        let shown = edition?.edition ?? issue.edition ?? 1
        let subject = (shown > 1 ? publication.correctionPrefix : "") + issue.displayTitle(publication: publication)
        let conversation = TerminalConversation()
        defer { conversation.restore() }
        conversation.say("Send issue \(number), edition \(shown), for real:\n"
            + "  To:      \(recipients.joined(separator: ", "))\n"
            + "  Subject: \(subject)\n"
            + "Send it? [y/N] ")
        let answer = conversation.key()
        conversation.say("\n")
        guard answer == .character("y") || answer == .character("Y") else {
            throw DigestError.refused("nothing was sent (the answer was not y).")
        }
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
