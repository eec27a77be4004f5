import DigestHTTP
import DigestLinkOptions
import Foundation

/// Checks a list of links with at most `concurrency` in flight, each within
/// the per-link timeout and all within the total deadline, and hands the
/// results back in input order as soon as each one's predecessors are done.
package struct LinkCheckRun: Sendable {
    package let options: LinkCheckOptions

    package init(options: LinkCheckOptions) {
        self.options = options
    }

    /// - Parameter emit: called once per link, in input order, from the calling
    ///   task; lets a long run stream its output.
    @discardableResult
    package func results(for links: [Link], emit: (LinkResult) -> Void = { _ in }) async -> [LinkResult] {
        let deadline = ContinuousClock.now + .seconds(options.deadline)
        let fetcher = HTTPFetcher(
            connectionsPerHost: options.concurrency,
            // Only a backstop: the per-link timeout below cancels first.
            requestTimeout: options.timeout + 5,
            allowPrivate: options.allowPrivate
        )
        defer { fetcher.invalidate() }
        let checker = LinkChecker(fetcher: fetcher, maxRedirects: options.maxRedirects, timeout: options.timeout)

        var results: [LinkResult] = []
        results.reserveCapacity(links.count)
        let options = options
        await inOrderConcurrently(links, concurrency: options.concurrency, work: { link in
            await Self.result(for: link, checker: checker, options: options, deadline: deadline)
        }, emit: { result in
            emit(result)
            results.append(result)
        })
        return results
    }

    private static func result(
        for link: Link, checker: LinkChecker, options: LinkCheckOptions, deadline: ContinuousClock.Instant
    ) async -> LinkResult {
        let started = ContinuousClock.now
        let remaining = started.duration(to: deadline)
        let perLink = Duration.seconds(options.timeout)
        let verdict: LinkVerdict
        if remaining <= .zero {
            verdict = .deadlineReached
        } else {
            let limit = min(perLink, remaining)
            let checked = await withTimeLimit(limit) { await checker.verdict(for: link.address) }
            verdict = checked ?? (remaining < perLink ? .deadlineReached : .timedOut(after: options.timeout))
        }
        let elapsed = started.duration(to: .now)
        return LinkResult(
            id: link.id, url: link.url, verdict: verdict, checkedAt: Date(),
            elapsedMilliseconds: Int(elapsed / .milliseconds(1))
        )
    }
}
