/// A reviewer's decision on an item. Raw values are the spelling users see.
package enum ItemStatus: String, CaseIterable, Sendable {
    case pending
    case approved
    case rejected
}
