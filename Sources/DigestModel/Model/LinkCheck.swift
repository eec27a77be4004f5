/// The last check of an item's link: stored beside the item, not as a
/// revision, because checking changes nothing the editor wrote.
package struct LinkCheck: Equatable, Sendable {
    package let item: Int
    /// The link that was checked; when the item's link has changed since,
    /// the result no longer applies.
    package let url: String
    package let checkedAt: String
    /// `ok`, `redirected`, `broken`, `unreachable` or `timed-out`.
    package let outcome: String
    package let status: Int?
    package let finalURL: String?
    /// A permanent redirect's target: the link the editor may want instead.
    package let suggestedURL: String?
    package let detail: String?
    /// The item's state when the check began: the result holds for that
    /// link from then on, and not for the same link typed in again later.
    package let state: Int?

    package init(item: Int, url: String, checkedAt: String, outcome: String, status: Int?, finalURL: String?,
                 suggestedURL: String?, detail: String?, state: Int? = nil) {
        self.item = item
        self.url = url
        self.checkedAt = checkedAt
        self.outcome = outcome
        self.status = status
        self.finalURL = finalURL
        self.suggestedURL = suggestedURL
        self.detail = detail
        self.state = state
    }

    /// Outcomes that mean readers would not reach the page.
    package var isBroken: Bool { ["broken", "unreachable", "timed-out"].contains(outcome) }
}
