import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow

enum DoctorCommand: Command {
    static let spec = CommandSpec(
        name: "doctor",
        abstract: "Check the database: SQLite's integrity and foreign keys, the schema version, digest's invariants.",
        options: [.flag("repair-search", "Rebuild the full-text search index from the items.")],
        examples: ["digest doctor"])

    static func run(_ invocation: Invocation, _ context: Context) throws -> CommandResult {
        let store = try context.openStore(writing: invocation.has("repair-search"))
        if invocation.has("repair-search") { try store.rebuildSearchIndex(request: try context.request(store)) }
        let checks = try store.doctor()
        var text = ""
        for check in checks {
            text += (check.passed ? context.style.apply(.good, "ok") + "      "
                        : check.advisory ? "NOTE    " : context.style.apply(.bad, "PROBLEM") + " ")
                + check.name + "\n"
            for problem in check.problems { text += "        - \(problem)\n" }
        }
        let healthy = checks.allSatisfy { $0.passed || $0.advisory }
        text += healthy ? "The database is healthy.\n" : "The database has problems (see above).\n"
        var result = CommandResult.data(text, json: .object([
            ("healthy", .bool(healthy)),
            ("checks", .array(checks.map { check in
                .object([("name", .string(check.name)), ("ok", .bool(check.passed)), ("advisory", .bool(check.advisory)),
                         ("problems", .array(check.problems.map(JSONValue.string)))])
            })),
        ]))
        if !healthy {
            result.exitCode = 78
            result.error = "the database at \(context.databasePath) failed \(checks.filter { !$0.passed && !$0.advisory }.count) check(s)."
        }
        return result
    }
}
