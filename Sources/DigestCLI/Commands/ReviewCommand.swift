import DigestCore

enum ReviewCommand: Command {
    static let spec = CommandSpec(
        name: "review",
        abstract: "Show the items still pending, or record decisions on items.",
        discussion: "Without decisions, prints each pending item as a readable block. With --approve, --reject "
            + "or --defer (comma-separated ids, repeatable), records the decisions as one revision, with --note "
            + "for all of them. Four-eyes review (review.four-eyes, on by default): nobody approves an item they "
            + "added or last edited. Deferring moves an item to the backlog for a later issue.",
        arguments: [ArgumentSpec(name: "ISSUE", help: "The issue number.")],
        options: [
            .value("approve", "ITEMS", "Approve these items.", repeatable: true),
            .value("reject", "ITEMS", "Reject these items.", repeatable: true),
            .value("defer", "ITEMS", "Move these items to the backlog.", repeatable: true),
            .value("note", "TEXT", "A note kept with each decision."),
        ],
        examples: ["digest review 3", "digest --as ben review 3 --approve 12,13 --reject 14 --note \"Paywalled\""],
        changesIssue: true,
        writes: false)

    static func run(_ invocation: Invocation, _ context: Context) throws -> CommandResult {
        let number = try invocation.number(at: 0)
        var decisions = ReviewDecisions(approve: try invocation.ids("approve"), reject: try invocation.ids("reject"),
                                        deferred: try invocation.ids("defer"))
        if let note = invocation.value("note") {
            let text = TextRules.note.normalise(note)
            if let problem = TextRules.note.problem(with: text) {
                throw DigestError.invalid([ValidationProblem(field: "--note", value: note, reason: problem.reason, fix: problem.fix)])
            }
            decisions.note = text.isEmpty ? nil : text
        }
        let all = decisions.approve + decisions.reject + decisions.deferred
        if let twice = all.first(where: { id in all.filter { $0 == id }.count > 1 }) {
            throw invocation.usageError("item \(twice) is given more than one decision; give each item one.")
        }
        if decisions.isEmpty {
            if decisions.note != nil {
                throw invocation.usageError("--note goes with --approve, --reject or --defer.")
            }
            return try pending(number, context)
        }
        let store = try context.openStore(writing: true)
        let outcome = try store.review(number, decisions: decisions, request: try context.request(invocation, store))
        var parts: [String] = []
        if !outcome.approved.isEmpty { parts.append("approved \(ids(outcome.approved))") }
        if !outcome.rejected.isEmpty { parts.append("rejected \(ids(outcome.rejected))") }
        if !outcome.deferred.isEmpty { parts.append("deferred \(ids(outcome.deferred)) to the backlog") }
        var text = "Issue \(number): \(parts.joined(separator: "; ")). "
        text += outcome.stillPending == 0
            ? "Nothing is pending; publish with 'digest publish \(number)'.\n"
            : "\(TextLayout.plural(outcome.stillPending, "item")) still pending.\n"
        return .confirmation(text, json: .object([
            ("issue", .object([("number", .integer(number)), ("version", .integer(outcome.issueVersion))])),
            ("approved", .array(outcome.approved.map(\.json))),
            ("rejected", .array(outcome.rejected.map(\.json))),
            ("deferred", .array(outcome.deferred.map(\.json))),
            ("pending", .integer(outcome.stillPending)),
        ]))
    }

    private static func ids(_ items: [Item]) -> String {
        items.map { String($0.id) }.joined(separator: ", ")
    }

    private static func pending(_ number: Int, _ context: Context) throws -> CommandResult {
        let store = try context.openStore(writing: false)
        let issue = try store.issue(number)
        let pending = issue.items.filter { $0.status == .pending }
        let checks = try store.linkChecks(for: pending)
        var text = issue.heading + "\n" + issue.statusLine(itemCount: issue.items.count) + "\n"
        if issue.status != .inReview {
            text += "\nThis issue is not in review; "
                + (issue.status == .draft ? "submit it with 'digest submit \(number)'.\n" : "it is published.\n")
        }
        if pending.isEmpty {
            text += "\nNo item is pending.\n"
        }
        for item in pending {
            text += "\n" + item.block(linkCheck: checks[item.id])
            if item.fields.url != nil, checks[item.id] == nil {
                text += "\n     link not checked yet ('digest check-links \(number)')"
            }
            if item.fields.isIncomplete { text += "\n     ! incomplete: needs a link before it can be approved" }
            text += "\n     added by \(item.addedBy)" + (item.editedBy.map { ", last edited by \($0)" } ?? "") + "\n"
        }
        if !pending.isEmpty {
            text += "\nDecide with: digest review \(number) --approve ITEMS --reject ITEMS --defer ITEMS [--note TEXT]\n"
        }
        return .data(text, json: .object([("items", .array(pending.map { $0.json(linkCheck: checks[$0.id]) }))]))
    }
}
