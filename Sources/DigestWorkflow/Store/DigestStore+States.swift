import DigestStorage
import DigestModel
import DigestRendering
/// Opening and closing state rows, and keeping the search index in step.
extension DigestStore {
    /// A new current state for `item` from `version` on. Returns its row id.
    @discardableResult
    func openState(item: Int, issue: Int, version: Int, sortKey: SortKey, fields: ItemFields, status: ItemStatus,
                   note: String?, addedBy: String, editedBy: String?, reviewedBy: String?, reviewedAt: String?,
                   indexed: Bool = true) throws -> Int {
        try database.statement("""
            INSERT INTO item_states(item, issue, valid_from, position, title, url, url_key, source, author, date,
              excerpt, section, posted_on, link_text, status, note, added_by, edited_by, reviewed_by, reviewed_at, sort_tag)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute([
                item, issue, version, sortKey.position, fields.title, fields.url, fields.linkKey, fields.source,
                fields.author, fields.date.iso, fields.excerpt, fields.section, fields.postedOn?.iso,
                fields.linkText, status.rawValue, note, addedBy, editedBy, reviewedBy, reviewedAt, sortKey.tag,
            ])
        let stateID = database.lastInsertedRowID
        if indexed {
            try database.statement(
                "INSERT INTO item_search(rowid, title, excerpt, source, author) VALUES (?, ?, ?, ?, ?)"
            ).execute([stateID, fields.title, fields.excerpt, fields.source, fields.author ?? ""])
        }
        return stateID
    }

    /// A new state for an existing item, carrying over whatever is not given.
    @discardableResult
    func replaceState(of item: Item, version: Int, sortKey: SortKey? = nil, fields: ItemFields? = nil,
                      status: ItemStatus? = nil, note: String?? = nil, editedBy: String?? = nil,
                      reviewedBy: String?? = nil, reviewedAt: String?? = nil) throws -> Int {
        try closeState(of: item, version: version)
        return try openState(item: item.id, issue: item.issue, version: version, sortKey: sortKey ?? item.sortKey,
                             fields: fields ?? item.fields, status: status ?? item.status, note: note ?? item.note,
                             addedBy: item.addedBy, editedBy: editedBy ?? item.editedBy,
                             reviewedBy: reviewedBy ?? item.reviewedBy, reviewedAt: reviewedAt ?? item.reviewedAt)
    }

    /// Ends the item's current state at `version` (it stays in history).
    /// The item with `fields` written by `actor`: pending again, and a
    /// decision, with its note, withdrawn (it was about the old text).
    /// `edit-item` and `edit` both change fields through it.
    func replaceFields(of item: Item, with fields: ItemFields, version: Int, actor: String,
                       sortKey: SortKey? = nil) throws -> Int {
        let resets = item.status != .pending
        return try replaceState(of: item, version: version, sortKey: sortKey, fields: fields, status: .pending,
                                note: resets ? .some(nil) : nil, editedBy: .some(actor),
                                reviewedBy: resets ? .some(nil) : nil, reviewedAt: resets ? .some(nil) : nil)
    }

    func closeState(of item: Item, version: Int) throws {
        // An external-content index forgets a row only when told the exact
        // values it indexed.
        try database.statement("""
            INSERT INTO item_search(item_search, rowid, title, excerpt, source, author) VALUES ('delete', ?, ?, ?, ?, ?)
            """).execute([item.stateID, item.fields.title, item.fields.excerpt, item.fields.source,
                          item.fields.author ?? ""])
        try database.statement("UPDATE item_states SET valid_to = ? WHERE id = ? AND valid_to IS NULL")
            .execute([version, item.stateID])
        guard database.changes == 1 else {
            throw DigestError.internalError("item \(item.id)'s state \(item.stateID) was not current when closed.")
        }
    }

    /// A new current state for the issue itself from `version` on. Changing
    /// the date, title or intro needs `fieldsBy` (who changed them) and
    /// withdraws the fields' approval.
    func replaceIssueState(_ issue: Issue, version: Int, date: CivilDate? = nil, title: String?? = nil,
                           intro: String?? = nil, status: IssueStatus? = nil, edition: Int?? = nil,
                           fieldsBy: String? = nil, approvedBy: String?? = nil, approvedAt: String?? = nil,
                           preheader: String?? = nil) throws {
        try database.statement("UPDATE issue_states SET valid_to = ? WHERE issue = ? AND valid_to IS NULL")
            .execute([version, issue.number])
        let withdrawn = fieldsBy != nil
        try insertIssueState(number: issue.number, version: version, date: date ?? issue.date,
                             title: title ?? issue.title, intro: intro ?? issue.intro,
                             status: status ?? issue.status, edition: edition ?? issue.edition,
                             fieldsBy: fieldsBy ?? issue.fieldsBy,
                             approvedBy: approvedBy ?? (withdrawn ? nil : issue.approvedBy),
                             approvedAt: approvedAt ?? (withdrawn ? nil : issue.approvedAt),
                             preheader: preheader ?? issue.preheader)
    }

    func insertIssueState(number: Int, version: Int, date: CivilDate, title: String?, intro: String?,
                          status: IssueStatus, edition: Int?, fieldsBy: String?,
                          approvedBy: String? = nil, approvedAt: String? = nil, preheader: String? = nil) throws {
        try database.statement("""
            INSERT INTO issue_states(issue, valid_from, date, title, intro, status, edition, fields_by, approved_by,
              approved_at, preheader)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute([number, version, date.iso, title, intro, status.rawValue, edition, fieldsBy, approvedBy,
                          approvedAt, preheader])
    }
}
