/// Help text in the OVERVIEW / USAGE / ARGUMENTS / OPTIONS layout.
enum HelpFormatter {
    static let width = 78
    static let column = 26

    static func general(commands: [CommandSpec], version: String) -> String {
        var lines = [
            "OVERVIEW: digest \(version): curate a weekly digest of links, from draft to review to published editions.",
            "",
            "USAGE: digest [--db PATH] [--as NAME] [--json] [--quiet] COMMAND [ARGUMENTS] [OPTIONS]",
            "",
            "COMMANDS:",
        ]
        for spec in commands {
            lines.append(row("  " + spec.name, spec.abstract))
        }
        lines += ["", "GLOBAL OPTIONS (before or after the command):"]
        for option in GlobalOptions.specs {
            lines.append(row("  " + option.synopsis, option.help))
        }
        lines.append(row("  --version", "Show digest's version (alone, before any command)."))
        lines += ["", "See 'digest help COMMAND' for a command's arguments, options and examples."]
        return lines.joined(separator: "\n") + "\n"
    }

    static func command(_ spec: CommandSpec) -> String {
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
            for option in options {
                lines.append(row("  " + option.synopsis, option.help + (option.repeatable ? " (repeatable)" : "") + (option.required ? " (required)" : "")))
            }
        }
        lines += ["", "GLOBAL OPTIONS:"]
        for option in GlobalOptions.specs {
            lines.append(row("  " + option.synopsis, option.help))
        }
        if !spec.examples.isEmpty {
            lines += ["", "EXAMPLES:"]
            lines += spec.examples.map { "  " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A name and its help, the help aligned in a column and wrapped.
    private static func row(_ name: String, _ help: String) -> String {
        let indent = String(repeating: " ", count: column)
        var wrapped = wrap(help, indent: indent)
        if name.count < column - 1 {
            wrapped[0] = name + String(repeating: " ", count: column - name.count) + wrapped[0].dropFirst(column)
            return wrapped.joined(separator: "\n")
        }
        return ([name] + wrapped).joined(separator: "\n")
    }

    private static func wrap(_ text: String, indent: String) -> [String] {
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
