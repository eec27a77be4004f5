import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow

/// A digest command: its spec (name, arguments, options, help) and what it does.
protocol Command: Sendable {
    static var spec: CommandSpec { get }
    static func run(_ invocation: Invocation, _ context: Context) throws -> CommandResult
}
