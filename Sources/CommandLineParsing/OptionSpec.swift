/// One `--option` a command accepts.
package struct OptionSpec: Sendable {
    /// Without the dashes: `title` for `--title`.
    package let name: String
    /// What the value is called in help (`TEXT`, `N`); nil for a flag that takes no value.
    package let valueName: String?
    package let help: String
    /// Given several times, the values add up (`--approve 1 --approve 2`);
    /// any other option given twice is refused (64), never quietly the last.
    package var repeatable = false
    /// The command cannot run without it: missing is a usage error (64).
    package var required = false
    /// The values it accepts, when they are a fixed few: shell completion offers them.
    package var choices: [String] = []
    /// The value names a file or folder (read or written on the client through `ssh://`).
    package var file: FileRole?
    /// What the command uses when the option is not given.
    package var defaultValue: String?
    /// Given by the program to its own children, not by people: left out of help.
    package var hidden = false

    package init(name: String, valueName: String?, help: String, repeatable: Bool = false, required: Bool = false,
                 choices: [String] = [], file: FileRole? = nil, defaultValue: String? = nil, hidden: Bool = false) {
        self.name = name
        self.valueName = valueName
        self.help = help
        self.repeatable = repeatable
        self.required = required
        self.choices = choices
        self.file = file
        self.defaultValue = defaultValue
        self.hidden = hidden
    }

    package static func value(_ name: String, _ valueName: String, _ help: String, repeatable: Bool = false,
                              required: Bool = false, choices: [String] = []) -> OptionSpec {
        OptionSpec(name: name, valueName: valueName, help: help, repeatable: repeatable, required: required,
                   choices: choices)
    }

    /// An option whose value is a path: `--out DIR`, `--file PATH`.
    package static func path(_ name: String, _ valueName: String, _ role: FileRole, _ help: String,
                             default defaultValue: String? = nil, required: Bool = false) -> OptionSpec {
        OptionSpec(name: name, valueName: valueName, help: help, required: required, file: role, defaultValue: defaultValue)
    }

    package static func flag(_ name: String, _ help: String, hidden: Bool = false) -> OptionSpec {
        OptionSpec(name: name, valueName: nil, help: help, hidden: hidden)
    }

    package var takesValue: Bool { valueName != nil }

    /// `--title TEXT` or `--json`.
    package var synopsis: String { valueName.map { "--\(name) \($0)" } ?? "--\(name)" }
}
