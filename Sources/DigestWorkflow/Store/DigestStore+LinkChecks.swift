import DigestStorage
import DigestModel
import DigestRendering
/// Stored link-check results.
extension DigestStore {
    /// Replaces the stored results for these items. Not a revision: a check
    /// changes nothing the editor wrote, and is allowed at any stage.
    package func storeLinkChecks(_ checks: [LinkCheck], request: ChangeRequest) throws {
        try write {
            try authorize(request, to: .checkLinks)
            for check in checks {
                try database.statement("""
                    INSERT OR REPLACE INTO link_checks(item, url, checked_at, outcome, status, final_url, suggested_url,
                      detail, state)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """).execute([check.item, check.url, check.checkedAt, check.outcome, check.status, check.finalURL,
                                  check.suggestedURL, check.detail, check.state])
            }
        }
    }

    /// The stored results for the current links of these items, by item id.
    /// A result holds only while the item keeps the link it checked: one for
    /// a link the item no longer has is left out, and so is one for a link
    /// that was changed after the check began, even when changed back since.
    package func linkChecks(for items: [Item]) throws -> [Int: LinkCheck] {
        guard !items.isEmpty else { return [:] }
        var checks: [Int: LinkCheck] = [:]
        let urls = Dictionary(items.compactMap { item in item.fields.url.map { (item.id, $0) } }, uniquingKeysWith: { first, _ in first })
        let statement = try database.statement("""
            SELECT item, url, checked_at, outcome, status, final_url, suggested_url, detail, state FROM link_checks WHERE item = ?
            """)
        // The first state of the item's present run of the same link.
        let linkSince = try database.statement("""
            SELECT min(s.id) FROM item_states s
            WHERE s.item = ?1 AND s.id <= ?2 AND s.id > coalesce(
              (SELECT max(o.id) FROM item_states o WHERE o.item = ?1 AND o.id <= ?2 AND o.url IS NOT ?3), 0)
            """)
        for item in items {
            guard let check = try statement.row([item.id], { row in
                LinkCheck(item: row.int(0), url: row.string(1), checkedAt: row.string(2), outcome: row.string(3),
                          status: row.optionalInt(4), finalURL: row.optionalString(5),
                          suggestedURL: row.optionalString(6), detail: row.optionalString(7), state: row.optionalInt(8))
            }), check.url == urls[item.id], let checkedState = check.state,
                  let since = try linkSince.row([item.id, item.stateID, check.url], { $0.optionalInt(0) }) ?? nil,
                  since <= checkedState else { continue }
            checks[item.id] = check
        }
        return checks
    }

    /// The publish rule: with `publish.require-links-ok` on, every approved
    /// link must have been checked and found reachable.
    package func linkProblems(_ items: [Item]) throws -> (broken: [Item], unchecked: [Item]) {
        let checks = try linkChecks(for: items)
        let broken = items.filter { checks[$0.id]?.isBroken == true }
        let unchecked = items.filter { checks[$0.id] == nil }
        return (broken, unchecked)
    }
}
