import DigestModel
import DigestRendering
import DigestWorkflow

extension Item {
    /// The item as `show --json` and every other command print it.
    var json: JSONValue { json(linkCheck: nil) }

    /// With the stored result of its last link check, when there is one.
    func json(linkCheck: LinkCheck?) -> JSONValue {
        .object([
            ("id", .integer(id)),
            ("issue", .integer(issue)),
            ("position", .integer(position)),
            ("title", .string(fields.title)),
            ("url", .optional(fields.url)),
            ("source", .string(fields.source)),
            ("author", .optional(fields.author)),
            ("date", .string(fields.date.iso)),
            ("excerpt", .string(fields.excerpt)),
            ("section", .optional(fields.section)),
            ("posted_on", .optional(fields.postedOn?.iso)),
            ("link_text", .optional(fields.linkText)),
            ("incomplete", .bool(fields.isIncomplete)),
            ("status", .string(status.rawValue)),
            ("note", .optional(note)),
            ("added_by", .string(addedBy)),
            ("edited_by", .optional(editedBy)),
            ("reviewed_by", .optional(reviewedBy)),
            ("reviewed_at", .optional(reviewedAt)),
            ("origin", .optional(origin)),
            ("link_check", linkCheck.map(\.json) ?? .null),
        ])
    }

    /// A readable block: position, id, status and title, then link, source line and excerpt.
    func block(excerpt showExcerpt: Bool = true, linkCheck: LinkCheck? = nil, style: TextStyle = .plain) -> String {
        var lines = ["\(String(position).leftPadded(3)). #\(id) [\(style.status(status.rawValue))] \(fields.title)"]
        lines.append("     " + (fields.url ?? "(no link yet: incomplete)"))
        var byline = [fields.source]
        if let author = fields.author { byline.append(author) }
        byline.append(fields.date.iso)
        if let section = fields.section { byline.append("section: \(section)") }
        lines.append(TextLayout.wrap(byline.joined(separator: " · "), indent: "     "))
        if showExcerpt {
            lines.append(TextLayout.wrap(fields.excerpt, indent: "     "))
        }
        if let linkCheck {
            var line = "link: \(style.status(linkCheck.outcome))"
            if let detail = linkCheck.detail { line += " — \(detail)" }
            if let suggested = linkCheck.suggestedURL { line += "; moved to \(suggested)" }
            lines.append(TextLayout.wrap(line + " (checked \(linkCheck.checkedAt))", indent: "     "))
        }
        if let note {
            lines.append(TextLayout.wrap("note (\(reviewedBy ?? "reviewer")): \(note)", indent: "     "))
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
