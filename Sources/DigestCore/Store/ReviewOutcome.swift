/// The items as they stand after a review command.
package struct ReviewOutcome: Sendable {
    package let issueVersion: Int
    package let approved: [Item]
    package let rejected: [Item]
    package let deferred: [Item]
    /// Items the issue still has pending.
    package let stillPending: Int
}
