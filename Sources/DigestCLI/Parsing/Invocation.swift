import DigestCore

/// A command line, parsed against a command's spec.
struct Invocation {
    let spec: CommandSpec
    var positionals: [String] = []
    /// Values by option name, in the order given.
    var values: [String: [String]] = [:]
    var flags: Set<String> = []

    /// The last value of an option, else its default.
    func value(_ name: String) -> String? {
        values[name]?.last ?? spec.allOptions.first { $0.name == name }?.defaultValue
    }

    func has(_ name: String) -> Bool { flags.contains(name) || values[name] != nil }

    /// Every value of a repeatable option, with comma-separated lists split.
    func list(_ name: String) -> [String] {
        (values[name] ?? []).flatMap { $0.split(separator: ",").map { String($0).trimmingSpaces() } }
            .filter { !$0.isEmpty }
    }

    func usageError(_ message: String) -> CLIError {
        .usage(message, command: spec)
    }

    /// A required positional number such as ISSUE.
    func number(at index: Int) throws -> Int {
        guard index < spec.arguments.count else { throw usageError("\(spec.name) takes no such argument.") }
        let name = spec.arguments[index].name
        guard index < positionals.count else {
            throw CLIError.missing(name, help: spec.arguments[index].help, command: spec)
        }
        return try Invocation.number(positionals[index], name: name, spec: spec)
    }

    /// An optional numeric option such as `--version N`.
    func number(option name: String) throws -> Int? {
        guard let text = value(name) else { return nil }
        return try Invocation.number(text, name: "--\(name)", spec: spec)
    }

    static func number(_ text: String, name: String, spec: CommandSpec) throws -> Int {
        guard let number = Int(text), number >= 1, text.allSatisfy(\.isASCII) else {
            throw CLIError.usage("\(name) must be a whole number from 1 up, not '\(text)'.", command: spec)
        }
        return number
    }

    /// `--status STATUS`, an issue stage, when given.
    func issueStatus() throws -> IssueStatus? {
        guard let raw = value("status") else { return nil }
        guard let status = IssueStatus(rawValue: raw) else {
            throw usageError("--status must be draft, in-review or published, not '\(raw)'.")
        }
        return status
    }

    /// A list of item ids (`12,13` or repeated).
    func ids(_ option: String) throws -> [Int] {
        try list(option).map { try Invocation.number($0, name: "--\(option)", spec: spec) }
    }
}

extension String {
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }

    func lowercasedFirst() -> String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
