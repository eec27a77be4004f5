/// Full-text search over the current state of every item of every issue.
extension DigestStore {
    /// Title matches count most, then source and author, then the excerpt.
    private static let ranking = "bm25(item_search, 8.0, 1.0, 2.0, 2.0)"

    package func search(_ text: String, issue: Int? = nil, status: IssueStatus? = nil, limit: Int = 20) throws -> [SearchHit] {
        guard let query = SearchQuery.fts(from: text) else {
            throw DigestError.invalid([ValidationProblem(field: "QUERY", value: text,
                                                         reason: "it has no words to search for",
                                                         fix: "search for words or numbers, for example: digest search tides")])
        }
        return try read {
            // Ranking first, on the index alone: a common word matches
            // thousands of items, and a snippet costs a read of the item's text,
            // so snippets are made for the best few only.
            let best: [Int]
            if issue == nil && status == nil {
                best = try database.statement("""
                    SELECT rowid FROM item_search WHERE item_search MATCH ?1 ORDER BY \(Self.ranking), rowid DESC LIMIT ?2
                    """).rows([query, limit]) { $0.int(0) }
            } else {
                best = try database.statement("""
                    SELECT item_search.rowid FROM item_search
                    JOIN item_states s ON s.id = item_search.rowid
                    JOIN issue_states st ON st.issue = s.issue AND st.valid_to IS NULL
                    WHERE item_search MATCH ?1 AND (?2 IS NULL OR s.issue = ?2) AND (?3 IS NULL OR st.status = ?3)
                    ORDER BY \(Self.ranking), item_search.rowid DESC LIMIT ?4
                    """).rows([query, issue, status?.rawValue, limit]) { $0.int(0) }
            }
            let details = try database.statement("""
                SELECT s.issue, s.item, s.title, s.url, snippet(item_search, -1, '[', ']', '…', 16), st.date, st.status
                FROM item_search
                JOIN item_states s ON s.id = item_search.rowid
                JOIN issue_states st ON st.issue = s.issue AND st.valid_to IS NULL
                WHERE item_search MATCH ?1 AND item_search.rowid = ?2
                """)
            return try best.compactMap { stateID in
                try details.row([query, stateID]) { row in
                    SearchHit(issue: row.int(0), item: row.int(1), title: row.string(2), url: row.optionalString(3),
                              snippet: row.string(4), issueDate: try Self.civilDate(row.string(5)),
                              issueStatus: try Self.issueStatus(row.string(6)))
                }
            }
        }
    }
}
