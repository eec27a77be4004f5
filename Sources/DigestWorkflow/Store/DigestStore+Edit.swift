import DigestModel

/// The whole issue as one person wants it after editing it as text
/// (`digest edit`): its own fields, and its items in their new order.
package struct IssueEdit: Sendable {
    /// One item of the edited issue: one that exists, with the values of its
    /// fields as written (keys as `ItemFields.names`), or a new one.
    package enum Entry: Sendable {
        case existing(id: Int, values: [String: String])
        case new(values: [String: String])
    }

    package var date: CivilDate
    package var title: String?
    package var intro: String?
    package var preheader: String?
    package var entries: [Entry]

    package init(date: CivilDate, title: String?, intro: String?, preheader: String?, entries: [Entry]) {
        self.date = date
        self.title = title
        self.intro = intro
        self.preheader = preheader
        self.entries = entries
    }
}

extension DigestStore {
    /// Applies an edit of the whole issue as one revision, or nothing: every
    /// field checked by the rules of `edit-issue`, `edit-item` and
    /// `add-item`, every problem reported at once. Stages as for those
    /// commands: in review the set of items is closed (no adding, no
    /// removing), and an edited item that was decided is pending again.
    package func applyEdit(_ edit: IssueEdit, to number: Int, request: ChangeRequest,
                           action: String = "edit") throws -> Changed<Issue> {
        try changeIssue(number, action: action, request: request, stages: [.draft, .inReview], permission: .editItem) { change in
            let before = try issue(number)
            let current = Dictionary(uniqueKeysWithValues: before.items.map { ($0.id, $0) })
            let validator = ItemValidator(excerptLimit: try settings.excerptLimit)
            var problems: [ValidationProblem] = []
            var kept: Set<Int> = []
            // The new order, with each item's fields as they will be.
            var planned: [(item: Item?, fields: ItemFields)] = []
            for (index, entry) in edit.entries.enumerated() {
                let location = "item block \(index + 1)"
                switch entry {
                case let .existing(id, values):
                    guard let item = current[id] else {
                        problems.append(ValidationProblem(location: location, field: "item", value: String(id),
                            reason: "issue \(number) has no item \(id)",
                            fix: "keep the item line of a block as it was, or start a new item with '=== new'"))
                        continue
                    }
                    guard kept.insert(id).inserted else {
                        problems.append(ValidationProblem(location: location, field: "item", value: String(id),
                            reason: "item \(id) has two blocks", fix: "keep one block per item"))
                        continue
                    }
                    do {
                        planned.append((item, try validator.edited(item.fields, changes: values, location: location)))
                    } catch {
                        if case .invalid(let found)? = error as? DigestError { problems += found }
                    }
                case .new(let values):
                    do {
                        planned.append((nil, try validator.newItem(values, incomplete: false, location: location)))
                    } catch {
                        if case .invalid(let found)? = error as? DigestError { problems += found }
                    }
                }
            }
            let removed = before.items.filter { !kept.contains($0.id) }
            let added = planned.filter { $0.item == nil }.count
            if before.status == .inReview, !removed.isEmpty || added > 0 {
                problems.append(ValidationProblem(field: "items", value: nil,
                    reason: "issue \(number) is in review, so its set of items is closed"
                        + (removed.isEmpty ? "" : " (removed: \(removed.map { String($0.id) }.joined(separator: ", ")))")
                        + (added == 0 ? "" : " (\(added) new)"),
                    fix: "edit, reorder and keep the items, or reopen the issue with 'digest reopen \(number) --reason TEXT'"))
            }
            // A link given twice, or one the issue keeps in an item not edited.
            let newItems = planned.map { NewItem(fields: $0.fields) }
            do {
                try checkNoDuplicates(newItems, in: number, ignoring: nil, issueIsNew: true)
            } catch {
                if case .invalid(let found)? = error as? DigestError { problems += found }
            }
            guard problems.isEmpty else { throw DigestError.invalid(problems) }
            if added > 0 { try authorize(request, to: .addItem) }
            if !removed.isEmpty { try authorize(request, to: .removeItem) }

            var summary: [String] = []
            // The issue's own fields.
            var fieldsChanged: [String] = []
            if edit.date != before.date { fieldsChanged.append("date") }
            if edit.title != before.title { fieldsChanged.append("title") }
            if edit.intro != before.intro { fieldsChanged.append("intro") }
            if edit.preheader != before.preheader { fieldsChanged.append("preheader") }
            var after = before
            if !fieldsChanged.isEmpty {
                try replaceIssueState(before, version: change.version, date: edit.date, title: .some(edit.title),
                                      intro: .some(edit.intro), fieldsBy: change.actor, preheader: .some(edit.preheader))
                after.date = edit.date
                after.title = edit.title
                after.intro = edit.intro
                after.preheader = edit.preheader
                after.fieldsBy = change.actor
                after.approvedBy = nil
                after.approvedAt = nil
                summary.append("changed the issue's \(fieldsChanged.joined(separator: ", "))")
            }
            for item in removed { try closeState(of: item, version: change.version) }
            if !removed.isEmpty { summary.append("removed \(Self.list(removed.map(\.id)))") }
            // Items keep their sort keys while their order holds; once it
            // changes, every item takes a key from its new place.
            // Items keep their sort keys while the order holds (new ones
            // appended at the end); otherwise every item takes a key from its place.
            let existingOrder = planned.compactMap { $0.item?.id }
            let appendedOnly = existingOrder == before.items.map(\.id).filter { kept.contains($0) }
                && planned.drop { $0.item != nil }.allSatisfy { $0.item == nil }
            let reordered = !appendedOnly
            var edited: [Int] = [], moved = false, newIDs: [Int] = []
            for (index, plan) in planned.enumerated() {
                let key = SortKey(Double(index + 1))
                guard let item = plan.item else {
                    let inserted = try insertItems([NewItem(fields: plan.fields)], into: number, version: change.version,
                                                   actor: change.actor, at: change.at, status: .pending)
                    newIDs += inserted.items.map(\.id)
                    if reordered, let stored = inserted.items.first {
                        // The state was opened by this very change: its place is set, not replaced.
                        try database.statement("UPDATE item_states SET position = ? WHERE id = ?")
                            .execute([key.position, stored.stateID])
                    }
                    continue
                }
                let fieldsChanged = plan.fields != item.fields
                let newKey = reordered && item.sortKey.position != key.position ? key : nil
                guard fieldsChanged || newKey != nil else { continue }
                if newKey != nil { moved = true }
                if fieldsChanged {
                    _ = try replaceFields(of: item, with: plan.fields, version: change.version, actor: change.actor,
                                          sortKey: newKey)
                    edited.append(item.id)
                } else {
                    _ = try replaceState(of: item, version: change.version, sortKey: newKey)
                }
            }
            if !edited.isEmpty { summary.append("edited \(Self.list(edited))") }
            if !newIDs.isEmpty { summary.append("added \(Self.list(newIDs))") }
            if moved { summary.append("reordered the items") }
            after.items = try items(of: number)
            after.version = change.version
            guard !summary.isEmpty else {
                return (Changed(value: before, version: before.version, changed: false), nil)
            }
            return (Changed(value: after, version: change.version, changed: true), summary.joined(separator: "; "))
        }
    }

    private static func list(_ ids: [Int]) -> String {
        (ids.count == 1 ? "item " : "items ") + ids.map(String.init).joined(separator: ", ")
    }
}
