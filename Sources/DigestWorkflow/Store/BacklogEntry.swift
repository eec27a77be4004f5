import DigestStorage
import DigestModel
import DigestRendering
/// A deferred item waiting for a later issue.
package struct BacklogEntry: Sendable {
    /// The item as it was when deferred.
    package let item: Item
    package let fromIssue: Int
    package let deferredAt: String
    package let deferredBy: String
}
