import DigestStorage
import DigestModel
import DigestRendering
/// Where a link already is, when a new candidate brings it again.
package enum LinkHolder: Equatable, Sendable {
    /// Waiting in the backlog as this entry.
    case backlog(Int)
    /// Went out in this published issue.
    case published(Int)
    /// In this issue, not yet published (a draft, or in review).
    case issue(Int)
}
