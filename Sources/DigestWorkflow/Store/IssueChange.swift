import DigestStorage
import DigestModel
import DigestRendering
/// What a changing operation knows while it runs inside its transaction.
package struct IssueChange {
    /// The issue as it stood before this change.
    package let before: Issue
    /// The version this change creates: the previous version + 1.
    package let version: Int
    package let actor: String
    /// When the change happens, RFC 3339.
    package let at: String
}
