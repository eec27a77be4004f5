import DigestStorage
import DigestModel
import DigestRendering
/// The outcome of adding items: the items as stored, and links seen before.
package struct AddedItems: Sendable {
    package let issueVersion: Int
    package let items: [Item]
    /// For each added item (same order), the earlier published issue that had its link, if any.
    package let repeats: [RepeatLink?]
}
