import DigestCore

extension Item {
    /// The item as `show --json` and every other command print it.
    var json: JSONValue {
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
        ])
    }

    /// A readable block: position, id, status and title, then link, source line and excerpt.
    func block(excerpt showExcerpt: Bool = true) -> String {
        var lines = ["\(String(position).leftPadded(3)). #\(id) [\(status.rawValue)] \(fields.title)"]
        lines.append("     " + (fields.url ?? "(no link yet: incomplete)"))
        var byline = [fields.source]
        if let author = fields.author { byline.append(author) }
        byline.append(fields.date.iso)
        if let section = fields.section { byline.append("section: \(section)") }
        lines.append(TextLayout.wrap(byline.joined(separator: " · "), indent: "     "))
        if showExcerpt {
            lines.append(TextLayout.wrap(fields.excerpt, indent: "     "))
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
