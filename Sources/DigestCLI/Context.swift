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

    /// What this command line says about who acts, for `ActorClaims` to
    /// decide: the person a server authenticated; `--as`, then
    /// `$DIGEST_USER` (a served command reads only `--as`: the host's
    /// environment is not the person's word); the system account.
    var actorClaims: ActorClaims {
        var declared: [ActorClaims.Declared] = []
        if let option = actorOption?.trimmingSpaces(), !option.isEmpty {
            declared.append(.init(name: option, origin: "--as"))
        }
        if forcedActor == nil, let variable = environment["DIGEST_USER"]?.trimmingSpaces(), !variable.isEmpty {
            declared.append(.init(name: variable, origin: "DIGEST_USER"))
        }
        return ActorClaims(authenticated: forcedActor.map { .init(name: $0.trimmingSpaces(), origin: "--user") },
                           declared: declared, account: SystemUser.name, uid: SystemUser.uid)
    }

    /// Who acts under `mode`, and how digest knows (`ActorClaims`).
    func actor(mode: IdentityMode) throws -> (name: String, identity: IdentityBasis) {
        try actorClaims.actor(mode: mode)
    }

    /// The person a server authenticated, if it did; `--as` naming anyone
    /// else is refused, for reads as well as changes.
    func servedActor() throws -> String? {
        try actorClaims.authenticatedActor()
    }

    /// The actor for a command on `store`, by the database's identity mode.
    func actor(for store: DigestStore) throws -> (name: String, identity: IdentityBasis) {
        try actor(mode: try store.settings.identityMode)
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
