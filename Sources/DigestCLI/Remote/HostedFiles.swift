import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow
import Foundation

/// The files of a command served for a client: every read and write is a
/// request over the connection, answered by the client with its own files
/// (through `LocalFiles`, so they behave exactly as a local run's would).
///
/// Everything the command will read (input files, template folders) is
/// asked for by `gather` before the command starts, so no command waits on
/// a client while it holds the database's write lock: a client that stops
/// answering stops only its own command. Writes go to the client after the
/// command's transaction, as they do locally.
final class HostedFiles: CommandFiles {
    private let channel: MessageChannel
    private var gathered: [String: [UInt8]] = [:]
    private var gatheredTemplates: [String: TemplateSet] = [:]
    private var folders: [String: Bool] = [:]

    init(channel: MessageChannel) {
        self.channel = channel
    }

    func gather(for invocation: Invocation) throws {
        let named = FileGrants(invocation)
        for path in named.inputs.sorted() {
            gathered[path] = try ask("read", [("path", .string(path))], expecting: "data").payload
        }
        for folder in named.templateFolders.sorted() {
            gatheredTemplates[folder] = try askTemplates(in: folder)
        }
        for path in named.outputs.sorted() where path != "-" {
            folders[path] = try askIsFolder(path)
        }
    }

    func isFolder(_ path: String) throws -> Bool {
        try folders[path] ?? askIsFolder(path)
    }

    private func askIsFolder(_ path: String) throws -> Bool {
        try ask("describe", [("path", .string(path))], expecting: "described")["folder"] == .bool(true)
    }

    /// Only what `gather` read: a read of anything else is a bug, never a trip to the client.
    func read(_ path: String) throws -> [UInt8] {
        guard let bytes = gathered[path] else {
            throw DigestError.internalError("the command read \(path), which its command line does not name. This is a bug; please report it.")
        }
        return bytes
    }

    func templates(in folder: String) throws -> TemplateSet {
        guard let set = gatheredTemplates[folder] else {
            throw DigestError.internalError("the command read templates in \(folder), which its command line does not name. "
                + "This is a bug; please report it.")
        }
        return set
    }

    private func askTemplates(in folder: String) throws -> TemplateSet {
        let answer = try ask("templates", [("path", .string(folder))], expecting: "templates")
        var overrides: [(name: String, source: TemplateSource)] = []
        for file in answer["files"]?.arrayValue ?? [] {
            guard let name = file["name"]?.stringValue, let path = file["file"]?.stringValue,
                  let text = file["text"]?.stringValue else {
                throw DigestError.protocolMismatch("the client sent a template without its name, file or text.")
            }
            overrides.append((name, TemplateSource(text: text, file: path)))
        }
        let warnings = (answer["warnings"]?.arrayValue ?? []).compactMap(\.stringValue)
        return TemplateSet(overrides: overrides, warnings: warnings)
    }

    func makeFolder(_ path: String) throws {
        _ = try ask("make-folder", [("path", .string(path))], expecting: "done")
    }

    func write(_ text: String, to path: String, durable: Bool, onlyIfChanged: Bool) throws -> Bool {
        let answer = try ask("write", [("path", .string(path)), ("durable", .bool(durable)), ("if_changed", .bool(onlyIfChanged))],
                             payload: Array(text.utf8), expecting: "written")
        return answer["changed"] == .bool(true)
    }

    /// The copy is made and checked here, in a private temporary file, then
    /// sent; the client checks it again before it takes the place of `path`.
    func saveDatabaseCopy(to path: String, make: (String) throws -> Void) throws -> Int {
        let folder = FileManager.default.temporaryDirectory.path
        let temporary = folder + "/digest-copy-\(getpid())-\(UInt64.random(in: .min ... .max))"
        let created = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard created >= 0 else {
            throw DigestError.cannotWrite("cannot make a temporary copy in \(folder) on the host: \(String(cString: strerror(errno))).")
        }
        close(created)
        defer { for suffix in ["", "-journal"] { unlink(temporary + suffix) } }
        try make(temporary)
        try DigestStore.verifyCopy(at: temporary, shownAs: path)
        guard let bytes = FileManagerReader.read(temporary) else {
            throw DigestError.cannotWrite("cannot read back the temporary copy \(temporary) on the host.")
        }
        let answer = try ask("write-database", [("path", .string(path))], payload: bytes, expecting: "written")
        return answer["size"]?.intValue ?? bytes.count
    }

    private func ask(_ type: String, _ members: [(String, JSONValue)], payload: [UInt8] = [],
                     expecting reply: String) throws -> MessageChannel.Message {
        do {
            try channel.send(type, members, payload: payload)
            let answer = try channel.receive()
            switch answer.type {
            case reply:
                return answer
            case "failure":
                throw DigestError(exitCode: answer["exit_code"]?.intValue ?? 70,
                                  message: answer["message"]?.stringValue ?? "the client could not do it.")
            default:
                throw DigestError.protocolMismatch("the client answered '\(answer.type)' to '\(type)'.")
            }
        } catch MessageChannel.Failure.closed {
            throw DigestError.unavailable("the client went away before the command was done; nothing more was changed.")
        } catch MessageChannel.Failure.malformed(let what) {
            throw DigestError.protocolMismatch("the client sent \(what).")
        } catch MessageChannel.Failure.silent(let seconds) {
            throw DigestError.unavailable("the client sent nothing for \(seconds) seconds and was cut off; nothing was changed.")
        }
    }
}
