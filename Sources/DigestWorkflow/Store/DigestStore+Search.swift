import DigestStorage
import DigestModel
import DigestRendering
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

    package func search(_ text: String, issue: Int? = nil, status: IssueStatus? = nil, itemStatus: ItemStatus? = nil,
                        limit: Int = 20) throws -> [SearchHit] {
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
            if issue == nil && status == nil && itemStatus == nil {
                best = try database.statement(Self.bestMatchesSQL).rows([query, limit, Self.rankedCandidates]) { $0.int(0) }
            } else {
                best = try database.statement("""
                    SELECT item_search.rowid FROM item_search
                    JOIN item_states s ON s.id = item_search.rowid
                    JOIN issue_states st ON st.issue = s.issue AND st.valid_to IS NULL
                    WHERE item_search MATCH ?1 AND (?2 IS NULL OR s.issue = ?2) AND (?3 IS NULL OR st.status = ?3)
                      AND (?5 IS NULL OR s.status = ?5)
                    ORDER BY \(Self.ranking), item_search.rowid DESC LIMIT ?4
                    """).rows([query, issue, status?.rawValue, limit, itemStatus?.rawValue]) { $0.int(0) }
            }
            guard let lowest = best.min(), let highest = best.max() else { return [] }
            // One pass over the matches between the lowest and highest of the
            // best (at most the ranked candidates), not one query per hit: each
            // query of its own would set up the whole match again.
            let wanted = "[" + best.map(String.init).joined(separator: ",") + "]"
            var hits: [Int: SearchHit] = [:]
            _ = try database.statement(Self.hitDetailsSQL).rows([query, lowest, highest, wanted]) { row in
                hits[row.int(0)] = SearchHit(issue: row.int(1), item: row.int(2), title: row.string(3), url: row.optionalString(4),
                                             snippet: row.string(5), issueDate: try Self.civilDate(row.string(6)),
                                             issueStatus: try Self.issueStatus(row.string(7)),
                                             itemStatus: try Self.itemStatus(row.string(8)))
            }
            return best.compactMap { hits[$0] }
        }
    }

    /// The best `?2` of the newest `?3` matches of `?1`, by rank.
    package static let bestMatchesSQL = """
        SELECT rowid FROM (
          SELECT rowid, \(ranking) AS score FROM item_search WHERE item_search MATCH ?1 ORDER BY rowid DESC LIMIT ?3)
        ORDER BY score, rowid DESC LIMIT ?2
        """

    /// The hits' items, snippets and issues: the matches of `?1` whose state
    /// ids lie between `?2` and `?3` (the index seeks there and walks that
    /// range), kept when their id is in the JSON array `?4` (a filter, not
    /// a lookup per id). A snippet is made only for the rows kept.
    package static let hitDetailsSQL = """
        SELECT item_search.rowid, s.issue, s.item, s.title, s.url, snippet(item_search, -1, '[', ']', '…', 16),
          st.date, st.status, s.status
        FROM item_search
        JOIN item_states s ON s.id = item_search.rowid
        JOIN issue_states st ON st.issue = s.issue AND st.valid_to IS NULL
        WHERE item_search MATCH ?1 AND item_search.rowid BETWEEN ?2 AND ?3
          AND +item_search.rowid IN (SELECT value FROM json_each(?4))
        """
}
