import DigestStorage
import DigestModel
import DigestRendering
/// Comparing two versions of an issue.
extension DigestStore {
    /// Added, removed, moved and changed items (field by field) between
    /// versions `from` and `to`, and changes to the issue's own fields.
    ///
    /// An item counts as moved when its order among the items of both
    /// versions changed, not when it only shifted because another item came
    /// or went (see `movedItems`).
    package func diff(_ number: Int, from: Int, to: Int) throws -> IssueDiff {
        try read {
            let old = try issue(number, asOf: from)
            let new = try issue(number, asOf: to)
            var issueChanges: [IssueDiff.FieldChange] = []
            let pairs: [(String, String?, String?)] = [
                ("date", old.date.iso, new.date.iso), ("title", old.title, new.title), ("intro", old.intro, new.intro),
                ("preheader", old.preheader, new.preheader),
                ("status", old.status.rawValue, new.status.rawValue),
                ("edition", old.edition.map(String.init), new.edition.map(String.init)),
            ]
            for (field, before, after) in pairs where before != after {
                issueChanges.append(IssueDiff.FieldChange(field: field, from: before, to: after))
            }
            let oldItems = Dictionary(uniqueKeysWithValues: old.items.map { ($0.id, $0) })
            let newItems = Dictionary(uniqueKeysWithValues: new.items.map { ($0.id, $0) })
            let moved = Self.movedItems(from: old.items, to: new.items)
            var changes: [IssueDiff.ItemChange] = []
            for item in new.items {
                guard let before = oldItems[item.id] else {
                    changes.append(IssueDiff.ItemChange(id: item.id, kind: .added, title: item.fields.title,
                                                        fromPosition: nil, toPosition: item.position, fields: []))
                    continue
                }
                let fields = Self.fieldChanges(before, item)
                let moved = moved.contains(item.id)
                guard !fields.isEmpty || moved else { continue }
                changes.append(IssueDiff.ItemChange(id: item.id, kind: fields.isEmpty ? .moved : .changed,
                                                    title: item.fields.title, fromPosition: before.position,
                                                    toPosition: item.position, moved: moved, fields: fields))
            }
            for item in old.items where newItems[item.id] == nil {
                changes.append(IssueDiff.ItemChange(id: item.id, kind: .removed, title: item.fields.title,
                                                    fromPosition: item.position, toPosition: nil, fields: []))
            }
            return IssueDiff(issue: number, from: from, to: to, issueChanges: issueChanges, items: changes)
        }
    }

    /// The fewest items whose moves explain the new order: the items both
    /// versions hold, less the longest run of them still in their old order.
    /// Where several runs are as long (two neighbours swapped), the items
    /// that kept their sort key stay put, so the one that was moved is named.
    static func movedItems(from old: [Item], to new: [Item]) -> Set<Int> {
        let oldIndex = Dictionary(uniqueKeysWithValues: old.enumerated().map { ($1.id, ($0, $1.sortKey)) })
        let common = new.compactMap { item in oldIndex[item.id].map { (id: item.id, old: $0.0, kept: $0.1 == item.sortKey) } }
        guard common.count > 1 else { return [] }
        // Longest increasing run of old indices, weighted: length first, then kept keys.
        let weight = common.map { $0.kept ? common.count + 1 : common.count }
        var best = weight
        var previous = Array(repeating: -1, count: common.count)
        for index in common.indices {
            for earlier in 0..<index where common[earlier].old < common[index].old && best[earlier] + weight[index] > best[index] {
                best[index] = best[earlier] + weight[index]
                previous[index] = earlier
            }
        }
        var inOrder: Set<Int> = []
        var cursor = best.indices.max { best[$0] < best[$1] } ?? -1
        while cursor >= 0 {
            inOrder.insert(common[cursor].id)
            cursor = previous[cursor]
        }
        return Set(common.map(\.id)).subtracting(inOrder)
    }

    private static func fieldChanges(_ old: Item, _ new: Item) -> [IssueDiff.FieldChange] {
        var changes = ItemFields.names.compactMap { name -> IssueDiff.FieldChange? in
            let before = old.fields.value(of: name), after = new.fields.value(of: name)
            return before == after ? nil : IssueDiff.FieldChange(field: name, from: before, to: after)
        }
        if old.status != new.status {
            changes.append(IssueDiff.FieldChange(field: "status", from: old.status.rawValue, to: new.status.rawValue))
        }
        if old.note != new.note {
            changes.append(IssueDiff.FieldChange(field: "note", from: old.note, to: new.note))
        }
        return changes
    }
}
