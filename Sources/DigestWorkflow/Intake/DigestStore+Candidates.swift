import DigestStorage
import DigestModel
import DigestRendering
/// The backlog as one inbox: deferred items and candidate links from feeds,
/// nominations and fetches; adding candidates without duplicates,
/// dismissing, and bringing entries into an issue.
extension DigestStore {
    private static let candidateColumns = """
        id, origin, origin_name, title, url, source, author, date, excerpt, section, note, added_at, added_by
        """

    /// Every entry waiting in the backlog, oldest first.
    package func inbox() throws -> [Candidate] {
        let deferred = try backlog().map { entry in
            Candidate(id: entry.item.id, origin: .deferred, originName: entry.deferredBy,
                      fields: CandidateFields(entry.item.fields), note: entry.item.note, addedAt: entry.deferredAt,
                      addedBy: entry.deferredBy, fromIssue: entry.fromIssue)
        }
        let waiting = try database.statement("""
            SELECT \(Self.candidateColumns) FROM candidates
            WHERE taken_into IS NULL AND dismissed_at IS NULL ORDER BY added_at, id
            """).rows([], Self.candidate)
        return (deferred + waiting).sorted { ($0.addedAt, $0.id) < ($1.addedAt, $1.id) }
    }

    private static func candidate(from row: Row) throws -> Candidate {
        guard let origin = CandidateOrigin(rawValue: row.string(1)) else {
            throw DigestError.internalError("a candidate holds the unknown origin '\(row.string(1))'; run 'digest doctor'.")
        }
        let fields = CandidateFields(title: row.string(3), url: row.string(4), source: row.optionalString(5),
                                     author: row.optionalString(6), date: try row.optionalString(7).map(civilDate),
                                     excerpt: row.optionalString(8), section: row.optionalString(9))
        return Candidate(id: row.int(0), origin: origin, originName: row.string(2), fields: fields,
                         note: row.optionalString(10), addedAt: row.string(11), addedBy: row.string(12), fromIssue: nil)
    }

    /// Where a link already is: waiting in the backlog, published, or in an issue being made.
    package func holder(ofLinkKey key: String) throws -> LinkHolder? {
        if let id = try database.integer("""
            SELECT id FROM candidates WHERE url_key = ? AND taken_into IS NULL AND dismissed_at IS NULL LIMIT 1
            """, [key]) {
            return .backlog(id)
        }
        if let id = try database.integer("""
            SELECT b.item FROM backlog b JOIN item_states s ON s.id = b.state
            WHERE s.url_key = ? AND b.taken_into IS NULL AND b.dismissed_at IS NULL LIMIT 1
            """, [key]) {
            return .backlog(id)
        }
        if let issue = try database.integer("""
            SELECT s.issue FROM item_states s
            WHERE s.url_key = ? AND s.valid_to IS NULL AND s.status != 'rejected'
              AND EXISTS (SELECT 1 FROM editions e WHERE e.issue = s.issue)
            ORDER BY s.issue DESC LIMIT 1
            """, [key]) {
            return .published(issue)
        }
        if let issue = try database.integer("""
            SELECT issue FROM item_states WHERE url_key = ? AND valid_to IS NULL ORDER BY issue DESC LIMIT 1
            """, [key]) {
            return .issue(issue)
        }
        return nil
    }

    /// The next id of the series items and candidates share.
    func nextSharedID() throws -> Int {
        (try database.integer("""
            SELECT max(coalesce((SELECT max(id) FROM items), 0), coalesce((SELECT max(id) FROM candidates), 0))
            """) ?? 0) + 1
    }

    /// The ids new items must start from when candidates hold ids above every item's, else nil.
    func firstItemIDAboveCandidates() throws -> Int? {
        guard let highest = try database.integer("SELECT max(id) FROM candidates") else { return nil }
        let items = try database.integer("SELECT max(id) FROM items") ?? 0
        return highest > items ? highest + 1 : nil
    }

    /// Stores one candidate unless its link is already somewhere; runs inside a write.
    func admit(_ fields: CandidateFields, origin: CandidateOrigin, originName: String, feed: Int?, note: String?,
               actor: String, at: String, into tally: inout IntakeTally) throws {
        if let holder = try holder(ofLinkKey: fields.linkKey) {
            tally.count(holder)
            return
        }
        let id = try nextSharedID()
        try database.statement("""
            INSERT INTO candidates(id, origin, origin_name, feed, title, url, url_key, source, author, date, excerpt,
                                   section, note, added_at, added_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute([id, origin.rawValue, originName, feed, fields.title, fields.url, fields.linkKey, fields.source,
                          fields.author, fields.date?.iso, fields.excerpt, fields.section, note, at, actor])
        tally.added.append(Candidate(id: id, origin: origin, originName: originName, fields: fields, note: note,
                                     addedAt: at, addedBy: actor, fromIssue: nil))
    }

    /// A nomination or a kept fetch: one link into the backlog.
    /// `nominate` is open to contributors and to everyone who may add items.
    package func addCandidate(_ fields: CandidateFields, origin: CandidateOrigin, note: String?,
                              request: ChangeRequest) throws -> IntakeTally {
        try write {
            let actor = request.actor
            try authorize(request, to: origin == .nominated ? .nominate : .fetchSave)
            var tally = IntakeTally()
            try admit(fields, origin: origin, originName: actor, feed: nil, note: note, actor: actor,
                      at: now.rfc3339, into: &tally)
            return tally
        }
    }

    /// Takes entries out of the backlog without bringing them into an issue; the note says why.
    package func dismiss(_ ids: [Int], note: String?, request: ChangeRequest) throws -> [Candidate] {
        try write {
            let actor = request.actor
            try authorize(request, to: .dismissCandidates)
            let waiting = try inbox()
            let at = now.rfc3339
            var dismissed: [Candidate] = []
            for id in ids {
                guard let entry = waiting.first(where: { $0.id == id }) else {
                    throw DigestError.notFound("\(id) is not in the backlog; 'digest backlog' lists what is.")
                }
                let table = entry.origin == .deferred ? "backlog" : "candidates"
                let key = entry.origin == .deferred ? "item" : "id"
                try database.statement("""
                    UPDATE \(table) SET dismissed_at = ?, dismissed_by = ?, dismiss_note = ? WHERE \(key) = ?
                    """).execute([at, actor, note, id])
                dismissed.append(entry)
            }
            return dismissed
        }
    }

    /// A waiting candidate (not a deferred item) as a new item, with `overrides`
    /// winning over its own fields. Missing fields are reported as for typed input.
    func candidateItem(_ id: Int, overrides: [String: String]) throws -> NewItem? {
        guard let candidate = try database.statement("""
            SELECT \(Self.candidateColumns) FROM candidates WHERE id = ? AND taken_into IS NULL AND dismissed_at IS NULL
            """).row([id], Self.candidate) else { return nil }
        var values = candidate.fields.values
        for (name, value) in overrides { values[name] = value }
        let validator = ItemValidator(excerptLimit: try settings.excerptLimit)
        let fields: ItemFields
        do {
            fields = try validator.newItem(values, incomplete: false, location: "backlog entry \(id)")
        } catch {
            guard case .invalid(let problems) = error else { throw error }
            throw DigestError.invalid(problems.map { problem in
                guard problem.reason == "it is missing" else { return problem }
                let flag = "--" + problem.field.split(separator: "_").joined(separator: "-")
                return ValidationProblem(location: problem.location, field: problem.field, value: nil,
                                         reason: "the \(candidate.originText) entry does not give one",
                                         fix: "give it with 'digest add-item ISSUE --from-backlog \(id) \(flag) …'")
            })
        }
        var newItem = NewItem(fields: fields, location: "backlog entry \(id)")
        newItem.addedBy = candidate.addedBy
        newItem.id = id
        return newItem
    }

    func markTaken(candidate id: Int, by item: Int) throws {
        try database.statement("UPDATE candidates SET taken_into = ? WHERE id = ?").execute([item, id])
    }
}
