import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow

enum HistoryCommand: Command {
    static let spec = CommandSpec(
        name: "history",
        abstract: "List an issue's revisions: version, time, who (and how digest knew), what.",
        discussion: "IDENTITY says how the actor was established: declared (named with --as or DIGEST_USER, "
            + "an honour system), account (the system account that ran digest) or server (named by "
            + "'digest serve').",
        arguments: [ArgumentSpec(name: "ISSUE", help: "The issue number.")],
        examples: ["digest history 3", "digest show 3 --version 2", "digest diff 3 2 5"],
        pages: true)

    static func run(_ invocation: Invocation, _ context: Context) throws -> CommandResult {
        let number = try invocation.number(at: 0)
        let store = try context.openStore(writing: false)
        let (revisions, sends) = try store.read { (try store.history(of: number), try store.sends(of: number)) }
        var rows: [[String]] = [["VERSION", "AT", "ACTOR", "IDENTITY", "ACTION", "WHAT"]]
        for revision in revisions {
            var what = revision.summary
            if let message = revision.message { what += " — \(message)" }
            rows.append([String(revision.version), revision.at, revision.actor, revision.identity, revision.action, what])
        }
        var text = TextLayout.table(rows)
        // Sending is not a revision (the issue does not change), so sends are listed after the revisions.
        if !sends.isEmpty {
            var sendRows: [[String]] = [["EDITION", "SENT", "BY", "TO"]]
            for send in sends {
                sendRows.append([String(send.edition), send.sentAt, send.sentBy, send.recipients.joined(separator: ", ")])
            }
            text += "\nSENDS\n" + TextLayout.table(sendRows)
        }
        return .data(text, json: .object([("revisions", .array(revisions.map(\.json))),
                                          ("sends", .array(sends.map(\.json)))]))
    }
}
