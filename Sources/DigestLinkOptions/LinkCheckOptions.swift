/// How a run checks its links; the defaults are the documented ones.
package struct LinkCheckOptions: Sendable, Equatable {
    /// Seconds one link may take, redirects and the GET fallback included.
    package var timeout: Double = 10
    /// Links checked at the same time, hence requests in flight at most.
    package var concurrency: Int = 8
    /// Seconds the whole run may take.
    package var deadline: Double = 120
    package var maxRedirects: Int = 10
    /// Loopback, private and link-local addresses are checked too (`fetch.allow-private`).
    package var allowPrivate = false

    package static let concurrencyRange = 1...64
    package static let maxRedirectsRange = 0...50

    package init() {}

    package init(timeout: Double = 10, concurrency: Int = 8, deadline: Double = 120, maxRedirects: Int = 10,
                 allowPrivate: Bool = false) {
        self.allowPrivate = allowPrivate
        self.timeout = timeout
        self.concurrency = concurrency
        self.deadline = deadline
        self.maxRedirects = maxRedirects
    }
}
