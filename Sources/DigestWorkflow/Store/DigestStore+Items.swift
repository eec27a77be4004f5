import DigestStorage
import DigestModel
import DigestRendering
/// Adding, editing, removing and moving items.
extension DigestStore {
    /// Adds items at the end of a draft issue, all or none, as one revision.
    @discardableResult
    package func addItems(_ newItems: [NewItem], to number: Int, request: ChangeRequest,
                          action: String = "add-item") throws -> AddedItems {
        try changeIssue(number, action: action, request: request, stages: [.draft], permission: .addItem) { change in
            let added = try insertItems(newItems, into: number, version: change.version, actor: change.actor,
                                        at: change.at, status: .pending)
            let summary = added.items.count == 1
                ? "added item \(added.items[0].id) \"\(added.items[0].fields.title)\""
                : "added \(added.items.count) items (\(added.items.first?.id ?? 0)–\(added.items.last?.id ?? 0))"
            return (added, summary)
        }
    }

    /// Inserts items after the issue's current last item, refusing links the
    /// issue already has. Runs inside a change.
    func insertItems(_ newItems: [NewItem], into number: Int, version: Int, actor: String, at: String,
                     status: ItemStatus, reviewedBy: String? = nil, statuses: [ItemStatus]? = nil,
                     issueIsNew: Bool = false, indexed: Bool = true, repeats finder: RepeatFinder? = nil) throws -> AddedItems {
        try checkNoDuplicates(newItems, in: number, ignoring: nil, issueIsNew: issueIsNew)
        var sortKey = (try database.integer("""
            SELECT CAST(max(position) AS INTEGER) FROM item_states WHERE issue = ? AND valid_to IS NULL
            """, [number]) ?? 0)
        var position = try database.integer(
            "SELECT count(*) FROM item_states WHERE issue = ? AND valid_to IS NULL", [number]) ?? 0
        var items: [Item] = []
        var repeats: [RepeatLink?] = []
        // Backlog candidates take ids from the same series; new items go past them.
        var nextID = try firstItemIDAboveCandidates()
        for (index, newItem) in newItems.enumerated() {
            let status = statuses?[index] ?? status
            sortKey += 1
            position += 1
            let addedBy = newItem.addedBy ?? actor
            try database.statement("INSERT INTO items(id, issue, origin, added_at, added_by) VALUES (?, ?, ?, ?, ?)")
                .execute([newItem.id ?? nextID, number, newItem.origin, at, addedBy])
            let id = database.lastInsertedRowID
            if newItem.id == nil, nextID != nil { nextID = id + 1 }
            let stateID = try openState(item: id, issue: number, version: version, sortKey: SortKey(Double(sortKey)),
                                        fields: newItem.fields, status: status, note: nil, addedBy: addedBy,
                                        editedBy: newItem.editedBy, reviewedBy: reviewedBy,
                                        reviewedAt: reviewedBy == nil ? nil : at, indexed: indexed)
            items.append(Item(id: id, issue: number, position: position, fields: newItem.fields, status: status,
                              note: nil, addedBy: addedBy, editedBy: newItem.editedBy, reviewedBy: reviewedBy,
                              reviewedAt: reviewedBy == nil ? nil : at, origin: newItem.origin,
                              stateID: stateID, sortKey: SortKey(Double(sortKey))))
            repeats.append(try finder.map { try $0.earlier(newItem.fields, outside: number) }
                ?? earlierPublication(of: newItem.fields.url, outside: number))
        }
        return AddedItems(issueVersion: version, items: items, repeats: repeats)
    }

    /// Refuses a link that the issue (or the batch itself) already has,
    /// naming the item that has it.
    func checkNoDuplicates(_ newItems: [NewItem], in number: Int, ignoring ignoredItem: Int?,
                           issueIsNew: Bool = false) throws {
        var problems: [ValidationProblem] = []
        var seen: [String: String] = [:]
        for (index, newItem) in newItems.enumerated() {
            guard let url = newItem.fields.url, let key = newItem.fields.linkKey else { continue }
            let here = newItem.location ?? (newItems.count > 1 ? "item \(index + 1)" : nil)
            if !issueIsNew, let holder = try database.statement("""
                SELECT item, title FROM item_states WHERE url_key = ? AND issue = ? AND valid_to IS NULL
                """).row([key, number], { ($0.int(0), $0.string(1)) }), holder.0 != ignoredItem {
                problems.append(ValidationProblem(
                    location: here, field: "url", value: url,
                    reason: "issue \(number) already links to this page in item \(holder.0) (\"\(holder.1)\")",
                    fix: "edit item \(holder.0) instead of adding the link twice"))
            } else if let earlier = seen[key] {
                problems.append(ValidationProblem(
                    location: here, field: "url", value: url,
                    reason: "the same page is linked by \(earlier) of this input",
                    fix: "keep one of the two"))
            }
            seen[key] = seen[key] ?? here ?? "another item"
        }
        if !problems.isEmpty { throw DigestError.invalid(problems) }
    }

    /// The latest other issue that went out with this link, if any.
    func earlierPublication(of url: String?, outside number: Int) throws -> RepeatLink? {
        guard let url else { return nil }
        return try database.statement("""
            SELECT s.issue, st.date, s.item FROM item_states s
            JOIN issue_states st ON st.issue = s.issue AND st.valid_to IS NULL
            WHERE s.url_key = ? AND s.valid_to IS NULL AND s.issue != ? AND s.status = 'approved'
              AND EXISTS (SELECT 1 FROM editions e WHERE e.issue = s.issue)
            ORDER BY s.issue DESC LIMIT 1
            """).row([LinkKey.of(url), number]) { row in
            RepeatLink(url: url, issue: row.int(0), date: try Self.civilDate(row.string(1)), item: row.int(2))
        }
    }

    /// Changes an item's fields. A decided item goes back to `pending`: the
    /// decision was about the old text.
    package func editItem(_ id: Int, of number: Int, changes: [String: String],
                          request: ChangeRequest) throws -> Changed<(item: Item, repeat: RepeatLink?, fields: [String])> {
        try changeIssue(number, action: "edit-item", request: request, stages: [.draft, .inReview], permission: .editItem) { change in
            let item = try currentItem(id, of: number)
            let validator = ItemValidator(excerptLimit: try settings.excerptLimit)
            let fields = try validator.edited(item.fields, changes: changes)
            let changed = ItemFields.names.filter { fields.value(of: $0) != item.fields.value(of: $0) }
            guard !changed.isEmpty else {
                return (Changed(value: (item, nil, []), version: change.before.version, changed: false), nil)
            }
            if changed.contains("url") {
                try checkNoDuplicates([NewItem(fields: fields)], in: number, ignoring: id)
            }
            let resetsDecision = item.status != .pending
            let stateID = try replaceFields(of: item, with: fields, version: change.version, actor: change.actor)
            var edited = item
            edited.fields = fields
            edited.status = .pending
            edited.editedBy = change.actor
            if resetsDecision {
                edited.note = nil
                edited.reviewedBy = nil
                edited.reviewedAt = nil
            }
            let stored = Item(id: edited.id, issue: edited.issue, position: edited.position, fields: fields,
                              status: .pending, note: edited.note, addedBy: edited.addedBy, editedBy: change.actor,
                              reviewedBy: edited.reviewedBy, reviewedAt: edited.reviewedAt, origin: edited.origin,
                              stateID: stateID, sortKey: edited.sortKey)
            let repeated = changed.contains("url") ? try earlierPublication(of: fields.url, outside: number) : nil
            var summary = "edited item \(id) (\(changed.joined(separator: ", ")))"
            if resetsDecision { summary += "; it was \(item.status.rawValue) and is pending again" }
            return (Changed(value: (stored, repeated, changed), version: change.version, changed: true), summary)
        }
    }

    /// Takes an item out of a draft issue (it stays in the issue's history).
    package func removeItem(_ id: Int, of number: Int, request: ChangeRequest) throws -> Changed<Item> {
        try changeIssue(number, action: "remove-item", request: request, stages: [.draft], permission: .removeItem) { change in
            let item = try currentItem(id, of: number)
            try closeState(of: item, version: change.version)
            return (Changed(value: item, version: change.version, changed: true), "removed item \(id) \"\(item.fields.title)\"")
        }
    }

    /// Moves an item to a 1-based position. Only the moved item gets a new
    /// state: sort keys are gapped, so it slots in between its new neighbours.
    package func moveItem(_ id: Int, of number: Int, to target: Int, request: ChangeRequest) throws -> Changed<Item> {
        try changeIssue(number, action: "move-item", request: request, stages: [.draft, .inReview], permission: .moveItem) { change in
            let item = try currentItem(id, of: number)
            let items = try self.items(of: number)
            guard (1...items.count).contains(target) else {
                throw DigestError.invalid([ValidationProblem(
                    field: "--to", value: String(target),
                    reason: "issue \(number) has \(items.count) item\(items.count == 1 ? "" : "s")",
                    fix: "give a position from 1 to \(items.count)")])
            }
            guard target != item.position else {
                return (Changed(value: item, version: change.before.version, changed: false), nil)
            }
            let others = items.filter { $0.id != id }
            let sortKey = SortKey.between(target >= 2 ? others[target - 2].sortKey : nil,
                                          target <= others.count ? others[target - 1].sortKey : nil)
            let stateID = try replaceState(of: item, version: change.version, sortKey: sortKey)
            let stored = Item(id: item.id, issue: number, position: target, fields: item.fields, status: item.status,
                              note: item.note, addedBy: item.addedBy, editedBy: item.editedBy,
                              reviewedBy: item.reviewedBy, reviewedAt: item.reviewedAt, origin: item.origin,
                              stateID: stateID, sortKey: sortKey)
            return (Changed(value: stored, version: change.version, changed: true),
                    "moved item \(id) from position \(item.position) to \(target)")
        }
    }
}
