/// Full-text search over the current state of every item of every issue.
extension DigestStore {
    package func search(_ text: String, issue: Int? = nil, status: IssueStatus? = nil, limit: Int = 20) throws -> [SearchHit] {
        guard let query = SearchQuery.fts(from: text) else {
            throw DigestError.invalid([ValidationProblem(field: "QUERY", value: text,
                                                         reason: "it has no words to search for",
                                                         fix: "search for words or numbers, for example: digest search tides")])
        }
        // Title matches count most, then source and author, then the excerpt.
        return try database.statement("""
            SELECT s.issue, s.item, s.title, s.url,
                   snippet(item_search, -1, '[', ']', '…', 16), st.date, st.status
            FROM item_search
            JOIN item_states s ON s.id = item_search.rowid
            JOIN issue_states st ON st.issue = s.issue AND st.valid_to IS NULL
            WHERE item_search MATCH ?1 AND (?2 IS NULL OR s.issue = ?2) AND (?3 IS NULL OR st.status = ?3)
            ORDER BY bm25(item_search, 8.0, 1.0, 2.0, 2.0), s.issue DESC, s.item
            LIMIT ?4
            """).rows([query, issue, status?.rawValue, limit]) { row in
            SearchHit(issue: row.int(0), item: row.int(1), title: row.string(2), url: row.optionalString(3),
                      snippet: row.string(4), issueDate: try Self.civilDate(row.string(5)),
                      issueStatus: try Self.issueStatus(row.string(6)))
        }
    }
}
