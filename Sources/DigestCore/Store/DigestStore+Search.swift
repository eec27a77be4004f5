/// Full-text search over the current state of every item of every issue.
extension DigestStore {
    /// Title matches count most, then source and author, then the excerpt.
    private static let ranking = "bm25(item_search, 8.0, 1.0, 2.0, 2.0)"

    /// How many of the most recently written matches are ranked. Ranking
    /// costs a score per match, and a common word matches tens of thousands
    /// of items in a long archive; the index hands out matches newest first
    /// at no cost, so the best of the newest few thousand come back in a
    /// time that does not grow with the archive. An older item that only
    /// shares a common word is found by adding a word, a phrase or --issue.
    package static let rankedCandidates = 2000

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
                best = try database.statement(Self.bestMatchesSQL).rows([query, limit, Self.rankedCandidates]) { $0.int(0) }
            } else {
                best = try database.statement("""
                    SELECT item_search.rowid FROM item_search
                    JOIN item_states s ON s.id = item_search.rowid
                    JOIN issue_states st ON st.issue = s.issue AND st.valid_to IS NULL
                    WHERE item_search MATCH ?1 AND (?2 IS NULL OR s.issue = ?2) AND (?3 IS NULL OR st.status = ?3)
                    ORDER BY \(Self.ranking), item_search.rowid DESC LIMIT ?4
                    """).rows([query, issue, status?.rawValue, limit]) { $0.int(0) }
            }
            let details = try database.statement(Self.hitDetailsSQL)
            return try best.compactMap { stateID in
                try details.row([query, stateID]) { row in
                    SearchHit(issue: row.int(0), item: row.int(1), title: row.string(2), url: row.optionalString(3),
                              snippet: row.string(4), issueDate: try Self.civilDate(row.string(5)),
                              issueStatus: try Self.issueStatus(row.string(6)))
                }
            }
        }
    }

    /// The best `?2` of the newest `?3` matches of `?1`, by rank.
    package static let bestMatchesSQL = """
        SELECT rowid FROM (
          SELECT rowid, \(ranking) AS score FROM item_search WHERE item_search MATCH ?1 ORDER BY rowid DESC LIMIT ?3)
        ORDER BY score, rowid DESC LIMIT ?2
        """

    /// One hit's item, snippet and issue, by its state id `?2`.
    package static let hitDetailsSQL = """
        SELECT s.issue, s.item, s.title, s.url, snippet(item_search, -1, '[', ']', '…', 16), st.date, st.status
        FROM item_search
        JOIN item_states s ON s.id = item_search.rowid
        JOIN issue_states st ON st.issue = s.issue AND st.valid_to IS NULL
        WHERE item_search MATCH ?1 AND item_search.rowid = ?2
        """
}
