import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow

enum CompletionsCommand: Command {
    static let shells = ["bash", "zsh", "fish"]

    static let spec = CommandSpec(
        name: "completions",
        abstract: "Print a shell completion script for bash, zsh or fish.",
        discussion: "The script completes command names, each command's options, the values of options such as "
            + "--format, setting keys for config, and issue numbers (asking 'digest list --all --json'). It is generated "
            + "from the same specifications as the help. scripts/install puts all three in place.",
        arguments: [ArgumentSpec(name: "SHELL", help: "bash, zsh or fish.")],
        examples: ["digest completions bash > ~/.local/share/bash-completion/completions/digest",
                   "digest completions zsh > ~/.zfunc/_digest",
                   "digest completions fish > ~/.config/fish/completions/digest.fish"])

    static func run(_ invocation: Invocation, _ context: Context) throws -> CommandResult {
        guard let shell = invocation.positionals.first else {
            throw invocation.usageError("'completions' needs SHELL: bash, zsh or fish.")
        }
        let model = CompletionModel(specs: CLI.commands.map { $0.spec })
        guard let script = CompletionScript.render(shell: shell, model: model) else {
            throw invocation.usageError("SHELL must be bash, zsh or fish, not '\(shell)'.")
        }
        return .data(script, json: .object([("shell", .string(shell)), ("script", .string(script))]))
    }
}
