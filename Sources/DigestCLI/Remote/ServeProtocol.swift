import DigestModel
import DigestRendering
import DigestWorkflow

/// The conversation between `digest` on a client and `digest serve --stdio`
/// on the host, version 1 (messages as `MessageChannel` frames them):
///
/// 1. The host says who it is at once:
///    `{"type":"hello","protocol":"digest-serve","version":1,"digest":"1.0.0"}`.
/// 2. The client sends one request:
///    `{"type":"run","protocol":"digest-serve","version":1,"digest":…,"database":"/srv/harbour.sqlite","arguments":[…]}`.
/// 3. While the command runs, the host asks for the files its command line
///    names, and the client answers each request:
///    `read` (path) → `data` + bytes; `templates` (path) → `templates` (files, warnings);
///    `describe` (path) → `described` (folder: whether the named output is a folder);
///    `make-folder` (path) → `done`; `write` (path, durable, if_changed) + bytes → `written` (changed);
///    `write-database` (path) + bytes → `written` (size). Any of them may be answered with
///    `failure` (exit_code, message) instead.
/// 4. The host answers `result` (exit_code, stdout: N, stderr: M) + N + M bytes,
///    or `error` (exit_code, message) when it cannot run the request at all.
///
/// Any message whose payload is over 64 MiB travels as `part` frames first
/// (`MessageChannel`). Everything a command reads on the client is asked for
/// before the command starts.
///
/// A session may hold several requests; it ends when the client closes its side.
enum ServeProtocol {
    static let name = "digest-serve"
    static let version = 1

    /// `hello` and `run` both carry these.
    static var identity: [(String, JSONValue)] {
        [("protocol", .string(name)), ("version", .integer(version)), ("digest", .string(CLI.version))]
    }

    /// Nil when the other end speaks this version; else the sentence that
    /// says who speaks what (`side` is "the host" or "the client").
    static func mismatch(_ message: MessageChannel.Message, side: String) -> String? {
        let theirs = message["version"]?.intValue
        let theirDigest = message["digest"]?.stringValue.map { " (digest \($0))" } ?? ""
        if message["protocol"]?.stringValue == name, theirs == version { return nil }
        let spoken = message["protocol"]?.stringValue == name
            ? "\(name) protocol version \(theirs.map(String.init) ?? "unknown")\(theirDigest)"
            : "no \(name) protocol"
        return "\(side) speaks \(spoken), and this digest speaks \(name) protocol version \(version) "
            + "(digest \(CLI.version)); install the same digest version on the host and on the client."
    }
}

extension DigestError {
    /// A failure that crossed the connection as its exit code and message.
    init(exitCode: Int, message: String) {
        switch exitCode {
        case 1: self = .refused(message)
        case 64: self = .usage(message, command: nil)
        case 65: self = .malformed(message)
        case 66: self = .notFound(message)
        case 69: self = .unavailable(message)
        case 73: self = .cannotWrite(message)
        case 75: self = .busy(message)
        case 76: self = .protocolMismatch(message)
        case 77: self = .notPermitted(message)
        case 78: self = .incompatibleDatabase(message)
        default: self = .internalError(message)
        }
    }

    /// Any error as a `failure` message's members.
    static func wire(_ error: Error) -> [(String, JSONValue)] {
        let failure = error as? DigestError ?? .internalError("an unexpected error: \(error). This is a bug; please report it.")
        return [("exit_code", .integer(Int(failure.exitCode))), ("message", .string(failure.sentence))]
    }
}
