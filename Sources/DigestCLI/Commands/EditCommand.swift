import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow
import Foundation

/// `digest edit ISSUE`: the whole issue in the user's editor as a text
/// document, applied on save as one revision, as `git commit` and `kubectl
/// edit` open `$EDITOR` on a text to change.
enum EditCommand: Command {
    static let spec = CommandSpec(
        name: "edit",
        abstract: "Edit the whole issue in your editor: its fields, and its items as blocks; saved as one revision.",
        discussion: "Opens $VISUAL, else $EDITOR, else vi, on the issue as text: its date, title and preheader, "
            + "its intro, then one block per item. Change fields, reorder blocks to reorder items, delete a block "
            + "to remove its item and add a block starting '=== new' to add one (drafts only: in review the set of "
            + "items is closed). On save everything is checked by the rules of the other commands and applied as "
            + "one revision, or nothing: at a terminal the editor opens again with the problems at the top; "
            + "elsewhere they are printed (65). A file saved unchanged, or emptied, changes nothing. If someone "
            + "else changed the issue meanwhile, nothing is applied (75) and your text is kept in a file whose "
            + "name is printed. An edited item that was decided is pending again.",
        arguments: [ArgumentSpec(name: "ISSUE", help: "The issue number.")],
        examples: ["digest edit 4", "EDITOR=nano digest edit 4"],
        changesIssue: true)

    static func run(_ invocation: Invocation, _ context: Context) throws -> CommandResult {
        let number = try invocation.number(at: 0)
        guard !context.isServed else {
            throw invocation.usageError("edit opens an editor, which a command run through ssh:// cannot reach; "
                + "edit on the host, or use edit-issue, edit-item, add-item, remove-item and move-item.")
        }
        let store = try context.openStore(writing: true)
        let issue = try store.issue(number)
        guard issue.status != .published else {
            throw DigestError.workflow(.wrongStage(issue: number, status: issue.status, edition: issue.edition, action: "edit"))
        }
        if let expected = try invocation.number(option: "expect-version"), expected != issue.version {
            throw DigestError.workflow(.versionConflict(issue: number, expected: expected, actual: issue.version))
        }
        let original = IssueText.render(issue)
        let file = FileManager.default.temporaryDirectory.path + "/digest-edit-\(number)-\(UUID().uuidString.prefix(8)).txt"
        var text = original
        var keepFile = false
        defer { if !keepFile { try? FileManager.default.removeItem(atPath: file) } }
        let interactive = context.terminal.standardInputIsTerminal && context.terminal.standardOutputIsTerminal
        while true {
            try AtomicFile.write(text, to: file, durable: false)
            chmod(file, 0o600)
            try runEditor(on: file, environment: context.environment)
            guard let saved = FileManagerReader.read(file).map({ String(decoding: $0, as: UTF8.self) }) else {
                throw DigestError.cannotWrite("cannot read back \(file) after the editor.")
            }
            if IssueText.isEmpty(saved) {
                return .confirmation("The file was emptied: edit aborted, nothing changed.\n",
                                     json: .object([("issue", .integer(number)), ("changed", .bool(false))]))
            }
            if IssueText.content(saved) == IssueText.content(original) {
                return .confirmation("Nothing changed: issue \(number) stays at version \(issue.version).\n",
                                     json: .object([("issue", .integer(number)), ("changed", .bool(false))]))
            }
            var request = try context.request(invocation, store)
            request.expectedVersion = issue.version
            do {
                let edit = try IssueText.parse(saved)
                let outcome = try store.applyEdit(edit, to: number, request: request)
                guard outcome.changed else {
                    return .confirmation("Nothing changed: issue \(number) stays at version \(issue.version).\n",
                                         json: .object([("issue", .integer(number)), ("changed", .bool(false))]))
                }
                return .confirmation("Issue \(number) is at version \(outcome.version): "
                    + (try store.history(of: number).last?.summary ?? "edited") + ".\n",
                    json: .object([("issue", .object(outcome.value.headJSON)), ("changed", .bool(true))]))
            } catch DigestError.workflow(.versionConflict(_, _, let actual)) {
                keepFile = true
                try AtomicFile.write(saved, to: file, durable: true)
                throw DigestError.busy("issue \(number) changed while you edited it (it is at version \(actual) now, "
                    + "not \(issue.version)); nothing was applied. Your text is kept in \(file): see "
                    + "'digest history \(number)', then run 'digest edit \(number)' again and bring your changes over.")
            } catch let error as DigestError {
                guard interactive, case .invalid(let problems) = error else { throw error }
                // Open the editor again on the same text, the problems on top.
                text = IssueText.withProblems(problems.map(\.description), saved)
            }
        }
    }

    /// Runs `$VISUAL`, else `$EDITOR`, else `vi` on `file` at this terminal
    /// (read by the shell, as git runs it, so it may carry options).
    private static func runEditor(on file: String, environment: [String: String]) throws {
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", editor + " \"$1\"", "sh", file]
        process.environment = environment
        do {
            try process.run()
        } catch {
            throw DigestError.unavailable("cannot start the editor '\(editor)': \(error.localizedDescription).")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw DigestError.unavailable("the editor '\(editor)' ended with status \(process.terminationStatus); "
                + "nothing changed.")
        }
    }
}
