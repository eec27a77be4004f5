import DigestModel
import DigestRendering
import DigestWorkflow

extension Issue {
    /// The issue's own fields, as `list --json` prints them.
    var headJSON: [(String, JSONValue)] {
        [
            ("number", .integer(number)),
            ("date", .string(date.iso)),
            ("title", .optional(title)),
            ("status", .string(status.rawValue)),
            ("version", .integer(version)),
            ("intro", .optional(intro)),
            ("preheader", .optional(preheader)),
            ("edition", .optional(edition)),
            ("text_changed_by", .optional(fieldsBy)),
            ("text_approved_by", .optional(approvedBy)),
            ("imported_without_review", .bool(importedWithoutReview)),
        ]
    }

    /// The issue with its items, as `show --json` prints it.
    var json: JSONValue {
        .object(headJSON + [("items", .array(items.map(\.json)))])
    }

    /// `Issue 3 — Harbour notes (2026-11-23)`
    var heading: String {
        "Issue \(number)" + (title.map { " — \($0)" } ?? "") + " (\(date.iso))"
    }

    /// `draft · version 5 · 3 items`
    func statusLine(itemCount: Int, style: TextStyle = .plain) -> String {
        var parts = [style.status(status.rawValue)]
        if let edition { parts.append(status == .published ? "edition \(edition)" : "last published as edition \(edition)") }
        if importedWithoutReview { parts.append("imported without review") }
        parts.append("version \(version)")
        parts.append(TextLayout.plural(itemCount, "item"))
        return parts.joined(separator: " · ")
    }
}

extension Revision {
    var json: JSONValue {
        .object([
            ("version", .integer(version)), ("at", .string(at)), ("actor", .string(actor)),
            ("identity", .string(identity)),
            ("action", .string(action)), ("summary", .string(summary)), ("message", .optional(message)),
        ])
    }
}
