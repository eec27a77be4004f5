import CommandLineParsing
import DigestStorage
import DigestModel
import DigestRendering
import DigestWorkflow

/// The digest command line: parses the arguments, runs the command, and
/// turns its outcome into output and an exit code.
package enum CLI {
    package static let version = "1.0.0"

    /// Everything the process prints, and how it ends.
    package struct Outcome {
        package var exitCode: Int32
        package var standardOutput: String
        package var standardError: String
        /// Long output of this command may go through the pager on a terminal.
        package var pageable = false
    }

    static let commands: [Command.Type] = [
        InitCommand.self, ConfigCommand.self, DraftCommand.self, EditIssueCommand.self, ListCommand.self,
        ShowCommand.self, StatusCommand.self, EditCommand.self, AddItemCommand.self, EditItemCommand.self, RemoveItemCommand.self, MoveItemCommand.self,
        SubmitCommand.self, ReviewCommand.self, BacklogCommand.self, PublishCommand.self, RenderCommand.self,
        ReopenCommand.self, HistoryCommand.self, DiffCommand.self, ImportCommand.self, SearchCommand.self,
        SendCommand.self, ExportCommand.self, DumpCommand.self, LoadCommand.self, BackupCommand.self, CheckLinksCommand.self,
        DoctorCommand.self, ServeCommand.self, CompletionsCommand.self,
        FetchCommand.self, FeedsCommand.self, NominateCommand.self,
    ]

    /// A command run by `digest serve` for a client: the host has
    /// authenticated the person and fixes the actor (whatever the database's
    /// identity mode; `--as` cannot name anyone else) and the database, and
    /// the files the command line names are the client's.
    struct Served {
        let actor: String
        let database: String
        let files: CommandFiles
    }

    /// Runs one command line: here, or through ssh for an `ssh://` database,
    /// or (`served`) inside `digest serve` for a client.
    package static func run(arguments: [String], environment: [String: String],
                            standardInput: @escaping () -> [UInt8], terminal: Terminal = .none) -> Outcome {
        run(arguments: arguments, environment: environment, served: nil, standardInput: standardInput, terminal: terminal)
    }

    static func run(arguments: [String], environment: [String: String], served: Served?,
                    standardInput: @escaping () -> [UInt8], terminal: Terminal = .none) -> Outcome {
        var outcome = runCommand(arguments: arguments, environment: environment, served: served,
                                 standardInput: standardInput, terminal: terminal)
        // Errors and warnings in colour when standard error is a terminal; the
        // colour choice is read again here because a failed parse never made a Context.
        let errorStyle = TextStyle.choose(option: ArgumentParser.presentation(of: arguments).color, environment: environment,
                                          isTerminal: terminal.standardErrorIsTerminal, json: false)
        outcome.standardError = errorStyle.messages(outcome.standardError)
        return outcome
    }

    private static func runCommand(arguments: [String], environment: [String: String], served: Served?,
                                   standardInput: @escaping () -> [UInt8], terminal: Terminal) -> Outcome {
        let specs = commands.map { $0.spec }
        let wantsJSON = ArgumentParser.presentation(of: arguments).json
        let parsed: ArgumentParser.Parsed
        do {
            parsed = try ArgumentParser(program: "digest", commands: specs, globalOptions: GlobalOptions.specs).parse(arguments)
        } catch {
            return failure(error, json: wantsJSON)
        }
        switch parsed {
        case .version(let flags):
            if flags.contains("json") {
                let document = JSONValue.object([("version", .string(version)), ("build", .string(BuildInfo.configuration)),
                                                 ("swift", .string(BuildInfo.swift)),
                                                 ("sqlite", .string(Database.libraryVersion))])
                return Outcome(exitCode: 0, standardOutput: JSONWriter(pretty: true).string(document) + "\n", standardError: "")
            }
            return Outcome(exitCode: 0, standardOutput: "digest \(version)\n\(BuildInfo.line)\n", standardError: "")
        case .help(let topic, _):
            let text = topic.map { HelpFormatter.command($0, globalOptions: GlobalOptions.specs) } ?? HelpFormatter.general(commands: specs, version: version)
            return Outcome(exitCode: 0, standardOutput: text, standardError: "")
        case .manual:
            return Outcome(exitCode: 0, standardOutput: ManualPage.render(commands: specs, version: version),
                           standardError: "")
        case .run(let invocation, let globals, let flags):
            let context = Context(globals: globals, flags: flags, environment: environment, forcedActor: served?.actor,
                                  servedDatabase: served?.database, files: served?.files, standardInput: standardInput,
                                  terminal: terminal)
            if served == nil {
                do {
                    if let location = try RemoteLocation(parsing: context.databasePath) {
                        var remote = RemoteClient(location: location, environment: environment, standardInput: standardInput)
                            .run(arguments: arguments, invocation: invocation, json: context.json)
                        remote.pageable = invocation.spec.pages && !context.json
                        return remote
                    }
                } catch {
                    return failure(error, json: context.json)
                }
            }
            guard let command = commands.first(where: { $0.spec.name == invocation.spec.name }) else {
                return failure(DigestError.internalError("no implementation for '\(invocation.spec.name)'."), json: context.json)
            }
            do {
                // Refused before anything is read or written, not trapped on deep inside.
                _ = try Timestamp.sourceDateEpoch(in: environment)
                _ = try context.servedActor()
                try context.files.gather(for: invocation)
                let result = try command.run(invocation, context)
                var finished = outcome(of: result, context: context)
                finished.pageable = invocation.spec.pages && !context.json
                return finished
            } catch {
                let described = (error as? DatabaseError).map { DigestError($0, path: context.databasePath) } ?? error
                var failed = failure(described, json: context.json)
                failed.standardError = TerminalText.safe(warningLines(context.warnings), keepingStyle: false)
                    + failed.standardError
                return failed
            }
        }
    }

    private static func outcome(of result: CommandResult, context: Context) -> Outcome {
        var output = ""
        if context.json {
            var document = result.json
            if case .object(var members) = document, !context.warnings.isEmpty {
                members.append(("warnings", .array(context.warnings.map(JSONValue.string))))
                document = .object(members)
            }
            output = JSONWriter(pretty: true).string(document) + "\n"
        } else if !(context.quiet && result.isConfirmation) {
            output = result.isRawData ? result.text : TerminalText.safe(result.text, keepingStyle: context.style.enabled)
        }
        var errors = warningLines(context.warnings)
        if let error = result.error { errors += "digest: error: \(error)\n" }
        return Outcome(exitCode: result.exitCode, standardOutput: output,
                       standardError: TerminalText.safe(errors, keepingStyle: false))
    }

    private static func warningLines(_ warnings: [String]) -> String {
        warnings.map { "digest: warning: \($0)\n" }.joined()
    }

    /// The error message (and with `--json`, the one JSON document) for a failure.
    static func failure(_ error: Error, json: Bool) -> Outcome {
        let code: Int32
        var message: String
        var problems: [ValidationProblem] = []
        switch error {
        case let error as DigestError:
            code = error.exitCode
            message = error.sentence
            if case .invalid(let found) = error { problems = found }
            if case .tooManyProblems(let found, _) = error { problems = found }
            if case .usage(_, let command?) = error {
                message += "\nUsage: digest \(command) …\nSee 'digest help \(command)'."
            }
        case CLIError.usage(let text, let command):
            code = 64
            message = text
            if let command {
                message += "\nUsage: \(command.usage)\nSee 'digest help \(command.name)'."
            } else {
                message += "\nSee 'digest help'."
            }
        case let error as DatabaseError:
            code = 70
            message = "an unexpected database error: \(error). This is a bug; please report it."
        default:
            code = 70
            message = "an unexpected error: \(error). This is a bug; please report it."
        }
        var standardOutput = ""
        if json {
            var members: [(String, JSONValue)] = [("exit_code", .integer(Int(code))), ("message", .string(message))]
            if !problems.isEmpty {
                members.append(("problems", .array(problems.map { problem in
                    .object([("location", .optional(problem.location)), ("field", .string(problem.field)),
                             ("value", .optional(problem.value)), ("reason", .string(problem.reason)),
                             ("fix", .string(problem.fix))])
                })))
            }
            standardOutput = JSONWriter(pretty: true).string(.object([("error", .object(members))])) + "\n"
        }
        return Outcome(exitCode: code, standardOutput: standardOutput,
                       standardError: TerminalText.safe("digest: error: \(message)\n", keepingStyle: false))
    }
}
