/// One `--option` a command accepts.
struct OptionSpec: Sendable {
    /// Without the dashes: `title` for `--title`.
    let name: String
    /// What the value is called in help (`TEXT`, `N`); nil for a flag that takes no value.
    let valueName: String?
    let help: String
    /// Given several times, the values add up (`--approve 1 --approve 2`); otherwise the last wins.
    var repeatable = false
    /// The values it accepts, when they are a fixed few: shell completion offers them.
    var choices: [String] = []

    static func value(_ name: String, _ valueName: String, _ help: String, repeatable: Bool = false,
                      choices: [String] = []) -> OptionSpec {
        OptionSpec(name: name, valueName: valueName, help: help, repeatable: repeatable, choices: choices)
    }

    static func flag(_ name: String, _ help: String) -> OptionSpec {
        OptionSpec(name: name, valueName: nil, help: help)
    }

    var takesValue: Bool { valueName != nil }

    /// `--title TEXT` or `--json`.
    var synopsis: String { valueName.map { "--\(name) \($0)" } ?? "--\(name)" }
}
