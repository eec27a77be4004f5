import DigestStorage
import DigestModel
import DigestRendering
/// Reading issues as they are now or as they were at any version.
extension DigestStore {
    /// Queries may select more columns after these; theirs start at 21.
    static let itemColumns = """
        s.id, s.item, s.position, s.title, s.url, s.source, s.author, s.date, s.excerpt, s.section,
        s.posted_on, s.link_text, s.status, s.note, s.added_by, s.edited_by, s.reviewed_by, s.reviewed_at,
        i.origin, s.issue, s.sort_tag
        """

    /// The issue's state at `version` (now when nil), with its items.
    /// One snapshot: its fields and items are from the same moment.
    package func issue(_ number: Int, asOf version: Int? = nil) throws -> Issue {
        try read { try issueSnapshot(number, asOf: version) }
    }

    private func issueSnapshot(_ number: Int, asOf version: Int?) throws -> Issue {
        guard var issue = try issueHead(number, asOf: version) else {
            if let version, let head = try issueHead(number, asOf: nil) {
                throw DigestError.workflow(.noSuchVersion(issue: number, version: version, latest: head.version))
            }
            throw DigestError.workflow(.noSuchIssue(number))
        }
        issue.items = try items(of: number, asOf: version)
        return issue
    }

    /// The issue's own fields at `version` (now when nil), without items.
    package func issueHead(_ number: Int, asOf version: Int? = nil) throws -> Issue? {
        let current = try database.integer("SELECT version FROM issues WHERE number = ?", [number])
        guard let current else { return nil }
        if let version, version < 1 || version > current { return nil }
        let at = version ?? current
        let sql = version == nil
            ? """
              SELECT s.date, s.title, s.intro, s.status, s.edition, s.preheader, \(Self.reviewColumns)
              FROM issue_states s JOIN issues n ON n.number = s.issue WHERE s.issue = ?1 AND s.valid_to IS NULL
              """
            : Self.issueStateAsOfVersionSQL
        let values: [DatabaseValueConvertible] = version == nil ? [number] : [number, at]
        return try database.statement(sql).row(values) { row in
            Self.withReview(Issue(number: number, date: try Self.civilDate(row.string(0)), title: row.optionalString(1),
                                  intro: row.optionalString(2), status: try Self.issueStatus(row.string(3)),
                                  version: at, edition: row.optionalInt(4), preheader: row.optionalString(5)),
                            row, from: 6)
        }
    }

    /// Who changed and who approved the issue's own fields, and whether its
    /// edition was imported unreviewed (for `s` an issue state, `n` its issue).
    static let reviewColumns = """
        coalesce(s.fields_by, n.created_by), s.approved_by, s.approved_at,
        (SELECT e.reviewed = 0 FROM editions e WHERE e.issue = s.issue AND e.edition = s.edition AND s.status = 'published')
        """

    static func withReview(_ issue: Issue, _ row: Row, from column: Int32) -> Issue {
        var issue = issue
        issue.fieldsBy = row.optionalString(column)
        issue.approvedBy = row.optionalString(column + 1)
        issue.approvedAt = row.optionalString(column + 2)
        issue.importedWithoutReview = row.optionalInt(column + 3) == 1
        return issue
    }

    /// The items of an issue at `version` (now when nil), in order, positions 1…n.
    package func items(of number: Int, asOf version: Int? = nil) throws -> [Item] {
        let sql: String
        let values: [DatabaseValueConvertible]
        if let version {
            sql = Self.itemsAsOfVersionSQL
            values = [number, version]
        } else {
            sql = """
                SELECT \(Self.itemColumns) FROM item_states s JOIN items i ON i.id = s.item
                WHERE s.issue = ?1 AND s.valid_to IS NULL
                ORDER BY s.position, s.sort_tag, s.item
                """
            values = [number]
        }
        var position = 0
        return try database.statement(sql).rows(values) { row in
            position += 1
            return try Self.item(from: row, position: position)
        }
    }

    /// The state of issue `?1` at version `?2`: its states follow one
    /// another without gaps, so it is the latest one begun by then.
    package static let issueStateAsOfVersionSQL = """
        SELECT s.date, s.title, s.intro, s.status, s.edition, s.preheader, \(reviewColumns)
        FROM issue_states s JOIN issues n ON n.number = s.issue
        WHERE s.issue = ?1 AND s.valid_from <= ?2 ORDER BY s.valid_from DESC LIMIT 1
        """

    /// The items of issue `?1` at version `?2`: each item's latest state
    /// from that version or before, if it was still open then. One index
    /// seek per item the issue ever had, however long its history (an item
    /// never leaves the issue it was added to).
    package static let itemsAsOfVersionSQL = """
        SELECT \(itemColumns) FROM items i
        JOIN item_states s ON s.id = (
          SELECT x.id FROM item_states x WHERE x.item = i.id AND x.valid_from <= ?2
          ORDER BY x.valid_from DESC LIMIT 1)
        WHERE i.issue = ?1 AND (s.valid_to IS NULL OR s.valid_to > ?2)
        ORDER BY s.position, s.sort_tag, s.item
        """

    /// One current item of an issue, or a not-found error that says what exists.
    package func currentItem(_ id: Int, of number: Int) throws -> Item {
        if let item = try items(of: number).first(where: { $0.id == id }) { return item }
        if let elsewhere = try database.integer(
            "SELECT issue FROM item_states WHERE item = ? AND valid_to IS NULL", [id]) {
            throw DigestError.workflow(.itemInOtherIssue(item: id, issue: elsewhere, asked: number))
        }
        if try database.integer("SELECT 1 FROM backlog WHERE item = ? AND taken_into IS NULL AND dismissed_at IS NULL", [id]) != nil {
            throw DigestError.workflow(.itemInBacklog(item: id, asked: number))
        }
        throw DigestError.workflow(.noSuchItem(issue: number, item: id))
    }

    /// The newest `limit` issues (all when nil), optionally only those at one
    /// stage, with item counts. Items are counted for the listed issues only,
    /// so a screenful costs the same however long the archive is.
    package func issues(status: IssueStatus? = nil, limit: Int? = nil) throws -> [(issue: Issue, itemCount: Int)] {
        let sql = """
            SELECT n.number, s.date, s.title, s.intro, s.status, s.edition, n.version,
                   (SELECT count(*) FROM item_states x WHERE x.issue = n.number AND x.valid_to IS NULL),
                   \(Self.reviewColumns)
            FROM issues n JOIN issue_states s ON s.issue = n.number AND s.valid_to IS NULL
            WHERE ?1 IS NULL OR s.status = ?1
            ORDER BY n.number DESC LIMIT ?2
            """
        return try database.statement(sql).rows([status?.rawValue, limit ?? -1]) { row in
            (Self.withReview(Issue(number: row.int(0), date: try Self.civilDate(row.string(1)), title: row.optionalString(2),
                                   intro: row.optionalString(3), status: try Self.issueStatus(row.string(4)),
                                   version: row.int(6), edition: row.optionalInt(5)), row, from: 8),
             row.int(7))
        }
    }

    /// How many issues there are, optionally only at one stage.
    package func issueCount(status: IssueStatus? = nil) throws -> Int {
        guard let status else { return try database.integer("SELECT count(*) FROM issues") ?? 0 }
        return try database.integer("SELECT count(*) FROM issue_states WHERE valid_to IS NULL AND status = ?",
                                    [status.rawValue]) ?? 0
    }

    /// Every revision of an issue, oldest first.
    package func history(of number: Int) throws -> [Revision] {
        guard try issueHead(number) != nil else { throw DigestError.workflow(.noSuchIssue(number)) }
        return try database.statement(
            "SELECT version, at, actor, action, summary, message, identity FROM revisions WHERE issue = ? ORDER BY version"
        ).rows([number]) { row in
            Revision(issue: number, version: row.int(0), at: row.string(1), actor: row.string(2),
                     identity: row.string(6), action: row.string(3), summary: row.string(4),
                     message: row.optionalString(5))
        }
    }

    // MARK: Row mapping

    static func item(from row: Row, position: Int) throws -> Item {
        let fields = ItemFields(
            title: row.string(3), url: row.optionalString(4), source: row.string(5), author: row.optionalString(6),
            date: try civilDate(row.string(7)), excerpt: row.string(8), section: row.optionalString(9),
            postedOn: try row.optionalString(10).map(civilDate), linkText: row.optionalString(11))
        let status = try itemStatus(row.string(12))
        return Item(id: row.int(1), issue: row.int(19), position: position, fields: fields, status: status,
                    note: row.optionalString(13), addedBy: row.string(14), editedBy: row.optionalString(15),
                    reviewedBy: row.optionalString(16), reviewedAt: row.optionalString(17),
                    origin: row.optionalInt(18), stateID: row.int(0), sortKey: SortKey(row.double(2), tag: row.optionalString(20)))
    }

    static func civilDate(_ text: String) throws -> CivilDate {
        guard let date = CivilDate(iso: text) else {
            throw DigestError.internalError("the database holds the date '\(text)', which is not YYYY-MM-DD; "
                + "run 'digest doctor'.")
        }
        return date
    }

    static func itemStatus(_ text: String) throws -> ItemStatus {
        guard let status = ItemStatus(rawValue: text) else {
            throw DigestError.internalError("an item state holds the unknown status '\(text)'; run 'digest doctor'.")
        }
        return status
    }

    static func issueStatus(_ text: String) throws -> IssueStatus {
        guard let status = IssueStatus(rawValue: text) else {
            throw DigestError.internalError("an issue state holds the unknown status '\(text)'; run 'digest doctor'.")
        }
        return status
    }
}
