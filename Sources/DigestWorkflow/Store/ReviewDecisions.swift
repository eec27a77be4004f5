import DigestStorage
import DigestModel
import DigestRendering
/// What a reviewer decides in one `review` command.
package struct ReviewDecisions: Sendable {
    package var approve: [Int]
    package var reject: [Int]
    package var deferred: [Int]
    /// A note per approved or rejected item: each note belongs to exactly one decision.
    package var notes: [Int: String]
    /// Approve the issue's own fields (date, title, intro).
    package var approveIssue: Bool

    package init(approve: [Int] = [], reject: [Int] = [], deferred: [Int] = [], notes: [Int: String] = [:],
                 approveIssue: Bool = false) {
        self.approve = approve
        self.reject = reject
        self.deferred = deferred
        self.notes = notes
        self.approveIssue = approveIssue
    }

    package var isEmpty: Bool { approve.isEmpty && reject.isEmpty && deferred.isEmpty && !approveIssue }
}
