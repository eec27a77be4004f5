import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow
import Foundation

/// Runs a command against an `ssh://` database: sends the command line to
/// `digest serve` on the host, answers its requests for the files the
/// command line names (only those: `FileGrants`), and gives back the host's
/// outcome as its own, so output, `--json` and exit codes are the same as a
/// local run's.
struct RemoteClient {
    let location: RemoteLocation
    let environment: [String: String]
    let standardInput: () -> [UInt8]

    func run(arguments: [String], invocation: Invocation, json: Bool) -> CLI.Outcome {
        do {
            return try converse(arguments: arguments, invocation: invocation)
        } catch {
            return CLI.failure(error, json: json)
        }
    }

    private func converse(arguments: [String], invocation: Invocation) throws -> CLI.Outcome {
        guard invocation.spec.name != "serve" else {
            throw DigestError.refused("'serve' runs on the host, started by sshd, with --db naming a file there.")
        }
        let grants = FileGrants(invocation)
        let local = LocalFiles(standardInput: standardInput)
        let connection = try SSHConnection(to: location, environment: environment)
        let channel = connection.channel
        var greeted = false
        do {
            try channel.send("run", ServeProtocol.identity + [
                ("database", .string(location.path)), ("arguments", .array(arguments.map(JSONValue.string))),
            ])
            let hello = try channel.receive()
            greeted = true
            guard hello.type == "hello" else {
                throw DigestError.protocolMismatch("\(location.display) answered a '\(hello.type)' message instead of "
                    + "digest serve's hello; does the key's forced command run 'digest serve --stdio'?")
            }
            if let mismatch = ServeProtocol.mismatch(hello, side: "the host \(location.display)") {
                throw DigestError.protocolMismatch(mismatch)
            }
            while true {
                let message = try channel.receive()
                switch message.type {
                case "result":
                    let outcome = try Self.outcome(of: message)
                    _ = connection.finish()
                    return outcome
                case "error":
                    throw DigestError(exitCode: message["exit_code"]?.intValue ?? 76,
                                      message: "the host \(location.display) refused the request: "
                                        + (message["message"]?.stringValue ?? "no reason given."))
                default:
                    try answer(message, on: channel, grants: grants, local: local)
                }
            }
        } catch MessageChannel.Failure.closed {
            let (status, said) = connection.finish()
            let ssh = said.isEmpty ? "" : ": " + said
            if greeted {
                throw DigestError.unavailable("the connection to \(location.display) ended before the command finished"
                    + ssh + ". On the host it was done wholly or not at all; 'digest history' or 'digest list' shows which.")
            }
            if status == 255 {
                throw DigestError.unavailable("cannot reach \(location.display) through ssh" + (said.isEmpty ? "." : ": " + said))
            }
            throw DigestError.unavailable("digest serve did not answer on \(location.display) (ssh ended with status "
                + "\(status)\(ssh)); is digest installed there, and does the key's forced command run 'digest serve --stdio'?")
        } catch MessageChannel.Failure.silent(let seconds) {
            _ = connection.finish()
            throw DigestError.unavailable("\(location.display) sent nothing for \(seconds) seconds; the connection was closed.")
        } catch MessageChannel.Failure.malformed(let what) {
            _ = connection.finish()
            throw DigestError.protocolMismatch("\(location.display) sent \(what), which is not the digest-serve protocol; "
                + "does the key's forced command run 'digest serve --stdio' (and print nothing else)?")
        } catch {
            _ = connection.finish()
            throw error
        }
    }

    private static func outcome(of message: MessageChannel.Message) throws -> CLI.Outcome {
        guard let code = message["exit_code"]?.intValue, let outCount = message["stdout"]?.intValue,
              let errCount = message["stderr"]?.intValue, outCount >= 0, errCount >= 0,
              outCount + errCount == message.payload.count else {
            throw MessageChannel.Failure.malformed("a result whose sizes do not add up")
        }
        let payload = message.payload
        return CLI.Outcome(exitCode: Int32(truncatingIfNeeded: code),
                           standardOutput: String(decoding: payload[0..<outCount], as: UTF8.self),
                           standardError: String(decoding: payload[outCount...], as: UTF8.self))
    }

    /// Does what the host asks with this machine's files, when the command
    /// line named them, and says how it went.
    private func answer(_ message: MessageChannel.Message, on channel: MessageChannel, grants: FileGrants,
                        local: LocalFiles) throws {
        let path = try message.string("path")
        do {
            switch message.type {
            case "read":
                guard grants.mayRead(path) else { throw FileGrants.refusal("read", path) }
                try channel.send("data", payload: try local.read(path))
            case "templates":
                guard grants.mayReadTemplates(path) else { throw FileGrants.refusal("read the templates in", path) }
                let set = try local.templates(in: path)
                let files: [JSONValue] = set.overridden.compactMap { name in
                    set.source(named: name).map { source in
                        .object([("name", .string(name)), ("file", .string(source.file)), ("text", .string(source.text))])
                    }
                }
                try channel.send("templates", [("files", .array(files)), ("warnings", .array(set.warnings.map(JSONValue.string)))])
            case "describe":
                guard grants.mayDescribe(path) else { throw FileGrants.refusal("look at", path) }
                try channel.send("described", [("folder", .bool(try local.isFolder(path)))])
            case "make-folder":
                guard grants.mayMakeFolder(path) else { throw FileGrants.refusal("create the folder", path) }
                try local.makeFolder(path)
                try channel.send("done")
            case "write":
                guard grants.mayWrite(path) else { throw FileGrants.refusal("write", path) }
                let changed = try local.write(String(decoding: message.payload, as: UTF8.self), to: path,
                                              durable: message["durable"] != .bool(false),
                                              onlyIfChanged: message["if_changed"] == .bool(true))
                try channel.send("written", [("changed", .bool(changed))])
            case "write-database":
                guard grants.mayWrite(path) else { throw FileGrants.refusal("write", path) }
                let size = try local.saveDatabaseCopy(to: path) { temporary in
                    do {
                        try Data(message.payload).write(to: URL(fileURLWithPath: temporary))
                    } catch {
                        throw DigestError.cannotWrite("cannot write \(path): \(error.localizedDescription).")
                    }
                }
                try channel.send("written", [("size", .integer(size))])
            default:
                throw MessageChannel.Failure.malformed("a request '\(message.type)' that this digest does not know")
            }
        } catch let failure as MessageChannel.Failure {
            throw failure
        } catch {
            try channel.send("failure", DigestError.wire(error))
        }
    }
}
