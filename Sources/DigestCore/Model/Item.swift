/// An item as of one version of its issue.
package struct Item: Equatable, Sendable {
    /// Stable for the item's life; reordering does not change it.
    package let id: Int
    package let issue: Int
    /// 1-based place in the issue.
    package var position: Int
    package var fields: ItemFields
    package var status: ItemStatus
    package var note: String?
    package var addedBy: String
    package var editedBy: String?
    package var reviewedBy: String?
    package var reviewedAt: String?
    /// The backlog item this one was brought in from, if any.
    package var origin: Int?
    /// The row holding this state (internal bookkeeping).
    package let stateID: Int
    /// The stored sort key behind `position`.
    package let sortKey: SortKey

    /// Who may not approve this item under four-eyes review: whoever added or last edited it.
    package var lastAuthor: String { editedBy ?? addedBy }
}
