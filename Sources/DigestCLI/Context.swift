import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow

/// What every command runs with: the global options, the environment, the
/// input, and the warnings it gathers.
final class Context {
    let environment: [String: String]
    let json: Bool
    let quiet: Bool
    private let databaseOption: String?
    private let actorOption: String?
    /// The person a server authenticated (`digest serve --user NAME`, else
    /// the account sshd logged in): when set, nobody else can be named.
    private let forcedActor: String?
    /// The database a server serves, whatever `--db` said on the client.
    private let servedDatabase: String?
    /// The files named on the command line: this machine's, or the client's
    /// when the command is served through ssh.
    let files: CommandFiles
    private(set) var warnings: [String] = []
    let terminal: Terminal
    /// Colour for standard output (plain unless it is a terminal that wants it).
    let style: TextStyle

    init(globals: [String: [String]], flags: Set<String>, environment: [String: String],
         forcedActor: String? = nil, servedDatabase: String? = nil, files: CommandFiles? = nil,
         standardInput: @escaping () -> [UInt8], terminal: Terminal = .none) {
        self.environment = environment
        self.json = flags.contains("json")
        self.quiet = flags.contains("quiet")
        self.databaseOption = globals["db"]?.last
        self.actorOption = globals["as"]?.last
        self.forcedActor = forcedActor
        self.servedDatabase = servedDatabase
        self.files = files ?? LocalFiles(standardInput: standardInput)
        self.terminal = terminal
        self.style = TextStyle.choose(option: globals["color"]?.last, environment: environment,
                                      isTerminal: terminal.standardOutputIsTerminal, json: json)
    }

    /// A progress line for long work, shown only when standard error is a terminal.
    func progress(_ label: String, unit: String, total: Int?) -> ProgressLine? {
        guard terminal.standardErrorIsTerminal else { return nil }
        return ProgressLine(label: label, unit: unit, total: total) { text in
            StandardStream.error.write(text)
        }
    }

    /// Whether the command runs inside `digest serve` for a client.
    var isServed: Bool { servedDatabase != nil }

    /// `--db`, else `$DIGEST_DB`, when either names one.
    var explicitDatabasePath: String? {
        if let databaseOption, !databaseOption.isEmpty { return databaseOption }
        if let fromEnvironment = environment["DIGEST_DB"], !fromEnvironment.isEmpty { return fromEnvironment }
        return nil
    }

    /// `--db`, else `$DIGEST_DB`, else `./digest.sqlite`.
    var databasePath: String {
        if let servedDatabase { return servedDatabase }
        if let databaseOption, !databaseOption.isEmpty { return databaseOption }
        if let fromEnvironment = environment["DIGEST_DB"], !fromEnvironment.isEmpty { return fromEnvironment }
        return "digest.sqlite"
    }

    /// Who acts, and how digest knows: the one place an actor is decided.
    ///
    /// - A server that authenticated the person names them (`server`); `--as`
    ///   naming anyone else is refused.
    /// - `identity` = `account`: the system account running digest, from the
    ///   effective uid; `--as` or `$DIGEST_USER` naming anyone else is refused.
    /// - `identity` = `declared`: `--as`, else `$DIGEST_USER`, else the
    ///   account name — the person's own word.
    func actor(mode: IdentityMode) throws -> (name: String, identity: IdentityBasis) {
        let declared = [(actorOption, "--as"), (environment["DIGEST_USER"], "DIGEST_USER")]
            .compactMap { value, origin in value.flatMap { $0.isEmpty ? nil : (value: $0.trimmingSpaces(), origin: origin) } }
        if let name = try servedActor() { return (name, .server) }
        switch mode {
        case .account:
            guard let account = SystemUser.name else {
                throw DigestError.notPermitted("identity is account in this database, and the system account running "
                    + "digest (uid \(SystemUser.uid)) has no name; run digest from an account with a name.")
            }
            let name = try checkedName(account, origin: "the system account")
            if let other = declared.first(where: { $0.value != name }) {
                throw DigestError.notPermitted("identity is account in this database: digest acts as the system "
                    + "account running it (\(name)), and \(other.origin) names \(other.value). To act as "
                    + "\(other.value), run digest from that account; otherwise leave out \(other.origin).")
            }
            return (name, .account)
        case .declared:
            if let first = declared.first {
                return (try checkedName(first.value, origin: first.origin), .declared)
            }
            guard let account = SystemUser.name else {
                throw CLIError.usage("digest cannot tell who you are; say it with --as NAME "
                    + "(or set DIGEST_USER).", command: nil)
            }
            return (try checkedName(account, origin: "the system account"), .declared)
        }
    }

    /// The person a server authenticated, if it did; `--as` naming anyone
    /// else is refused, for reads as well as changes.
    func servedActor() throws -> String? {
        guard let forcedActor else { return nil }
        let name = try checkedName(forcedActor, origin: "--user")
        if let option = actorOption, !option.isEmpty, option.trimmingSpaces() != name {
            throw DigestError.notPermitted("this server acts for \(name) only; --as \(option.trimmingSpaces()) "
                + "names someone else. Leave out --as.")
        }
        return name
    }

    /// The actor for a command on `store`, by the database's identity mode.
    func actor(for store: DigestStore) throws -> (name: String, identity: IdentityBasis) {
        try actor(mode: try store.settings.identityMode)
    }

    private func checkedName(_ name: String, origin: String) throws -> String {
        let trimmed = name.trimmingSpaces()
        if let problem = PersonName.problem(with: trimmed) {
            throw DigestError.invalid([ValidationProblem(field: origin, value: name, reason: problem.reason,
                                                         fix: problem.fix)])
        }
        return trimmed
    }

    /// Who asks for a change to `store`, with `--expect-version` and `--message`.
    func request(_ invocation: Invocation, _ store: DigestStore) throws -> ChangeRequest {
        var message: String?
        if let text = invocation.value("message") {
            let normalised = TextRules.note.normalise(text)
            if let problem = TextRules.note.problem(with: normalised) {
                throw DigestError.invalid([ValidationProblem(field: "--message", value: text,
                                                             reason: problem.reason, fix: problem.fix)])
            }
            message = normalised.isEmpty ? nil : normalised
        }
        let actor = try actor(for: store)
        return ChangeRequest(actor: actor.name, identity: actor.identity,
                             expectedVersion: try invocation.number(option: "expect-version"), message: message)
    }

    /// Who asks for a change that has no `--expect-version` or `--message`.
    func request(_ store: DigestStore) throws -> ChangeRequest {
        let actor = try actor(for: store)
        return ChangeRequest(actor: actor.name, identity: actor.identity)
    }

    func openStore(writing: Bool) throws -> DigestStore {
        try DigestStore.open(at: databasePath, forWriting: writing, environment: environment)
    }

    func warn(_ message: String) {
        warnings.append(message)
    }

    /// The bytes of a file argument, `-` meaning standard input.
    func readInput(_ path: String) throws -> [UInt8] {
        try files.read(path)
    }

    /// A file argument to read a piece at a time, `-` meaning standard input.
    func inputChunks(_ path: String) throws -> LineChunks {
        try files.chunks(path)
    }

    /// A progress line counting the lines of `input`, which it counts
    /// first (only on a terminal: it costs a read of the input).
    func lineProgress(_ label: String, unit: String, of input: LineChunks) throws -> ProgressLine? {
        guard terminal.standardErrorIsTerminal else { return nil }
        var lines = 0
        while let chunk = try input.next() {
            lines += chunk.bytes.reduce(into: 0) { count, byte in if byte == 0x0A { count += 1 } }
            if chunk.isLast, chunk.bytes.last != 0x0A { lines += 1 }
        }
        try input.rewind()
        return progress(label, unit: unit, total: lines)
    }
}
