import DigestStorage
import DigestModel
import DigestRendering
/// The items as they stand after a review command.
package struct ReviewOutcome: Sendable {
    package let issueVersion: Int
    package let approved: [Item]
    package let rejected: [Item]
    package let deferred: [Item]
    /// Items the issue still has pending.
    package let stillPending: Int
    /// Items the issue has approved after this review (publishing needs one).
    package let approvedInIssue: Int
    /// How the issue's own fields stand after the command.
    package let issueApproval: IssueApproval
}

/// Where the approval of an issue's own fields (date, title, intro) stands.
package enum IssueApproval: Equatable, Sendable {
    /// Approved by this command: asked for, or included with the last pending item.
    case approvedNow(by: String, included: Bool)
    /// Approved before, and still valid.
    case approved(by: String)
    /// Not approved; the names are who may approve it (empty: anyone but `changedBy`).
    case waiting(changedBy: String, mayApprove: [String])
}
