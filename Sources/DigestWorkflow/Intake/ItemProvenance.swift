import DigestModel

/// Where an item brought in from the backlog came from: the feed or the
/// person that put it there, their note, and who brought it into the issue.
package struct ItemProvenance: Sendable, Equatable {
    package let origin: CandidateOrigin
    /// The feed's name, or the person who nominated or fetched it.
    package let originName: String
    /// The note it was nominated or saved with.
    package let note: String?
    /// Who brought it into the issue (the actor of the revision that added it).
    package let broughtInBy: String

    /// "nominated by kim, brought in by mira", "from the feed Coastal Review, brought in by mira".
    package var text: String {
        let from = switch origin {
        case .feed: "from the feed \(originName)"
        case .nominated: "nominated by \(originName)"
        case .fetched: "fetched by \(originName)"
        case .deferred: "deferred by \(originName)"
        }
        return from + ", brought in by \(broughtInBy)"
    }
}

extension DigestStore {
    /// The provenance of the items that came from backlog candidates, by
    /// item id: read from the candidate the item was made from (its origin
    /// and note stay there) and the revision that added the item.
    package func provenance(for items: [Item]) throws -> [Int: ItemProvenance] {
        guard !items.isEmpty else { return [:] }
        let ids = "[" + items.map { String($0.id) }.joined(separator: ",") + "]"
        var found: [Int: ItemProvenance] = [:]
        _ = try database.statement("""
            SELECT c.taken_into, c.origin, c.origin_name, c.note,
              (SELECT r.actor FROM revisions r WHERE r.issue = i.issue
                 AND r.version = (SELECT min(s.valid_from) FROM item_states s WHERE s.item = i.id))
            FROM candidates c JOIN items i ON i.id = c.taken_into
            WHERE c.taken_into IN (SELECT value FROM json_each(?))
            """).rows([ids]) { row in
            guard let origin = CandidateOrigin(rawValue: row.string(1)) else { return }
            found[row.int(0)] = ItemProvenance(origin: origin, originName: row.string(2), note: row.optionalString(3),
                                               broughtInBy: row.optionalString(4) ?? "?")
        }
        return found
    }
}
