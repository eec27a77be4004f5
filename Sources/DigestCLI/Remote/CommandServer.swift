import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow
import Foundation

/// `digest serve --stdio`: runs the requests of one client, read from
/// standard input and answered on standard output, as sshd starts it.
///
/// Each request runs through the same parsing and command code as a local
/// command (`CLI.run`), with the database and the actor fixed by the host,
/// and the command line's files reached on the client. A request is read in
/// full before its command starts, and every changing command is one
/// transaction, so a client that goes away (Ctrl-C, a dropped connection)
/// leaves each command wholly done or not done.
struct CommandServer {
    /// `--db` on the host: the only database this server serves. Nil lets
    /// the client name it (an account of one's own, no forced command).
    let database: String?
    /// Who acts: `--user`, else the account sshd logged in.
    let actor: String
    let environment: [String: String]
    /// Seconds the host waits for the next byte from the client before it
    /// cuts the connection (`serve --client-timeout`).
    var patience = CommandServer.defaultPatience

    static let defaultPatience = 60

    /// Serves until the client closes the connection; returns the exit code.
    func serve(input: Int32, output: Int32) -> Int32 {
        // A client that vanished shows as a failed write, not a fatal signal.
        signal(SIGPIPE, SIG_IGN)
        let channel = MessageChannel(reading: input, writing: output, patience: patience)
        do throws(MessageChannel.Failure) {
            try channel.send("hello", ServeProtocol.identity)
            while true {
                let request: MessageChannel.Message
                do throws(MessageChannel.Failure) {
                    request = try channel.receive()
                } catch {
                    if case .closed = error { return 0 }
                    throw error
                }
                guard request.type == "run" else {
                    throw .malformed("a '\(request.type)' message where a 'run' request belongs")
                }
                if let mismatch = ServeProtocol.mismatch(request, side: "the client") {
                    return refuse(mismatch, on: channel)
                }
                let outcome = run(request, channel: channel)
                let out = Array(outcome.standardOutput.utf8), err = Array(outcome.standardError.utf8)
                try channel.send("result", [("exit_code", .integer(Int(outcome.exitCode))), ("stdout", .integer(out.count)),
                                            ("stderr", .integer(err.count))], payload: out + err)
            }
        } catch {
            switch error {
            case .closed:
                return 69
            case .silent:
                // Nothing is held while a client is silent: its command, if
                // any, was refused before it started to change anything.
                return 69
            case .malformed(let what):
                return refuse("digest serve received \(what).", on: channel)
            }
        }
    }

    /// Ends the conversation with 76: said to the client in the protocol, and
    /// on standard error for whoever reads the host's logs (sshd passes it to
    /// the client's ssh too).
    private func refuse(_ message: String, on channel: MessageChannel) -> Int32 {
        try? channel.send("error", [("exit_code", .integer(76)), ("message", .string(message))])
        StandardStream.error.write("digest: error: \(message)\n")
        return 76
    }

    private func run(_ request: MessageChannel.Message, channel: MessageChannel) -> CLI.Outcome {
        let arguments = (request["arguments"]?.arrayValue ?? []).compactMap(\.stringValue)
        let json = ArgumentParser.presentation(of: arguments).json
        let requested = request["database"]?.stringValue ?? ""
        if let database, requested != database {
            return CLI.failure(DigestError.notPermitted("this connection serves the database \(database) only, "
                + "not \(requested); use ssh://…\(database)."), json: json)
        }
        guard requested.hasPrefix("/") || database != nil else {
            return CLI.failure(DigestError.usage("the database path on the host must be absolute, not '\(requested)'.",
                                                 command: nil), json: json)
        }
        return CLI.run(arguments: arguments, environment: environment,
                       served: CLI.Served(actor: actor, database: database ?? requested, files: HostedFiles(channel: channel)),
                       standardInput: { [] })
    }
}
