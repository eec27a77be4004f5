import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow

enum LoadCommand: Command {
    static let spec = CommandSpec(
        name: "load",
        abstract: "Load a dump into a new (or freshly initialised, empty) database.",
        discussion: "All or nothing: the same issues, items, history and stored editions as where it was dumped.",
        arguments: [ArgumentSpec(name: "FILE", help: "A file made by 'digest dump' ('-' for standard input).", file: .input)],
        examples: ["digest --db copy.sqlite load archive.jsonl"])

    static func run(_ invocation: Invocation, _ context: Context) throws -> CommandResult {
        guard let path = invocation.positionals.first else { throw invocation.usageError("'load' needs FILE.") }
        let input = try context.inputChunks(path)
        let created = !FileSystem.exists(context.databasePath)
        let store = created
            ? try DigestStore.create(at: context.databasePath, environment: context.environment)
            : try context.openStore(writing: true)
        do {
            let progress = try context.lineProgress("Loading", unit: "lines", of: input)
            let summary: LoadSummary
            do {
                defer { progress?.finish() }
                summary = try store.load(input, origin: path == "-" ? "standard input" : path,
                                         request: try context.request(store), hostSettings: !context.isServed,
                                         progress: progress.map { line in { line.advance(by: $0) } })
            }
            let counts = summary.counts
            if !summary.replacedSettings.isEmpty {
                context.warn("the dump's settings replaced what init had set for "
                    + summary.replacedSettings.joined(separator: ", ") + "; 'digest config' shows them.")
            }
            let issues = counts["issues"] ?? 0, items = counts["items"] ?? 0
            return .confirmation("Loaded \(TextLayout.plural(issues, "issue")) and \(TextLayout.plural(items, "item")) into "
                + "\(context.databasePath).\n", json: .object([("loaded", .object(
                    DigestStore.dumpedTables.map { ($0, .integer(counts[$0] ?? 0)) }))]))
        } catch {
            if created { store.discard() }
            throw error
        }
    }
}
