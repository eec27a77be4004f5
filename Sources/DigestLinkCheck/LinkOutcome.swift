/// What checking a link found, spelled as it appears in the JSON output.
package enum LinkOutcome: String, Sendable, Equatable, CaseIterable {
    /// A 2xx answer at the address itself.
    case ok
    /// A 2xx answer after one or more redirects.
    case redirected
    /// A 4xx or 5xx answer, or a redirect that cannot be followed.
    case broken
    /// No answer at all: the host is unknown, refuses connections, or fails TLS.
    case unreachable
    /// No answer within the per-link timeout or before the total deadline.
    case timedOut = "timed-out"
}
