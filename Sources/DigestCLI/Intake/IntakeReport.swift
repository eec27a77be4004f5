import DigestModel
import DigestRendering
import DigestWorkflow

/// How intake commands say what became of the links they brought.
enum IntakeReport {
    /// For one link (nominate, fetch --save).
    static func single(_ tally: IntakeTally, url: String) -> String {
        if let added = tally.added.first {
            return "Added \(url) to the backlog as \(added.id) (\(added.originText)).\n"
        }
        if let issue = tally.published.first {
            return "\(url) was already published in issue \(issue); nothing was added.\n"
        }
        if let issue = tally.inIssues.first {
            return "\(url) is already in issue \(issue); nothing was added.\n"
        }
        return "\(url) is already in the backlog; nothing was added.\n"
    }

    static func json(_ tally: IntakeTally) -> JSONValue {
        .object([
            ("added", .array(tally.added.map(\.json))),
            ("already_published", .array(tally.published.map { .integer($0) })),
            ("already_in_backlog", .integer(tally.inBacklog)),
            ("already_in_issues", .array(tally.inIssues.map { .integer($0) })),
            ("refused", .array(tally.refused.map { refused in
                .object([("title", .string(refused.title)),
                         ("problems", .array(refused.problems.map { .string($0.description) }))])
            })),
            ("repeated_in_feed", .integer(tally.repeatedInFeed)),
            ("summary", .string(tally.summary)),
        ])
    }
}

extension Candidate {
    var json: JSONValue {
        .object([
            ("id", .integer(id)), ("origin", .string(origin.rawValue)), ("origin_name", .string(originName)),
            ("from", .string(originText)), ("title", .string(fields.title)), ("url", .string(fields.url)),
            ("source", .optional(fields.source)), ("author", .optional(fields.author)),
            ("date", .optional(fields.date?.iso)), ("excerpt", .optional(fields.excerpt)),
            ("section", .optional(fields.section)), ("note", .optional(note)), ("added_at", .string(addedAt)),
            ("added_by", .string(addedBy)), ("from_issue", .optional(fromIssue)),
        ])
    }
}
