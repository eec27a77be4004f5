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

    package init(id: Int, issue: Int, position: Int, fields: ItemFields, status: ItemStatus, note: String? = nil, addedBy: String, editedBy: String? = nil, reviewedBy: String? = nil, reviewedAt: String? = nil, origin: Int? = nil, stateID: Int, sortKey: SortKey) {
        self.id = id
        self.issue = issue
        self.position = position
        self.fields = fields
        self.status = status
        self.note = note
        self.addedBy = addedBy
        self.editedBy = editedBy
        self.reviewedBy = reviewedBy
        self.reviewedAt = reviewedAt
        self.origin = origin
        self.stateID = stateID
        self.sortKey = sortKey
    }
}
