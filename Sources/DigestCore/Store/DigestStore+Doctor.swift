/// `doctor`: SQLite's own checks, then digest's invariants.
extension DigestStore {
    package func doctor() throws -> [DoctorCheck] {
        try read {
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
            if database.access == .readWrite {
                do {
                    try database.execute("INSERT INTO item_search(item_search) VALUES ('integrity-check')")
                    checks.append(DoctorCheck(name: "search index", problems: []))
                } catch let error as DatabaseError {
                    checks.append(DoctorCheck(name: "search index", problems: [
                        "\(error.message); rebuild it with 'digest doctor --repair-search'",
                    ]))
                }
            }
            return checks
        }
    }

    /// Rebuilds the search index from the current item states.
    package func rebuildSearchIndex() throws {
        try write { try database.execute("INSERT INTO item_search(item_search) VALUES ('rebuild')") }
    }

    private func invariant(_ sql: String) throws -> [String] {
        try database.statement(sql).rows { $0.string(0) }
    }

    private func linkKeyProblems() throws -> [String] {
        try database.statement("SELECT item, url, url_key FROM item_states WHERE valid_to IS NULL AND url IS NOT NULL")
            .rows { ($0.int(0), $0.string(1), $0.string(2)) }
            .filter { LinkKey.of($0.1) != $0.2 }
            .map { "item \($0.0)'s link key is stale" }
    }
}
