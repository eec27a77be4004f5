/// One `--option` a command accepts.
struct OptionSpec: Sendable {
    /// Without the dashes: `title` for `--title`.
    let name: String
    /// What the value is called in help (`TEXT`, `N`); nil for a flag that takes no value.
    let valueName: String?
    let help: String
    /// Given several times, the values add up (`--approve 1 --approve 2`);
    /// any other option given twice is refused (64), never quietly the last.
    var repeatable = false
    /// The command cannot run without it: missing is a usage error (64).
    var required = false
    /// The values it accepts, when they are a fixed few: shell completion offers them.
    var choices: [String] = []
    /// The value names a file or folder (read or written on the client through `ssh://`).
    var file: FileRole?
    /// What the command uses when the option is not given.
    var defaultValue: String?

    static func value(_ name: String, _ valueName: String, _ help: String, repeatable: Bool = false,
                      required: Bool = false, choices: [String] = []) -> OptionSpec {
        OptionSpec(name: name, valueName: valueName, help: help, repeatable: repeatable, required: required,
                   choices: choices)
    }

    /// An option whose value is a path: `--out DIR`, `--file PATH`.
    static func path(_ name: String, _ valueName: String, _ role: FileRole, _ help: String,
                     default defaultValue: String? = nil, required: Bool = false) -> OptionSpec {
        OptionSpec(name: name, valueName: valueName, help: help, required: required, file: role, defaultValue: defaultValue)
    }

    static func flag(_ name: String, _ help: String) -> OptionSpec {
        OptionSpec(name: name, valueName: nil, help: help)
    }

    var takesValue: Bool { valueName != nil }

    /// `--title TEXT` or `--json`.
    var synopsis: String { valueName.map { "--\(name) \($0)" } ?? "--\(name)" }
}
