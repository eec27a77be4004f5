/// Help text in the OVERVIEW / USAGE / ARGUMENTS / OPTIONS layout.
package enum HelpFormatter {
    package static let width = 78
    package static let column = 26

    /// The help of a program with commands: what each is for, then `epilogue` as written.
    package static func program(_ usage: String, overview: String, commands: [CommandSpec], epilogue: String = "") -> String {
        var lines = ["OVERVIEW: \(overview)", "", "USAGE: \(usage)", "", "COMMANDS:"]
        for spec in commands where !spec.hidden {
            lines.append(row("  " + spec.name, spec.abstract))
        }
        lines += ["", "See '\(commands.first?.program ?? "") help COMMAND' for a command's arguments and options."]
        return lines.joined(separator: "\n") + "\n" + (epilogue.isEmpty ? "" : "\n" + epilogue)
    }

    package static func command(_ spec: CommandSpec, globalOptions: [OptionSpec] = []) -> String {
        var lines = ["OVERVIEW: \(spec.abstract)"]
        if !spec.discussion.isEmpty {
            lines.append("")
            lines += wrap(spec.discussion, indent: "")
        }
        lines += ["", "USAGE: \(spec.usage)"]
        if !spec.arguments.isEmpty {
            lines += ["", "ARGUMENTS:"]
            for argument in spec.arguments {
                lines.append(row("  " + argument.name, argument.help))
            }
        }
        let options = spec.allOptions
        if !options.isEmpty {
            lines += ["", "OPTIONS:"]
            for option in options where !option.hidden {
                lines.append(row("  " + option.synopsis, option.help + (option.repeatable ? " (repeatable)" : "") + (option.required ? " (required)" : "")))
            }
        }
        if !globalOptions.isEmpty {
            lines += ["", "GLOBAL OPTIONS:"]
            for option in globalOptions {
                lines.append(row("  " + option.synopsis, option.help))
            }
        }
        if !spec.examples.isEmpty {
            lines += ["", "EXAMPLES:"]
            lines += spec.examples.map { "  " + $0 }
        }
        return lines.joined(separator: "\n") + "\n" + (spec.epilogue.isEmpty ? "" : "\n" + spec.epilogue)
    }

    /// A name and its help, the help aligned in a column and wrapped.
    package static func row(_ name: String, _ help: String) -> String {
        let indent = String(repeating: " ", count: column)
        var wrapped = wrap(help, indent: indent)
        if name.count < column - 1 {
            wrapped[0] = name + String(repeating: " ", count: column - name.count) + wrapped[0].dropFirst(column)
            return wrapped.joined(separator: "\n")
        }
        return ([name] + wrapped).joined(separator: "\n")
    }

    package static func wrap(_ text: String, indent: String) -> [String] {
        var lines: [String] = []
        var line = indent
        for word in text.split(separator: " ") {
            if line.count > indent.count, line.count + 1 + word.count > width {
                lines.append(line)
                line = indent
            }
            line += (line.count > indent.count ? " " : "") + word
        }
        lines.append(line)
        return lines
    }
}
