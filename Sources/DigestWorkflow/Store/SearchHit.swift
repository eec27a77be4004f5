import DigestStorage
import DigestModel
import DigestRendering
/// One search result.
package struct SearchHit: Sendable {
    package let issue: Int
    package let item: Int
    package let title: String
    package let url: String?
    /// A passage around the match, matched words between `[` and `]`.
    package let snippet: String
    package let issueDate: CivilDate
    package let issueStatus: IssueStatus
    /// The item's own status in its issue: a rejected item of a published issue is rejected.
    package let itemStatus: ItemStatus
}
