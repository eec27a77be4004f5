import DigestModel
import DigestRendering
import DigestWorkflow

extension Item {
    /// The item as `show --json` and every other command print it.
    var json: JSONValue { json(linkCheck: nil) }

    /// With the stored result of its last link check, when there is one.
    /// The item for `--json`; `provenance` adds where a backlog entry came from and who brought it in.
    func json(linkCheck: LinkCheck?, provenance: ItemProvenance? = nil) -> JSONValue {
        var members = members(linkCheck: linkCheck)
        if let provenance {
            members.append(("provenance", .object([
                ("origin", .string(provenance.origin.rawValue)), ("origin_name", .string(provenance.originName)),
                ("note", .optional(provenance.note)), ("brought_in_by", .string(provenance.broughtInBy)),
            ])))
        }
        return .object(members)
    }

    private func members(linkCheck: LinkCheck?) -> [(String, JSONValue)] {
        [
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
        ]
    }

    /// A readable block: position, id, status and title, then link, source line and excerpt.
    func block(excerpt showExcerpt: Bool = true, linkCheck: LinkCheck? = nil, provenance: ItemProvenance? = nil,
               style: TextStyle = .plain) -> String {
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
        if let provenance {
            lines.append(TextLayout.wrap(provenance.text, indent: "     "))
            if let note = provenance.note {
                lines.append(TextLayout.wrap("\(provenance.origin == .nominated ? "nomination" : "backlog") note: \(note)",
                                             indent: "     "))
            }
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
