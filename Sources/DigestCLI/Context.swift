import DigestCore

/// What every command runs with: the global options, the environment, the
/// input, and the warnings it gathers.
final class Context {
    let environment: [String: String]
    let json: Bool
    let quiet: Bool
    private let databaseOption: String?
    private let actorOption: String?
    private let standardInput: () -> [UInt8]
    private(set) var warnings: [String] = []

    init(globals: [String: [String]], flags: Set<String>, environment: [String: String],
         standardInput: @escaping () -> [UInt8]) {
        self.environment = environment
        self.json = flags.contains("json")
        self.quiet = flags.contains("quiet")
        self.databaseOption = globals["db"]?.last
        self.actorOption = globals["as"]?.last
        self.standardInput = standardInput
    }

    /// `--db`, else `$DIGEST_DB`, else `./digest.sqlite`.
    var databasePath: String {
        if let databaseOption, !databaseOption.isEmpty { return databaseOption }
        if let fromEnvironment = environment["DIGEST_DB"], !fromEnvironment.isEmpty { return fromEnvironment }
        return "digest.sqlite"
    }

    /// `--as`, else `$DIGEST_USER`, else `$USER`: whoever acts, checked to be a usable name.
    func actor() throws -> String {
        let candidates = [(actorOption, "--as"), (environment["DIGEST_USER"], "DIGEST_USER"),
                          (environment["USER"], "USER"), (environment["LOGNAME"], "LOGNAME"),
                          (SystemUser.name, "the system's user name")]
        guard let (name, origin) = candidates.first(where: { ($0.0 ?? "").isEmpty == false }), let name else {
            throw CLIError.usage("digest cannot tell who you are; say it with --as NAME "
                + "(or set DIGEST_USER).", command: nil)
        }
        let trimmed = name.trimmingSpaces()
        let valid = !trimmed.isEmpty && trimmed.count <= 100
            && !trimmed.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) }
            && !trimmed.hasPrefix("-")
        guard valid else {
            throw DigestError.invalid([ValidationProblem(field: origin, value: name,
                                                         reason: "it is not a usable name",
                                                         fix: "give a name of printable characters, at most 100")])
        }
        return trimmed
    }

    func request(_ invocation: Invocation) throws -> ChangeRequest {
        var message: String?
        if let text = invocation.value("message") {
            let normalised = TextRules.note.normalise(text)
            if let problem = TextRules.note.problem(with: normalised) {
                throw DigestError.invalid([ValidationProblem(field: "--message", value: text,
                                                             reason: problem.reason, fix: problem.fix)])
            }
            message = normalised.isEmpty ? nil : normalised
        }
        return ChangeRequest(actor: try actor(), expectedVersion: try invocation.number(option: "expect-version"),
                             message: message)
    }

    func openStore(writing: Bool) throws -> DigestStore {
        try DigestStore.open(at: databasePath, forWriting: writing, environment: environment)
    }

    func warn(_ message: String) {
        warnings.append(message)
    }

    /// The bytes of a file argument, `-` meaning standard input.
    func readInput(_ path: String) throws -> [UInt8] {
        if path == "-" { return standardInput() }
        guard FileSystem.exists(path) else {
            throw DigestError.notFound("there is no file \(path).")
        }
        guard !FileSystem.isDirectory(path), let data = FileManagerReader.read(path) else {
            throw DigestError.notFound("\(path) cannot be read (is it a folder, or unreadable for this user?).")
        }
        return data
    }
}
