import DigestModel
import DigestRendering
import DigestWorkflow

extension Send {
    var json: JSONValue {
        .object([
            ("issue", .integer(issue)), ("edition", .integer(edition)), ("sent_at", .string(sentAt)),
            ("sent_by", .string(sentBy)), ("recipients", .array(recipients.map(JSONValue.string))),
        ])
    }

    /// `edition 1 sent 2026-11-23T08:00:00Z by mira to readers@lists.example`
    var line: String {
        "edition \(edition) sent \(sentAt) by \(sentBy) to \(recipients.joined(separator: ", "))"
    }
}
