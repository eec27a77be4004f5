
/// A command line, parsed against a command's spec.
package struct Invocation {
    package let spec: CommandSpec
    package var positionals: [String] = []
    /// Values by option name, in the order given.
    package var values: [String: [String]] = [:]
    package var flags: Set<String> = []

    /// The last value of an option, else its default.
    package func value(_ name: String) -> String? {
        values[name]?.last ?? spec.allOptions.first { $0.name == name }?.defaultValue
    }

    package func has(_ name: String) -> Bool { flags.contains(name) || values[name] != nil }

    /// Every value of a repeatable option, with comma-separated lists split.
    package func list(_ name: String) -> [String] {
        (values[name] ?? []).flatMap { $0.split(separator: ",").map { String($0).trimmingSpaces() } }
            .filter { !$0.isEmpty }
    }

    package func usageError(_ message: String) -> CLIError {
        .usage(message, command: spec)
    }

    /// A required positional number such as ISSUE.
    package func number(at index: Int) throws -> Int {
        guard index < spec.arguments.count else { throw usageError("\(spec.name) takes no such argument.") }
        let name = spec.arguments[index].name
        guard index < positionals.count else {
            throw CLIError.missing(name, help: spec.arguments[index].help, command: spec)
        }
        return try Invocation.number(positionals[index], name: name, spec: spec)
    }

    /// An optional numeric option such as `--version N`.
    package func number(option name: String) throws -> Int? {
        guard let text = value(name) else { return nil }
        return try Invocation.number(text, name: "--\(name)", spec: spec)
    }

    package static func number(_ text: String, name: String, spec: CommandSpec) throws -> Int {
        guard let number = Int(text), number >= 1, text.allSatisfy(\.isASCII) else {
            throw CLIError.usage("\(name) must be a whole number from 1 up, not '\(text)'.", command: spec)
        }
        return number
    }

    /// A number of seconds such as `10` or `2.5`, above 0 and at most a day, when given.
    package func seconds(_ name: String) throws -> Double? {
        guard let text = value(name) else { return nil }
        guard let seconds = Double(text), seconds.isFinite, seconds > 0, seconds <= 86_400 else {
            throw usageError("--\(name) must be a number of seconds greater than 0, such as 10 or 2.5, not '\(text)'.")
        }
        return seconds
    }

    /// A whole number within `range`, when given.
    package func wholeNumber(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = value(name) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            let bounds = range.upperBound == .max ? "from \(range.lowerBound) up" : "from \(range.lowerBound) to \(range.upperBound)"
            throw usageError("--\(name) must be a whole number \(bounds), not '\(text)'.")
        }
        return number
    }

    /// A list of item ids (`12,13` or repeated).
    package func ids(_ option: String) throws -> [Int] {
        try list(option).map { try Invocation.number($0, name: "--\(option)", spec: spec) }
    }
}

extension String {
    package func trimmingSpaces() -> String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }

    package func lowercasedFirst() -> String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
