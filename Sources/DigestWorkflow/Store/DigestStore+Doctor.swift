import DigestStorage
import DigestModel
import DigestRendering
/// `doctor`: SQLite's own checks, then digest's invariants.
extension DigestStore {
    package func doctor() throws -> [DoctorCheck] {
        var checks: [DoctorCheck] = try read {
            var checks: [DoctorCheck] = []
            let integrity = try database.statement("PRAGMA integrity_check").rows { $0.string(0) }
            checks.append(DoctorCheck(name: "SQLite integrity_check", problems: integrity == ["ok"] ? [] : integrity))
            let foreignKeys = try database.statement("PRAGMA foreign_key_check").rows { row in
                "\(row.string(0)) row \(row.int(1)) points at a missing \(row.string(2)) row"
            }
            checks.append(DoctorCheck(name: "foreign keys", problems: foreignKeys))
            let version = try database.integer("PRAGMA user_version") ?? 0
            checks.append(DoctorCheck(name: "schema version \(version)", problems:
                version == Migrator.digest.latestVersion ? [] : ["expected schema \(Migrator.digest.latestVersion)"]))
            checks += try invariantChecks()
            checks.append(DoctorCheck(name: "stored rows follow the input rules", problems: try storedRowProblems()))
            checks.append(DoctorCheck(name: "approvals keep four-eyes", problems: try fourEyesBreaches(), advisory: true))
            return checks
        }
        // FTS5 checks its index through an INSERT, which needs the write
        // lock: run inside the read snapshot, a concurrent writer would make
        // it fail and look like damage. It gets a transaction of its own,
        // waits for writers like any change, and changes nothing.
        if database.access == .readWrite {
            do {
                try database.transaction(immediate: true) {
                    // Rank 1 also compares the index with the text it reads
                    // (the current states): a row missing from it, or one left over.
                    try database.execute("INSERT INTO item_search(item_search, rank) VALUES ('integrity-check', 1)")
                }
                checks.append(DoctorCheck(name: "search index", problems: []))
            } catch let error as DatabaseError where !error.isBusy {
                checks.append(DoctorCheck(name: "search index", problems: [
                    "\(error.message); rebuild it with 'digest doctor --repair-search'",
                ]))
            } catch let error as DatabaseError {
                throw DigestError(error, path: path)
            }
        }
        return checks
    }

    /// Every approval given by someone who added or edited what it approves
    /// (up to that approval), or who last changed the issue text they
    /// approved: from imports, or from a time four-eyes was off. Grouped by
    /// issue and approver.
    private func fourEyesBreaches() throws -> [String] {
        let rows = try database.statement("""
            WITH RECURSIVE lineage(item, ancestor) AS (
              SELECT id, origin FROM items WHERE origin IS NOT NULL
              UNION SELECT l.item, i.origin FROM lineage l JOIN items i ON i.id = l.ancestor WHERE i.origin IS NOT NULL)
            SELECT a.issue, 'item', a.item, a.reviewed_by
            FROM (SELECT DISTINCT issue, item, reviewed_by, reviewed_at, valid_from FROM item_states
                  WHERE status = 'approved' AND reviewed_by IS NOT NULL) a
            WHERE EXISTS (SELECT 1 FROM items i WHERE i.id = a.item AND i.added_by = a.reviewed_by)
               OR EXISTS (SELECT 1 FROM item_states x WHERE x.item = a.item AND x.valid_from <= a.valid_from
                            AND (x.added_by = a.reviewed_by OR x.edited_by = a.reviewed_by))
               OR EXISTS (SELECT 1 FROM lineage l JOIN item_states x ON x.item = l.ancestor
                          WHERE l.item = a.item AND (x.added_by = a.reviewed_by OR x.edited_by = a.reviewed_by))
            UNION
            SELECT DISTINCT s.issue, 'text', 0, s.approved_by FROM issue_states s JOIN issues n ON n.number = s.issue
            WHERE s.approved_by = coalesce(s.fields_by, n.created_by)
            ORDER BY 1, 4, 2, 3
            """).rows { ($0.int(0), $0.string(1), $0.int(2), $0.string(3)) }
        var groups: [(issue: Int, reviewer: String, items: [Int], text: Bool)] = []
        for (issue, kind, item, reviewer) in rows {
            if groups.last?.issue != issue || groups.last?.reviewer != reviewer {
                groups.append((issue, reviewer, [], false))
            }
            if kind == "text" { groups[groups.count - 1].text = true } else { groups[groups.count - 1].items.append(item) }
        }
        let imported = Set(try database.statement("SELECT DISTINCT issue FROM editions WHERE reviewed = 0").rows { $0.int(0) })
        var lines = groups.prefix(50).map { group -> String in
            var what: [String] = []
            if !group.items.isEmpty {
                what.append((group.items.count == 1 ? "item " : "items ") + group.items.map(String.init).joined(separator: ", "))
            }
            if group.text { what.append("the issue's own text") }
            return "issue \(group.issue): \(what.joined(separator: " and ")) approved by \(group.reviewer), who wrote "
                + (group.items.count + (group.text ? 1 : 0) == 1 ? "it" : "them")
                + (imported.contains(group.issue) ? " (imported without review)" : "")
        }
        if groups.count > 50 {
            lines.append("… and \(groups.count - 50) more such approvals by issue and person")
        }
        return lines
    }

    /// Rebuilds the search index from the current item states.
    package func rebuildSearchIndex(request: ChangeRequest) throws {
        try write {
            try authorize(request, to: .repairSearch)
            try database.execute("INSERT INTO item_search(item_search) VALUES ('rebuild')")
        }
    }

    /// digest's invariants across rows: what no single row shows. `load`
    /// runs them too before it commits.
    func invariantChecks() throws -> [DoctorCheck] {
        var checks: [DoctorCheck] = []
            checks.append(DoctorCheck(name: "one revision per version", problems: try invariant("""
                SELECT 'issue ' || n.number || ' is at version ' || n.version || ' but has ' || count(r.version)
                       || ' revisions numbered ' || coalesce(min(r.version), 0) || '–' || coalesce(max(r.version), 0)
                FROM issues n LEFT JOIN revisions r ON r.issue = n.number
                GROUP BY n.number HAVING count(r.version) != n.version OR min(r.version) != 1 OR max(r.version) != n.version
                """)))
            checks.append(DoctorCheck(name: "one current state per issue", problems: try invariant("""
                SELECT 'issue ' || n.number || ' has ' || count(s.id) || ' current states'
                FROM issues n LEFT JOIN issue_states s ON s.issue = n.number AND s.valid_to IS NULL
                GROUP BY n.number HAVING count(s.id) != 1
                """)))
            checks.append(DoctorCheck(name: "states within their issue's versions", problems: try invariant("""
                SELECT 'item ' || s.item || ' has a state from version ' || s.valid_from
                       || ', past issue ' || s.issue || ' version ' || n.version
                FROM item_states s JOIN issues n ON n.number = s.issue
                WHERE s.valid_from > n.version OR s.valid_to > n.version
                UNION ALL
                SELECT 'item ' || s.item || ' has a state in issue ' || s.issue || ' but belongs to issue ' || i.issue
                FROM item_states s JOIN items i ON i.id = s.item WHERE s.issue != i.issue
                """)))
            checks.append(DoctorCheck(name: "published issues have their edition", problems: try invariant("""
                SELECT 'issue ' || s.issue || ' is published as edition ' || coalesce(s.edition, '?')
                       || ' but no such edition is stored'
                FROM issue_states s WHERE s.valid_to IS NULL AND s.status = 'published'
                  AND NOT EXISTS (SELECT 1 FROM editions e WHERE e.issue = s.issue AND e.edition = s.edition)
                """)))
            checks.append(DoctorCheck(name: "links and their keys agree", problems: try linkKeyProblems()))
            checks.append(DoctorCheck(name: "no page twice in one issue", problems: try invariant("""
                SELECT 'issue ' || issue || ' links to the same page in items ' || group_concat(item, ', ')
                FROM item_states WHERE valid_to IS NULL AND url_key IS NOT NULL
                GROUP BY issue, url_key HAVING count(*) > 1
                """)))
        return checks
    }

    /// Every row of every table through the rules typed input follows.
    private func storedRowProblems() throws -> [String] {
        var problems: [String] = []
        for table in Self.dumpedTables {
            let statement = try database.statement("SELECT * FROM \(table)")
            _ = try statement.rows { row in
                var values: [String: DatabaseValue] = [:]
                for column in 0..<row.columnCount { values[row.name(column)] = row.value(column) }
                if table == "editions" {
                    // The rules are about the email as it was sent.
                    guard case .text(let stored)? = values["email"], case .text(let text)? = values["text"],
                          case .text(let html)? = values["html"] else { return }
                    var layout: String?
                    if case .text(let given)? = values["email_layout"] { layout = given }
                    guard let email = StoredEmail.expand(stored, layout: layout, text: text, html: html) else {
                        problems.append("\(Self.rowName(table, values)): its email has a layout this digest cannot read; "
                            + "restore it from a backup or a dump")
                        return
                    }
                    values["email"] = .text(email)
                    values["email_layout"] = nil
                }
                for problem in StoredRowRules.problems(table: table, row: values) {
                    var located = problem
                    located.location = Self.rowName(table, values)
                    problems.append(located.description)
                }
            }
        }
        return problems
    }

    /// How a row is named in `doctor`'s report.
    private static func rowName(_ table: String, _ row: [String: DatabaseValue]) -> String {
        func text(_ column: String) -> String {
            switch row[column] {
            case .integer(let number): return String(number)
            case .text(let value): return value
            default: return "?"
            }
        }
        switch table {
        case "settings": return "setting \(text("key"))"
        case "revisions": return "issue \(text("issue")) revision \(text("version"))"
        case "editions": return "issue \(text("issue")) edition \(text("edition"))"
        case "backlog", "link_checks": return "\(table) of item \(text("item"))"
        default: return "\(table) row \(text("id") == "?" ? text("number") : text("id"))"
        }
    }

    private func invariant(_ sql: String) throws -> [String] {
        try database.statement(sql).rows { $0.string(0) }
    }

    private func linkKeyProblems() throws -> [String] {
        // Row by row: a long archive's links are not all held at once.
        var problems: [String] = []
        _ = try database.statement("SELECT item, url, url_key FROM item_states WHERE valid_to IS NULL AND url IS NOT NULL")
            .rows { row in
                if LinkKey.of(row.string(1)) != row.string(2) { problems.append("item \(row.int(0))'s link key is stale") }
            }
        return problems
    }
}
