import CommandLineParsing
import DigestModel
import DigestRendering
import DigestWorkflow

enum DiffCommand: Command {
    static let spec = CommandSpec(
        name: "diff",
        abstract: "Show what changed in an issue between two versions.",
        discussion: "Lists items added, removed, moved and changed (field by field, status and note included), "
            + "and changes to the issue's own fields. 'digest history ISSUE' lists the versions.",
        arguments: [
            ArgumentSpec(name: "ISSUE", help: "The issue number."),
            ArgumentSpec(name: "FROM", help: "The earlier version."),
            ArgumentSpec(name: "TO", help: "The later version."),
        ],
        examples: ["digest diff 3 1 6"],
        pages: true)

    static func run(_ invocation: Invocation, _ context: Context) throws -> CommandResult {
        let number = try invocation.number(at: 0)
        let from = try invocation.number(at: 1)
        let to = try invocation.number(at: 2)
        let store = try context.openStore(writing: false)
        let diff = try store.diff(number, from: from, to: to)
        var lines = ["Issue \(number): version \(from) → \(to)"]
        for change in diff.issueChanges {
            lines.append("~ issue \(change.field): \(show(change.from)) → \(show(change.to))")
        }
        for item in diff.items {
            switch item.kind {
            case .added:
                lines.append("+ item \(item.id) \"\(item.title)\" added at position \(item.toPosition ?? 0)")
            case .removed:
                lines.append("- item \(item.id) \"\(item.title)\" removed (was at position \(item.fromPosition ?? 0))")
            case .moved:
                lines.append("~ item \(item.id) \"\(item.title)\" moved from position \(item.fromPosition ?? 0) to \(item.toPosition ?? 0)")
            case .changed:
                var head = "~ item \(item.id) \"\(item.title)\" changed"
                if item.moved {
                    head += " and moved from position \(item.fromPosition ?? 0) to \(item.toPosition ?? 0)"
                }
                lines.append(head)
                for field in item.fields {
                    lines.append("    \(field.field): \(show(field.from)) → \(show(field.to))")
                }
            }
        }
        if diff.isEmpty { lines.append("No differences.") }
        let json = JSONValue.object([("diff", .object([
            ("issue", .integer(number)), ("from", .integer(from)), ("to", .integer(to)),
            ("issue_changes", .array(diff.issueChanges.map(fieldJSON))),
            ("items", .array(diff.items.map { item in
                .object([("id", .integer(item.id)), ("change", .string(item.kind.rawValue)), ("title", .string(item.title)),
                         ("from_position", .optional(item.fromPosition)), ("to_position", .optional(item.toPosition)),
                         ("moved", .bool(item.kind == .moved || item.moved)),
                         ("fields", .array(item.fields.map(fieldJSON)))])
            })),
        ]))])
        return .data(lines.map(context.style.diffLine).joined(separator: "\n") + "\n", json: json)
    }

    private static func show(_ value: String?) -> String {
        guard let value else { return "(none)" }
        let flat = value.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ⏎ ")
        return "\"" + (flat.count > 120 ? flat.prefix(119) + "…" : flat) + "\""
    }

    private static func fieldJSON(_ change: IssueDiff.FieldChange) -> JSONValue {
        .object([("field", .string(change.field)), ("from", .optional(change.from)), ("to", .optional(change.to))])
    }
}
