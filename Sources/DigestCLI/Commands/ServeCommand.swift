import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow
import Foundation

enum ServeCommand: Command {
    static let spec = CommandSpec(
        name: "serve",
        abstract: "Serve the database to digest on other machines, over standard input and output (for sshd).",
        discussion: "Meant to be started by sshd, typically as a forced command in authorized_keys:\n"
            + "  command=\"digest serve --stdio --db /srv/harbour.sqlite --user theo\",restrict ssh-ed25519 AAAA… theo@laptop\n"
            + "Clients then use --db ssh://[user@]host[:port]/srv/harbour.sqlite, and every command works as it does "
            + "locally; the files their command lines name are read and written on the client. With --user, that "
            + "name is the actor whatever the client sends (one account, one key per person); without it, the account "
            + "sshd logged in. A client's --as naming anyone else is refused (77). With --db, only that database is "
            + "served. Every file a command reads on the client is read before the command starts, so no client "
            + "holds the database while it answers; a client that sends nothing for --client-timeout seconds is cut "
            + "off. A frame of the protocol carries at most 64 MiB and a message at most 1 GiB; anything larger or "
            + "malformed ends the conversation with 76. Settings that name a program or a path on the host "
            + "(mail.command, templates) cannot be changed through serve.",
        options: [
            .flag("stdio", "Speak the digest-serve protocol on standard input and output (the only way it serves)."),
            .value("user", "NAME", "The person every request acts as (default: the account running serve)."),
            .value("client-timeout", "SECONDS", "How long to wait for the client's next byte before cutting it off (default 60)."),
        ],
        examples: ["digest serve --stdio --db /srv/harbour.sqlite --user theo"])

    static func run(_ invocation: Invocation, _ context: Context) throws -> CommandResult {
        guard !context.isServed else {
            throw DigestError.refused("'serve' runs on the host, started by sshd; it cannot be served itself.")
        }
        guard invocation.has("stdio") else {
            throw invocation.usageError("serve speaks only over standard input and output: say --stdio.")
        }
        let actor: String
        if let user = invocation.value("user") {
            let trimmed = user.trimmingSpaces()
            if let problem = PersonName.problem(with: trimmed) {
                throw DigestError.invalid([ValidationProblem(field: "--user", value: user, reason: problem.reason,
                                                             fix: problem.fix)])
            }
            actor = trimmed
        } else {
            guard let account = SystemUser.name else {
                throw DigestError.notPermitted("the account running serve (uid \(getuid())) has no name; give one with --user NAME.")
            }
            actor = account
        }
        var server = CommandServer(database: context.explicitDatabasePath, actor: actor, environment: context.environment)
        if let seconds = try invocation.number(option: "client-timeout") {
            guard (1...86_400).contains(seconds) else {
                throw DigestError.invalid([ValidationProblem(field: "--client-timeout", value: String(seconds),
                                                             reason: "it is not between 1 and 86400 seconds",
                                                             fix: "give a number of seconds such as 60")])
            }
            server.patience = seconds
        }
        let code = server.serve(input: STDIN_FILENO, output: STDOUT_FILENO)
        var result = CommandResult.data("", json: .null)
        result.exitCode = code
        return result
    }
}
