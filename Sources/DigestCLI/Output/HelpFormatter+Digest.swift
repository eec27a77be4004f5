import CommandLineParsing

extension HelpFormatter {
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

}
