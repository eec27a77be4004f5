import EditDistance

/// Splits a command line into the command, its arguments and its options:
/// the one parser of digest, digest-fetch and digest-links.
///
/// Global options may stand before or after the command; `--name value` and
/// `--name=value` are the same; `--` ends the options. `digest --version`
/// alone is the program's version, while after a command `--version N` is
/// that command's own option.
package struct ArgumentParser {
    package let program: String
    package let commands: [CommandSpec]
    /// Options every command takes, before or after its name.
    package let globalOptions: [OptionSpec]

    package init(program: String, commands: [CommandSpec], globalOptions: [OptionSpec] = []) {
        self.program = program
        self.commands = commands
        self.globalOptions = globalOptions
    }

    /// What the command line asks for.
    package enum Parsed {
        case run(Invocation, globals: [String: [String]], globalFlags: Set<String>)
        case help(topic: CommandSpec?, globalFlags: Set<String>)
        case version(globalFlags: Set<String>)
        /// `digest help --man`: the manual page in roff.
        case manual
    }

    /// How output is to be shown (`--json`, `--color WHEN`, `--no-pager`),
    /// read leniently from a command line that may not parse, so that even
    /// a usage error comes as asked: the one place these are read without a
    /// full parse.
    package struct Presentation: Equatable {
        package var json = false
        package var color: String?
        package var noPager = false

        package init(json: Bool = false, color: String? = nil, noPager: Bool = false) {
            self.json = json
            self.color = color
            self.noPager = noPager
        }
    }

    package static func presentation(of arguments: [String]) -> Presentation {
        var found = Presentation()
        var index = 0
        while index < arguments.count, arguments[index] != "--" {
            let token = arguments[index]
            index += 1
            switch token {
            case "--json": found.json = true
            case "--no-pager": found.noPager = true
            case "--color" where index < arguments.count:
                found.color = arguments[index]
                index += 1
            default:
                if token.hasPrefix("--color=") { found.color = String(token.dropFirst("--color=".count)) }
            }
        }
        return found
    }

    package func parse(_ arguments: [String]) throws -> Parsed {
        var globals: [String: [String]] = [:]
        var globalFlags: Set<String> = []
        var index = 0
        var commandName: String?

        // Global options before the command.
        while index < arguments.count, commandName == nil {
            let token = arguments[index]
            if token == "--" { index += 1; break }
            if token == "-h" || token == "--help" {
                globalFlags.insert("help")
                index += 1
                continue
            }
            if token == "--version" {
                globalFlags.insert("version")
                index += 1
                continue
            }
            if token.hasPrefix("--") {
                let (name, inline) = split(token)
                guard let spec = globalOptions.first(where: { $0.name == name }) else {
                    throw CLIError.usage(unknownOptionMessage(name, among: globalOptions, command: nil)
                        + " Options of a command go after its name.", command: nil)
                }
                index = try consume(spec, inline: inline, at: index, in: arguments[...], into: &globals, flags: &globalFlags, command: nil)
                continue
            }
            if token.hasPrefix("-"), token.count > 1 {
                throw CLIError.usage("unknown option '\(token)'.", command: nil)
            }
            commandName = token
            index += 1
        }
        if commandName == nil, index < arguments.count { commandName = arguments[index]; index += 1 }

        guard let commandName else {
            if globalFlags.contains("version") { return .version(globalFlags: globalFlags) }
            return .help(topic: nil, globalFlags: globalFlags)
        }
        if commandName == "help" {
            if arguments[index...].contains("--man") { return .manual }
            let topicName = arguments[index...].first { !$0.hasPrefix("-") }
            guard let topicName else { return .help(topic: nil, globalFlags: globalFlags) }
            guard let topic = commands.first(where: { $0.name == topicName }) else {
                throw CLIError.usage(unknownCommandMessage(topicName), command: nil)
            }
            return .help(topic: topic, globalFlags: globalFlags)
        }
        guard let spec = commands.first(where: { $0.name == commandName }) else {
            throw CLIError.usage(unknownCommandMessage(commandName), command: nil)
        }
        if globalFlags.contains("version") {
            throw CLIError.usage("--version before a command is the program's version; "
                + "put a command's --version N after the command name.", command: spec)
        }

        return try parse(arguments[index...], as: spec, globals: globals, globalFlags: globalFlags)
    }

    /// The command line of a program that is one command (`digest-links`):
    /// its options and arguments, and `--help`.
    package func parse(_ arguments: [String], as spec: CommandSpec) throws -> Parsed {
        try parse(arguments[...], as: spec, globals: [:], globalFlags: [])
    }

    private func parse(_ arguments: ArraySlice<String>, as spec: CommandSpec, globals: [String: [String]],
                       globalFlags: Set<String>) throws -> Parsed {
        var globals = globals, globalFlags = globalFlags
        var index = arguments.startIndex
        var invocation = Invocation(spec: spec)
        let options = spec.allOptions
        var optionsEnded = false
        while index < arguments.endIndex {
            let token = arguments[index]
            if optionsEnded || !token.hasPrefix("-") || token == "-" {
                invocation.positionals.append(token)
                index += 1
                continue
            }
            if token == "--" { optionsEnded = true; index += 1; continue }
            if token == "-h" || token == "--help" {
                return .help(topic: spec, globalFlags: globalFlags)
            }
            guard token.hasPrefix("--") else {
                throw CLIError.usage("unknown option '\(token)'" + (spec.name.isEmpty ? "" : " for '\(spec.name)'") + ".",
                                     command: spec)
            }
            let (name, inline) = split(token)
            if let option = options.first(where: { $0.name == name }) {
                index = try consume(option, inline: inline, at: index, in: arguments,
                                    into: &invocation.values, flags: &invocation.flags, command: spec)
            } else if let global = globalOptions.first(where: { $0.name == name }) {
                index = try consume(global, inline: inline, at: index, in: arguments,
                                    into: &globals, flags: &globalFlags, command: spec)
            } else {
                throw CLIError.usage(unknownOptionMessage(name, among: options + globalOptions, command: spec),
                                     command: spec)
            }
        }
        if globalFlags.contains("help") { return .help(topic: spec, globalFlags: globalFlags) }
        let maximum = spec.arguments.count
        if !spec.variadic, invocation.positionals.count > maximum {
            let extra = invocation.positionals[maximum]
            let who = spec.name.isEmpty ? spec.program : "'\(spec.name)'"
            throw CLIError.usage("\(who) does not take the argument '\(extra)'"
                + (maximum == 0 ? (spec.standardInput.map { "; it reads \($0) on standard input." } ?? ".")
                   : " (it takes \(spec.arguments.map(\.name).joined(separator: " ")))."),
                command: spec)
        }
        if let missing = options.first(where: { $0.required && invocation.values[$0.name] == nil }) {
            throw CLIError.missing(missing.synopsis, help: missing.help, command: spec)
        }
        return .run(invocation, globals: globals, globalFlags: globalFlags)
    }

    private func split(_ token: String) -> (name: String, inline: String?) {
        let body = token.dropFirst(2)
        guard let equals = body.firstIndex(of: "=") else { return (String(body), nil) }
        return (String(body[..<equals]), String(body[body.index(after: equals)...]))
    }

    /// Stores one option's value (or flag) and returns the index after it.
    private func consume(_ option: OptionSpec, inline: String?, at index: Int, in arguments: ArraySlice<String>,
                         into values: inout [String: [String]], flags: inout Set<String>,
                         command: CommandSpec?) throws -> Int {
        guard option.takesValue else {
            if let inline {
                throw CLIError.usage("--\(option.name) takes no value (got '\(inline)').", command: command)
            }
            flags.insert(option.name)
            return index + 1
        }
        if let inline {
            try values.add(inline, for: option, command: command)
            return index + 1
        }
        guard index + 1 < arguments.endIndex else {
            throw CLIError.usage("--\(option.name) needs a value (\(option.valueName ?? "VALUE")).", command: command)
        }
        let value = arguments[index + 1]
        if value.hasPrefix("--"), value.count > 2, option.valueName != "TEXT" {
            throw CLIError.usage("--\(option.name) needs a value (\(option.valueName ?? "VALUE")), "
                + "but '\(value)' follows it; write --\(option.name)=VALUE for a value that starts with dashes.",
                command: command)
        }
        try values.add(value, for: option, command: command)
        return index + 2
    }

    private func unknownCommandMessage(_ name: String) -> String {
        var message = "'\(name)' is not a\(program.first.map { "aeiou".contains($0) } == true ? "n" : "") \(program) command."
        let names = commands.map(\.name)
        if let close = EditDistance.closest(to: name, among: names, limit: max(2, name.count / 3)) {
            message += " Did you mean '\(close)'?"
        }
        return message + " '\(program) help' lists the commands."
    }

    private func unknownOptionMessage(_ name: String, among options: [OptionSpec], command: CommandSpec?) -> String {
        var message = "unknown option '--\(name)'" + (command.flatMap { $0.name.isEmpty ? nil : " for '\($0.name)'" } ?? "") + "."
        if let close = EditDistance.closest(to: name, among: options.map(\.name), limit: max(2, name.count / 3)) {
            message += " Did you mean '--\(close)'?"
        }
        return message
    }
}

extension Dictionary where Key == String, Value == [String] {
    /// Stores an option's value: repeatable options add up; any other given
    /// twice is refused, naming it, rather than quietly keeping the last.
    fileprivate mutating func add(_ value: String, for option: OptionSpec, command: CommandSpec?) throws {
        if let earlier = self[option.name]?.first, !option.repeatable {
            throw CLIError.usage("--\(option.name) is given twice ('\(earlier)', then '\(value)'); give it once.",
                                 command: command)
        }
        self[option.name, default: []].append(value)
    }
}
