import DigestStorage
import DigestModel
import DigestRendering
/// Finds links that earlier published issues already carried.
///
/// For a handful of items it asks the database each time; for a bulk import
/// it reads every published link once and keeps it up to date as imported
/// issues are published, so an archive of tens of thousands of items costs
/// one query instead of one per item. It keeps only a hash of each link and
/// the item that carries it, a few bytes a link, and reads the rest from the
/// database for the rare link that does repeat.
final class RepeatFinder {
    private let store: DigestStore
    /// The hash of a link key, and the latest published item with that link.
    private var known: [Int: Int]?

    init(store: DigestStore, bulk: Bool) throws {
        self.store = store
        guard bulk else { return }
        var map: [Int: Int] = [:]
        _ = try store.database.statement("""
            SELECT s.url_key, s.item FROM item_states s
            WHERE s.valid_to IS NULL AND s.url_key IS NOT NULL AND s.status = 'approved'
              AND EXISTS (SELECT 1 FROM editions e WHERE e.issue = s.issue)
            ORDER BY s.issue
            """).rows { row in
            map[row.string(0).hashValue] = row.int(1)
        }
        known = map
    }

    /// The latest other published issue with this link.
    func earlier(_ fields: ItemFields, outside number: Int) throws -> RepeatLink? {
        guard let url = fields.url, let key = fields.linkKey else { return nil }
        guard let known else { return try store.earlierPublication(of: url, outside: number) }
        guard let item = known[key.hashValue] else { return nil }
        return try store.database.statement("""
            SELECT s.url_key, s.issue, st.date FROM item_states s
            JOIN issue_states st ON st.issue = s.issue AND st.valid_to IS NULL
            WHERE s.item = ? AND s.valid_to IS NULL
            """).row([item]) { row -> RepeatLink? in
            guard row.string(0) == key, row.int(1) != number else { return nil }
            return RepeatLink(url: url, issue: row.int(1), date: try DigestStore.civilDate(row.string(2)), item: item)
        } ?? nil
    }

    /// Records the links of an issue that has just been published.
    func published(_ items: [Item], in number: Int, date: CivilDate) {
        guard known != nil else { return }
        for item in items where item.status == .approved {
            guard let key = item.fields.linkKey else { continue }
            known?[key.hashValue] = item.id
        }
    }
}
