import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow

/// `digest status`: what is waiting, on whom, and the next command to run,
/// for every issue not yet published (or one issue), as `git status` says
/// what is staged and what to do next.
enum StatusCommand: Command {
    static let spec = CommandSpec(
        name: "status",
        abstract: "Say what each unpublished issue is waiting for, on whom, and the command to run next.",
        discussion: "For every draft and every issue in review (or the one issue given): its stage, the items "
            + "still pending review and who may review them, incomplete items, links not yet checked or broken, "
            + "whether the issue's own text is approved, and the next command. With four-eyes review on, nobody "
            + "reviews an item they added or last edited, and the names shown leave them out.",
        arguments: [ArgumentSpec(name: "ISSUE", help: "Only this issue (published ones too).", optional: true)],
        examples: ["digest status", "digest status 4", "digest status --json"])

    /// One issue's state of play.
    struct Report {
        var issue: Issue
        var pending: [Item] = []
        var approved: [Item] = []
        var rejected: [Item] = []
        var incomplete: [Item] = []
        var unchecked: [Item] = []
        var broken: [Item] = []
        /// Who may decide each pending item, by item id.
        var reviewers: [Int: [String]] = [:]
        /// Pending items whose approval or rejection an edit withdrew.
        var withdrawn: [DigestStore.WithdrawnDecision] = []
        var waiting: [String] = []
        var next: String = ""
    }

    static func run(_ invocation: Invocation, _ context: Context) throws -> CommandResult {
        let only = invocation.positionals.isEmpty ? nil : try invocation.number(at: 0)
        let store = try context.openStore(writing: false)
        let (settings, issues, checks, authors, withdrawn) = try store.read {
            () throws -> (Settings, [Issue], [Int: LinkCheck], [Int: Set<String>], [Int: DigestStore.WithdrawnDecision]) in
            let numbers = try only.map { [$0] }
                ?? store.issues().map(\.issue).filter { $0.status != .published }.map(\.number).sorted()
            let issues = try numbers.map { try store.issue($0) }
            // Who may not decide each pending item under four-eyes: the store's own rule.
            var authors: [Int: Set<String>] = [:]
            for item in issues.flatMap(\.items) where item.status == .pending {
                authors[item.id] = try store.contributors(of: item)
            }
            var withdrawn: [Int: DigestStore.WithdrawnDecision] = [:]
            for issue in issues { withdrawn.merge(try store.withdrawnDecisions(in: issue.number)) { first, _ in first } }
            return (try store.settings, issues, try store.linkChecks(for: issues.flatMap(\.items)), authors, withdrawn)
        }
        let reports = issues.map {
            report(for: $0, settings: settings, checks: checks, authors: authors, withdrawn: withdrawn)
        }
        var text = ""
        if reports.isEmpty {
            text = "Every issue is published. Start the next with 'digest draft --date YYYY-MM-DD'.\n"
        }
        for report in reports {
            if !text.isEmpty { text += "\n" }
            text += describe(report, style: context.style)
        }
        return .data(text, json: .object([("issues", .array(reports.map(json)))]))
    }

    static func report(for issue: Issue, settings: Settings, checks: [Int: LinkCheck],
                       authors: [Int: Set<String>], withdrawn: [Int: DigestStore.WithdrawnDecision] = [:]) -> Report {
        var report = Report(issue: issue)
        report.withdrawn = issue.items.compactMap { withdrawn[$0.id] }
        let number = issue.number
        for item in issue.items {
            switch item.status {
            case .pending: report.pending.append(item)
            case .approved: report.approved.append(item)
            case .rejected: report.rejected.append(item)
            }
            if item.fields.isIncomplete { report.incomplete.append(item) }
            if item.status != .rejected, item.fields.url != nil {
                if let check = checks[item.id] {
                    if check.isBroken { report.broken.append(item) }
                } else {
                    report.unchecked.append(item)
                }
            }
        }
        let roster = settings.roster
        /// Who on the roster may do it; nobody named when there is no roster (then anyone may).
        func allowed(_ permission: Permission) -> [String] { roster.isEmpty ? [] : settings.people(allowedTo: permission) }
        let reviewersAll = allowed(.review)
        for item in report.pending {
            let excluded = authors[item.id] ?? [item.lastAuthor]
            report.reviewers[item.id] = settings.fourEyes ? reviewersAll.filter { !excluded.contains($0) } : reviewersAll
        }
        func anyone(_ names: [String]) -> String {
            names.isEmpty ? (roster.isEmpty ? "anyone" : "nobody on the roster") : names.joined(separator: " or ")
        }
        switch issue.status {
        case .draft:
            if issue.items.isEmpty {
                report.waiting.append("no items yet")
                report.next = "digest add-item \(number) --url URL --title TEXT --source TEXT --excerpt TEXT"
            } else if let first = report.incomplete.first {
                report.waiting.append("\(TextLayout.plural(report.incomplete.count, "incomplete item")) "
                    + "(\(ids(report.incomplete))) to complete before review")
                report.next = "digest edit-item \(number) \(first.id) \(first.fields.missingOptions)"
            } else {
                let editors = allowed(.submit)
                report.waiting.append("ready for review: \(anyone(editors)) may submit it")
                report.next = "digest submit \(number)"
            }
        case .inReview:
            if !report.pending.isEmpty {
                var groups: [[String]: [Item]] = [:]
                for item in report.pending { groups[report.reviewers[item.id] ?? [], default: []].append(item) }
                for (names, items) in groups.sorted(by: { $0.value[0].position < $1.value[0].position }) {
                    report.waiting.append("\(TextLayout.plural(items.count, "item")) (\(ids(items))) pending review by "
                        + anyone(names))
                }
                report.next = "digest review \(number)"
            }
            if issue.approvedBy == nil {
                let approvers = allowed(.review).filter { !settings.fourEyes || $0 != issue.fieldsBy }
                report.waiting.append("the issue's own text (date, title, intro) is not approved; last changed by "
                    + "\(issue.fieldsBy ?? "?"), to be approved by \(anyone(approvers))")
                if report.next.isEmpty { report.next = "digest review \(number) --approve-issue" }
            }
            if report.pending.isEmpty && issue.approvedBy != nil {
                if report.approved.isEmpty {
                    report.waiting.append("no item is approved: there is nothing to publish")
                    report.next = "digest reopen \(number) --reason TEXT"
                } else {
                    let publishers = allowed(.publish)
                    report.waiting.append("ready to publish: \(anyone(publishers)) may publish it")
                    report.next = "digest publish \(number)"
                }
            }
        case .published:
            report.waiting.append("published as edition \(issue.edition ?? 1); nothing is waiting")
            report.next = "digest send \(number)"
        }
        for change in report.withdrawn where issue.status != .published {
            let decision = change.decision == .approved ? "approval" : "rejection"
            report.waiting.append("item \(change.item) edited by \(change.editedBy) after \(decision)"
                + (change.decidedBy.map { " by \($0)" } ?? "") + ": pending review again")
        }
        // Links are checked before an issue goes to review, and before it is
        // published when publish.require-links-ok asks for it.
        let linksToCheck = !report.unchecked.isEmpty || !report.broken.isEmpty
        if linksToCheck, report.next == "digest submit \(number)"
            || (report.next == "digest publish \(number)" && settings.requireLinksOK) {
            report.next = "digest check-links \(number)"
        }
        return report
    }

    static func describe(_ report: Report, style: TextStyle) -> String {
        let issue = report.issue
        var text = style.apply(.strong, issue.heading) + "\n  " + issue.statusLine(itemCount: issue.items.count, style: style)
        if !issue.items.isEmpty {
            text += " (\(report.approved.count) approved, \(report.pending.count) pending, \(report.rejected.count) rejected)"
        }
        text += "\n"
        for line in report.waiting { text += "  - \(line)\n" }
        if !report.unchecked.isEmpty {
            text += "  - \(TextLayout.plural(report.unchecked.count, "link")) not checked (\(ids(report.unchecked)))\n"
        }
        if !report.broken.isEmpty {
            text += "  - \(TextLayout.plural(report.broken.count, "broken link")) (\(ids(report.broken)))\n"
        }
        if !report.next.isEmpty { text += "  next: \(report.next)\n" }
        return text
    }

    static func json(_ report: Report) -> JSONValue {
        let numbers = { (items: [Item]) in JSONValue.array(items.map { .integer($0.id) }) }
        return .object(report.issue.headJSON + [
            ("approved", numbers(report.approved)), ("pending", numbers(report.pending)),
            ("rejected", numbers(report.rejected)), ("incomplete", numbers(report.incomplete)),
            ("unchecked_links", numbers(report.unchecked)), ("broken_links", numbers(report.broken)),
            ("reviewers", .object(report.pending.map { item in
                (String(item.id), .array((report.reviewers[item.id] ?? []).map(JSONValue.string)))
            })),
            ("edited_after_decision", .array(report.withdrawn.map { change in
                .object([("item", .integer(change.item)), ("decision", .string(change.decision.rawValue)),
                         ("decided_by", change.decidedBy.map(JSONValue.string) ?? .null),
                         ("edited_by", .string(change.editedBy))])
            })),
            ("waiting", .array(report.waiting.map(JSONValue.string))), ("next", .string(report.next)),
        ])
    }

    private static func ids(_ items: [Item]) -> String {
        (items.count == 1 ? "item " : "items ") + items.map { String($0.id) }.joined(separator: ", ")
    }
}
