/// What one link's check concluded, before the run adds the item id, the time
/// and the elapsed milliseconds.
package struct LinkVerdict: Sendable, Equatable {
    package var outcome: LinkOutcome
    /// The status of the answer the verdict rests on; nil for `unreachable`
    /// and `timed-out`, even after redirects, as the link as a whole got none.
    package var status: Int?
    /// The address that gave that answer; nil when `status` is.
    package var finalURL: String?
    /// The address the editor may put in place of the link: set only when every
    /// redirect was permanent and the chain ended in a 2xx answer.
    package var suggestedURL: String?
    /// Redirects followed (a redirect that was refused, as a loop or to another
    /// scheme, is not counted).
    package var redirects: Int
    /// A short sentence for the editor.
    package var detail: String

    package init(
        outcome: LinkOutcome,
        status: Int? = nil,
        finalURL: String? = nil,
        suggestedURL: String? = nil,
        redirects: Int = 0,
        detail: String
    ) {
        self.outcome = outcome
        self.status = status
        self.finalURL = finalURL
        self.suggestedURL = suggestedURL
        self.redirects = redirects
        self.detail = detail
    }

    /// `seconds` is printed as given (`10 s`, `2.5 s`) so the detail repeats the
    /// option the user typed.
    package static func timedOut(after seconds: Double) -> LinkVerdict {
        LinkVerdict(outcome: .timedOut, detail: "timed out after \(seconds.secondsText) s")
    }

    package static let deadlineReached = LinkVerdict(outcome: .timedOut, detail: "total deadline reached")
}
