/// The stage an issue is at. Raw values are the spelling users see.
package enum IssueStatus: String, CaseIterable, Sendable {
    case draft
    case inReview = "in-review"
    case published
}
