import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow

enum ReviewCommand: Command {
    static let spec = CommandSpec(
        name: "review",
        abstract: "Show the items still pending, or record decisions on items.",
        discussion: "Without decisions, at a terminal, walks through the pending items one at a time: a key per "
            + "item (a approve, r reject, d defer, s skip, n note, o open link, q quit, ? help), all decisions "
            + "recorded at the end as one revision (nothing on Ctrl-C). Elsewhere, prints each pending item as a "
            + "readable block, and the issue's own text when it awaits approval. With --approve, --reject or --defer (comma-separated ids, repeatable), records "
            + "the decisions as one revision. A note belongs to one decision: --note ITEM=TEXT (repeatable) for "
            + "an approved or rejected item; a plain --note TEXT only when the command decides exactly one item. "
            + "--approve-issue approves the issue's own date, title and intro, which publish requires; approving "
            + "the last pending item includes it when you may give it. Four-eyes review (review.four-eyes, on by "
            + "default): nobody approves an item they added or edited at any point, nor issue text they last "
            + "changed. Deferring moves an item to the backlog for a later issue.",
        arguments: [ArgumentSpec(name: "ISSUE", help: "The issue number.")],
        options: [
            .value("approve", "ITEMS", "Approve these items.", repeatable: true),
            .value("reject", "ITEMS", "Reject these items.", repeatable: true),
            .value("defer", "ITEMS", "Move these items to the backlog.", repeatable: true),
            .value("note", "ITEM=TEXT", "A note kept with that item's decision (repeatable).", repeatable: true),
            .flag("approve-issue", "Approve the issue's own date, title and intro."),
        ],
        examples: ["digest review 3", "digest --as ben review 3 --approve 12,13 --reject 14 --note 14=\"Paywalled\"",
                   "digest --as ben review 3 --reject 14 --note \"Paywalled\"", "digest --as ben review 3 --approve-issue"],
        changesIssue: true)

    static func run(_ invocation: Invocation, _ context: Context) throws -> CommandResult {
        let number = try invocation.number(at: 0)
        var decisions = ReviewDecisions(approve: try invocation.ids("approve"), reject: try invocation.ids("reject"),
                                        deferred: try invocation.ids("defer"), approveIssue: invocation.has("approve-issue"))
        let all = decisions.approve + decisions.reject + decisions.deferred
        if let twice = all.first(where: { id in all.filter { $0 == id }.count > 1 }) {
            throw invocation.usageError("item \(twice) is given more than one decision; give each item one.")
        }
        decisions.notes = try notes(invocation, decided: decisions.approve + decisions.reject, deferred: decisions.deferred)
        if decisions.isEmpty {
            if context.terminal.standardInputIsTerminal, context.terminal.standardOutputIsTerminal, !context.json,
               !context.isServed {
                return try walk(number, invocation, context)
            }
            return try pending(number, context)
        }
        return try record(decisions, number, invocation, context)
    }

    /// Records `decisions` as one revision and says what came of them.
    static func record(_ decisions: ReviewDecisions, _ number: Int, _ invocation: Invocation,
                       _ context: Context) throws -> CommandResult {
        let store = try context.openStore(writing: true)
        let outcome = try store.review(number, decisions: decisions, request: try context.request(invocation, store))
        var parts: [String] = []
        if !outcome.approved.isEmpty { parts.append("approved \(ids(outcome.approved))") }
        if !outcome.rejected.isEmpty { parts.append("rejected \(ids(outcome.rejected))") }
        if !outcome.deferred.isEmpty { parts.append("deferred \(ids(outcome.deferred)) to the backlog") }
        var issueLine = ""
        switch outcome.issueApproval {
        case .approvedNow(_, let included):
            parts.append(included ? "and with the last pending item, the issue's own text (date, title, intro)"
                                  : "approved the issue's own text (date, title, intro)")
        case .approved: break
        case .waiting(let changedBy, let mayApprove):
            let who = mayApprove.isEmpty ? "someone other than \(changedBy)" : mayApprove.joined(separator: " or ")
            issueLine = "The issue's own text (date, title, intro), last changed by \(changedBy), still needs approval "
                + "by \(who): digest review \(number) --approve-issue\n"
        }
        var text = "Issue \(number): \(parts.joined(separator: "; ")). "
        if outcome.stillPending > 0 {
            text += "\(TextLayout.plural(outcome.stillPending, "item")) still pending.\n"
        } else if outcome.approvedInIssue == 0 {
            text += "Nothing is pending, but no item is approved, so the issue cannot be published: approve one "
                + "with 'digest review \(number) --approve ITEM', or reopen the issue to add items with "
                + "'digest reopen \(number) --reason TEXT'.\n"
        } else {
            text += issueLine.isEmpty ? "Nothing is pending; publish with 'digest publish \(number)'.\n" : "No item is pending.\n"
        }
        text += issueLine
        return .confirmation(text, json: .object([
            ("issue", .object([("number", .integer(number)), ("version", .integer(outcome.issueVersion))])),
            ("approved", .array(outcome.approved.map(\.json))),
            ("rejected", .array(outcome.rejected.map(\.json))),
            ("deferred", .array(outcome.deferred.map(\.json))),
            ("pending", .integer(outcome.stillPending)),
            ("issue_approval", approvalJSON(outcome.issueApproval)),
        ]))
    }

    private static func approvalJSON(_ approval: IssueApproval) -> JSONValue {
        switch approval {
        case .approvedNow(let by, let included):
            return .object([("status", .string("approved")), ("by", .string(by)), ("now", .bool(true)),
                            ("included", .bool(included))])
        case .approved(let by):
            return .object([("status", .string("approved")), ("by", .string(by)), ("now", .bool(false))])
        case .waiting(let changedBy, let mayApprove):
            return .object([("status", .string("waiting")), ("changed_by", .string(changedBy)),
                            ("may_approve", .array(mayApprove.map(JSONValue.string)))])
        }
    }

    /// The notes of one command, each bound to the one decision it was written
    /// for: `--note ITEM=TEXT`, or a plain `--note TEXT` when exactly one item
    /// is approved or rejected. Anything else is refused before anything is stored.
    private static func notes(_ invocation: Invocation, decided: [Int], deferred: [Int]) throws -> [Int: String] {
        var notes: [Int: String] = [:]
        for raw in invocation.values["note"] ?? [] {
            let (target, body) = split(raw)
            guard let id = target ?? (decided.count == 1 ? decided[0] : nil) else {
                throw invocation.usageError(decided.isEmpty
                    ? "--note goes with an item you approve or reject: --approve ITEM --note ITEM=TEXT."
                    : "--note \"\(body)\" does not say which of the \(decided.count) decisions it is for; "
                        + "write --note ITEM=TEXT for each item it belongs to.")
            }
            guard decided.contains(id) else {
                throw invocation.usageError(deferred.contains(id)
                    ? "--note \(id)=…: item \(id) is deferred, and a deferred item keeps no note; note it when it is decided."
                    : "--note \(id)=…: item \(id) is not approved or rejected in this command; a note belongs to one decision.")
            }
            guard notes[id] == nil else {
                throw invocation.usageError("item \(id) is given two notes; give it one --note \(id)=TEXT.")
            }
            let text = TextRules.note.normalise(body)
            if let problem = TextRules.note.problem(with: text) {
                throw DigestError.invalid([ValidationProblem(field: "--note", value: raw, reason: problem.reason, fix: problem.fix)])
            }
            guard !text.isEmpty else {
                throw DigestError.invalid([ValidationProblem(field: "--note", value: raw, reason: "it is empty",
                                                             fix: "write the note after ITEM=, or leave out --note")])
            }
            notes[id] = text
        }
        return notes
    }

    /// `14=Paywalled` → (14, "Paywalled"); text without a leading `ITEM=` → (nil, text).
    private static func split(_ raw: String) -> (Int?, String) {
        guard let equals = raw.firstIndex(of: "=") else { return (nil, raw) }
        let head = String(raw[..<equals]).trimmingSpaces()
        guard !head.isEmpty, head.allSatisfy({ $0.isASCII && $0.isNumber }), let id = Int(head) else { return (nil, raw) }
        return (id, String(raw[raw.index(after: equals)...]))
    }

    static func ids(_ items: [Item]) -> String {
        items.map { String($0.id) }.joined(separator: ", ")
    }

    static func pending(_ number: Int, _ context: Context) throws -> CommandResult {
        let store = try context.openStore(writing: false)
        // The items and their link checks from one snapshot.
        let (issue, checks, provenance) = try store.read {
            let issue = try store.issue(number)
            let pending = issue.items.filter { $0.status == .pending }
            return (issue, try store.linkChecks(for: pending), try store.provenance(for: pending))
        }
        let pending = issue.items.filter { $0.status == .pending }
        var text = issue.heading + "\n" + issue.statusLine(itemCount: issue.items.count) + "\n"
        if issue.status != .inReview {
            text += "\nThis issue is not in review; "
                + (issue.status == .draft ? "submit it with 'digest submit \(number)'.\n" : "it is published.\n")
        }
        if pending.isEmpty {
            text += "\nNo item is pending.\n"
        }
        if issue.status == .inReview, issue.approvedBy == nil {
            text += "\nThe issue's own text awaits approval (last changed by \(issue.fieldsBy ?? "?")):\n"
                + "     date: \(issue.date.iso)\n     title: \(issue.title ?? "(none)")\n"
                + (issue.intro.map { "     intro:\n" + TextLayout.wrap($0, indent: "       ") + "\n" } ?? "     intro: (none)\n")
                + "     approve it with: digest review \(number) --approve-issue\n"
        }
        for item in pending {
            text += "\n" + item.block(linkCheck: checks[item.id], provenance: provenance[item.id])
            if item.fields.url != nil, checks[item.id] == nil {
                text += "\n     link not checked yet ('digest check-links \(number)')"
            }
            if item.fields.isIncomplete { text += "\n     ! incomplete: needs a link before it can be approved" }
            text += "\n     added by \(item.addedBy)" + (item.editedBy.map { ", last edited by \($0)" } ?? "") + "\n"
        }
        if !pending.isEmpty {
            text += "\nDecide with: digest review \(number) --approve ITEMS --reject ITEMS --defer ITEMS [--note ITEM=TEXT]\n"
        }
        return .data(text, json: .object([("items", .array(pending.map { $0.json(linkCheck: checks[$0.id]) })),
                                          ("issue", .object(issue.headJSON))]))
    }
}
