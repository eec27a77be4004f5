import CommandLineParsing

/// How a run checks its links; the defaults are the documented ones.
///
/// The options are declared here once: `digest-links` takes them all, and
/// `digest check-links` the ones a person sets, so both read and refuse the
/// same values with the same messages.
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

    package init(timeout: Double = 10, concurrency: Int = 8, deadline: Double = 120, maxRedirects: Int = 10,
                 allowPrivate: Bool = false) {
        self.allowPrivate = allowPrivate
        self.timeout = timeout
        self.concurrency = concurrency
        self.deadline = deadline
        self.maxRedirects = maxRedirects
    }

    /// The options a person sets on a run, in `digest check-links` too.
    package static let runOptions: [OptionSpec] = [
        .value("timeout", "S", "Seconds allowed for one link, redirects included (default 10; decimals allowed)."),
        .value("concurrency", "N", "Links checked at the same time, 1 to 64 (default 8)."),
        .value("deadline", "S", "Seconds allowed for the whole run; links not done by then are reported timed-out (default 120)."),
    ]

    /// Every option of `digest-links`.
    package static let options: [OptionSpec] = runOptions + [
        .value("max-redirects", "N", "Redirects followed per link, 0 to 50 (default 10)."),
        .flag("allow-private", "Check loopback, private and link-local addresses too (refused by default: the checks "
              + "run with the host's network position)."),
        .flag("isolated", "Check the one link on standard input in this process.", hidden: true),
    ]

    /// The options of a parsed command line, each checked against its rule.
    package init(_ invocation: Invocation) throws {
        self.init()
        timeout = try invocation.seconds("timeout") ?? timeout
        deadline = try invocation.seconds("deadline") ?? deadline
        concurrency = try invocation.wholeNumber("concurrency", in: Self.concurrencyRange) ?? concurrency
        maxRedirects = try invocation.wholeNumber("max-redirects", in: Self.maxRedirectsRange) ?? maxRedirects
        allowPrivate = invocation.has("allow-private")
    }
}
