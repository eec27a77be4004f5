/// Finds links that earlier published issues already carried.
///
/// For a handful of items it asks the database each time; for a bulk import
/// it reads every published link once into memory and keeps it up to date as
/// imported issues are published, so an archive of tens of thousands of
/// items costs one query instead of one per item.
final class RepeatFinder {
    private let store: DigestStore
    private var known: [String: RepeatLink]?

    init(store: DigestStore, bulk: Bool) throws {
        self.store = store
        guard bulk else { return }
        var map: [String: RepeatLink] = [:]
        _ = try store.database.statement("""
            SELECT s.url_key, s.url, s.issue, st.date, s.item FROM item_states s
            JOIN issue_states st ON st.issue = s.issue AND st.valid_to IS NULL
            WHERE s.valid_to IS NULL AND s.url_key IS NOT NULL AND s.status = 'approved'
              AND EXISTS (SELECT 1 FROM editions e WHERE e.issue = s.issue)
            ORDER BY s.issue
            """).rows { row in
            map[row.string(0)] = RepeatLink(url: row.string(1), issue: row.int(2),
                                            date: try DigestStore.civilDate(row.string(3)), item: row.int(4))
        }
        known = map
    }

    /// The latest other published issue with this link.
    func earlier(_ fields: ItemFields, outside number: Int) throws -> RepeatLink? {
        guard let url = fields.url, let key = fields.linkKey else { return nil }
        guard let known else { return try store.earlierPublication(of: url, outside: number) }
        guard let found = known[key], found.issue != number else { return nil }
        return RepeatLink(url: url, issue: found.issue, date: found.date, item: found.item)
    }

    /// Records the links of an issue that has just been published.
    func published(_ items: [Item], in number: Int, date: CivilDate) {
        guard known != nil else { return }
        for item in items where item.status == .approved {
            guard let url = item.fields.url, let key = item.fields.linkKey else { continue }
            known?[key] = RepeatLink(url: url, issue: number, date: date, item: item.id)
        }
    }
}
