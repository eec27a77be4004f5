import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow

/// What shell completion knows about digest, taken from the command
/// specifications that also make the help, so the scripts cannot drift.
struct CompletionModel {
    /// What a value or an argument completes to.
    enum Kind: Equatable {
        case choices([String])
        case issues
        case settingKeys
        case commands
        case files
        case directories
        /// Free text or a number digest cannot guess.
        case nothing
    }

    struct Command {
        let name: String
        let abstract: String
        let options: [OptionSpec]
        let arguments: [Kind]
    }

    let commands: [Command]
    let globalOptions: [OptionSpec]
    let settingKeys: [String]

    init(specs: [CommandSpec]) {
        commands = specs.map { spec in
            Command(name: spec.name, abstract: spec.abstract, options: spec.allOptions,
                    arguments: spec.arguments.map { CompletionModel.kind(ofArgument: $0.name, command: spec.name) })
        } + [Command(name: "help", abstract: "Show help for digest or for one command.",
                     options: [.flag("man", "Print the manual page in roff.")], arguments: [.commands])]
        globalOptions = GlobalOptions.specs
        settingKeys = SettingKey.all.map(\.key) + [SettingKey.peoplePrefix]
    }

    /// Arguments are named for what they hold (`ISSUE`, `FILE`, `KEY`).
    static func kind(ofArgument name: String, command: String) -> Kind {
        switch name {
        case "ISSUE": return .issues
        case "FILE", "PATH": return .files
        case "DIR": return .directories
        case "KEY": return .settingKeys
        case "SHELL": return .choices(CompletionsCommand.shells)
        default: return .nothing
        }
    }

    /// What an option's value completes to.
    static func kind(ofValue option: OptionSpec) -> Kind {
        if !option.choices.isEmpty { return .choices(option.choices) }
        switch option.valueName {
        case "FILE", "PATH": return .files
        case "DIR": return .directories
        default: return option.name == "issue" ? .issues : .nothing
        }
    }

    /// The shell pipeline that lists issue numbers: `digest list --all --json`,
    /// quietly, against the database named on the command line if any.
    static let issueNumbersPipeline =
        #"digest ${db:+--db "$db"} list --all --json 2>/dev/null | sed -n 's/^ *"number": \([0-9][0-9]*\),\{0,1\}$/\1/p'"#
}
