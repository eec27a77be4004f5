import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow
import Foundation

extension ReviewCommand {
    static let walkHelp = """
        a - approve this item
        r - reject this item (a note says why)
        d - defer this item to the backlog
        s - skip it: leave it pending
        n - write a note for this item's decision
        o - open its link in the browser ($BROWSER, else xdg-open)
        q - stop here and record the decisions made so far
        ? - this help
        Ctrl-C stops without recording anything.

        """

    /// `digest review ISSUE` at a terminal: each pending item in turn, one
    /// key per decision, as `git add -p` walks hunks; every decision is
    /// recorded at the end (or at `q`) as one revision, and nothing when none
    /// was made.
    static func walk(_ number: Int, _ invocation: Invocation, _ context: Context) throws -> CommandResult {
        let store = try context.openStore(writing: false)
        let (issue, checks, settings, provenance) = try store.read {
            let issue = try store.issue(number)
            return (issue, try store.linkChecks(for: issue.items), try store.settings, try store.provenance(for: issue.items))
        }
        let pendingItems = issue.items.filter { $0.status == .pending }
        guard issue.status == .inReview, !pendingItems.isEmpty else { return try pending(number, context) }
        let actor = try context.actor(for: store).name
        let conversation = TerminalConversation()
        defer { conversation.restore() }
        var decisions = ReviewDecisions()
        var index = 0
        conversation.say(context.style.apply(.strong, issue.heading) + "\n"
            + "\(TextLayout.plural(pendingItems.count, "item")) pending; ? for help.\n")
        walking: while index < pendingItems.count {
            let item = pendingItems[index]
            conversation.say("\n" + item.block(linkCheck: checks[item.id], provenance: provenance[item.id], style: context.style)
                + "\n")
            if let note = decisions.notes[item.id] { conversation.say("     your note: \(note)\n") }
            conversation.say("(\(index + 1)/\(pendingItems.count)) [a]pprove [r]eject [d]efer [s]kip [n]ote [o]pen link "
                + "[q]uit [?] > ")
            switch conversation.key() {
            case .interrupt:
                conversation.say("\n")
                return .confirmation("Stopped; nothing was recorded.\n",
                                     json: .object([("issue", .integer(number)), ("recorded", .bool(false))]))
            case .character(let key):
                conversation.say("\(key)\n")
                switch key {
                case "a":
                    // The store's own rule (anyone who added or edited it at any point), said before it would refuse.
                    if settings.fourEyes, try store.contributors(of: item).contains(actor) {
                        conversation.say("You added or last edited item \(item.id); with four-eyes review someone else "
                            + "approves it. Skip it, or reject or defer it.\n")
                        continue walking
                    }
                    decisions.approve.append(item.id)
                    index += 1
                case "r":
                    if decisions.notes[item.id] == nil, let note = ask("Why is it rejected? (a note for item \(item.id), "
                        + "Return for none) > ", conversation), !note.isEmpty {
                        decisions.notes[item.id] = note
                    }
                    decisions.reject.append(item.id)
                    index += 1
                case "d":
                    decisions.notes[item.id] = nil
                    decisions.deferred.append(item.id)
                    index += 1
                case "s":
                    index += 1
                case "n":
                    if let note = ask("Note for item \(item.id) > ", conversation) {
                        decisions.notes[item.id] = note.isEmpty ? nil : note
                    }
                case "o":
                    conversation.say(open(item.fields.url, context: context))
                case "q":
                    break walking
                default:
                    conversation.say(walkHelp)
                }
            }
        }
        // A note kept for an item that was in the end skipped goes with no decision.
        let decided = Set(decisions.approve + decisions.reject)
        decisions.notes = decisions.notes.filter { decided.contains($0.key) }
        if decisions.isEmpty {
            return .confirmation("No decision made; nothing changed.\n",
                                 json: .object([("issue", .integer(number)), ("recorded", .bool(false))]))
        }
        return try record(decisions, number, invocation, context)
    }

    /// A line of text for a note, held to the rules of `--note`; nil when
    /// the input ended.
    private static func ask(_ question: String, _ conversation: TerminalConversation) -> String? {
        while true {
            conversation.say(question)
            guard let answer = conversation.line() else { return nil }
            let text = TextRules.note.normalise(answer)
            guard let problem = TextRules.note.problem(with: text) else { return text }
            conversation.say("That note cannot be kept: \(problem.reason); \(problem.fix).\n")
        }
    }

    /// Opens the link in the browser (`$BROWSER`, else `xdg-open`) and says so.
    private static func open(_ url: String?, context: Context) -> String {
        guard let url else { return "Item has no link yet.\n" }
        let browser = context.environment["BROWSER"].flatMap { $0.isEmpty ? nil : $0 } ?? "xdg-open"
        let program = browser.contains("/") ? browser
            : (context.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/\(browser)" }
                .first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let program, FileManager.default.isExecutableFile(atPath: program) else {
            return "Cannot open \(url): \(browser) was not found (set BROWSER to a browser).\n"
        }
        guard let run = try? Companion.run(program, [url], input: nil), run.status == 0 else {
            return "Cannot open \(url) with \(browser).\n"
        }
        return "Opened \(url).\n"
    }
}
