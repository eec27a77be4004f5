import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow
import DigestLinkOptions
import ProgramMessages
import Foundation

enum CheckLinksCommand: Command {
    static let spec = CommandSpec(
        name: "check-links",
        abstract: "Check every link of an issue: dead, redirected and unreachable links before they go out.",
        discussion: "Asks each link's server (HEAD, else GET), follows redirects and records the outcome per item: "
            + "ok, redirected (a permanent redirect suggests the new link), broken (4xx/5xx), unreachable or "
            + "timed-out. Results show in 'show', 'review' and --json; 'publish' warns about broken or unchecked "
            + "links, and refuses them when publish.require-links-ok is on. Checking never changes an item and is "
            + "no revision; it works at any stage. The checks run in the companion program digest-links.",
        arguments: [ArgumentSpec(name: "ISSUE", help: "The issue number.")],
        options: LinkCheckOptions.runOptions,
        examples: ["digest check-links 4", "digest check-links 4 --timeout 5 --json"])

    static func run(_ invocation: Invocation, _ context: Context) throws -> CommandResult {
        let number = try invocation.number(at: 0)
        let arguments = try checkerArguments(invocation)
        let store = try context.openStore(writing: true)
        // Refused before any link is fetched; checked again when the results are stored.
        let request = try context.request(store)
        try store.authorize(request, to: .checkLinks)
        let items = try store.items(of: number)
        guard try store.issueHead(number) != nil else { throw DigestError.workflow(.noSuchIssue(number)) }
        let linked = items.filter { $0.fields.url != nil }
        for item in items where item.fields.url == nil {
            context.warn("item \(item.id) has no link yet; nothing to check.")
        }
        guard !linked.isEmpty else {
            return .data("Issue \(number) has no links to check.\n", json: .object([("links", .array([]))]))
        }
        let program = try Companion.require("digest-links", for: "check-links", environment: context.environment)
        let input = linked.map { ProgramMessages.line(LinkQuestion(id: $0.id, url: $0.fields.url ?? "")) }
            .joined(separator: "\n") + "\n"
        let progress = context.progress("Checking links", unit: "links", total: linked.count)
        // The same address rule and switch as fetching pages and feeds.
        let policy = try store.settings.fetchAllowsPrivate ? ["--allow-private"] : []
        let checked = try Companion.run(program, arguments + policy, input: input, progress: progress)
        guard checked.status == 0 else {
            throw DigestError.internalError("digest-links failed (exit \(checked.status)): "
                + checked.errors.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let output = checked.output
        let states = Dictionary(linked.map { ($0.id, $0.stateID) }, uniquingKeysWith: { first, _ in first })
        var checks: [LinkCheck] = []
        for line in output.split(separator: "\n") where !line.isEmpty {
            guard let report = ProgramMessages.read(LinkReport.self, from: line) else {
                throw DigestError.internalError("digest-links printed a line digest cannot read: \(line.prefix(200))")
            }
            checks.append(LinkCheck(item: report.id, url: report.url, checkedAt: report.checkedAt, outcome: report.outcome,
                                    status: report.status, finalURL: report.finalURL, suggestedURL: report.suggestedURL,
                                    detail: report.detail, state: states[report.id]))
        }
        try store.storeLinkChecks(checks, request: request)
        var rows: [[String]] = [["ITEM", "OUTCOME", "STATUS", "LINK", "DETAIL"]]
        for check in checks {
            var detail = check.detail ?? ""
            if let suggested = check.suggestedURL { detail += " → update to \(suggested)" }
            rows.append([String(check.item), check.outcome, check.status.map(String.init) ?? "-", check.url, detail])
        }
        let broken = checks.filter(\.isBroken).count
        let redirected = checks.filter { $0.outcome == "redirected" }.count
        var text = TextLayout.table(rows) { row, column, cell in
            row == 0 ? context.style.apply(.strong, cell) : column == 1 ? context.style.status(cell) : cell
        }
        text += "\(TextLayout.plural(checks.count, "link")) checked: \(checks.count - broken - redirected) ok, "
            + "\(redirected) redirected, \(broken) not reachable.\n"
        if checks.contains(where: { $0.suggestedURL != nil }) {
            text += "Links that moved for good can be updated with 'digest edit-item \(number) ITEM --url NEW'.\n"
        }
        return .data(text, json: .object([("links", .array(checks.map(\.json)))]))
    }

    /// The options for digest-links, checked here by the same rules, so
    /// that a bad value is a usage error (64) before anything runs.
    private static func checkerArguments(_ invocation: Invocation) throws -> [String] {
        _ = try LinkCheckOptions(invocation)
        return LinkCheckOptions.runOptions.compactMap { option in invocation.value(option.name).map { "--\(option.name)=\($0)" } }
    }
}

extension LinkCheck {
    var json: JSONValue {
        .object([
            ("item", .integer(item)), ("url", .string(url)), ("outcome", .string(outcome)), ("status", .optional(status)),
            ("final_url", .optional(finalURL)), ("suggested_url", .optional(suggestedURL)), ("detail", .optional(detail)),
            ("checked_at", .string(checkedAt)),
        ])
    }
}
