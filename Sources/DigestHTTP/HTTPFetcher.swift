import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends single HTTP requests: no redirect followed, no cookie kept or sent,
/// nothing cached, every connection made by the process's `EgressProxy`
/// (which resolves each host once and refuses non-public addresses unless
/// `allowPrivate`). `response(to:_:)` returns as soon as the headers arrive
/// (the link checker); `body(of:headers:limit:)` also reads the body, up to a
/// cap (page and feed fetching). Compressed bodies (gzip, deflate) arrive
/// decompressed, and the cap counts the decompressed bytes.
package final class HTTPFetcher: Sendable {
    package static let userAgent = "digest-links/1.0 (link checker of the digest newsletter tool)"
    package static let fetchingUserAgent = "digest-fetch/1.0 (page and feed reader of the digest newsletter tool)"

    private let session: URLSession
    private let delegate: HTTPFetcherDelegate
    private let requestTimeout: Double

    /// - Parameters:
    ///   - connectionsPerHost: at least the run's concurrency, so that links on
    ///     one host are not queued behind URLSession's own per-host limit.
    ///   - requestTimeout: URLSession's own limit, a backstop behind the
    ///     per-link timeout that `LinkCheckRun` enforces.
    private let userAgent: String

    package let proxy: EgressProxy?
    /// Loopback, private and link-local addresses may be reached.
    package let allowPrivate: Bool

    package init(connectionsPerHost: Int, requestTimeout: Double, userAgent: String = HTTPFetcher.userAgent,
                 allowPrivate: Bool = false) {
        // Without the proxy (no socket could be opened on 127.0.0.1), requests
        // go out directly and only the check before each request holds.
        let proxy = try? EgressProxy.shared()
        if allowPrivate { proxy?.admitPrivate() }
        self.proxy = proxy
        self.allowPrivate = allowPrivate
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        configuration.urlCache = nil
        configuration.urlCredentialStorage = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpMaximumConnectionsPerHost = connectionsPerHost
        configuration.timeoutIntervalForRequest = requestTimeout
        configuration.timeoutIntervalForResource = requestTimeout
        configuration.httpAdditionalHeaders = ["User-Agent": userAgent]
        let delegate = HTTPFetcherDelegate()
        self.delegate = delegate
        self.session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
        self.requestTimeout = requestTimeout
        self.userAgent = userAgent
    }

    /// The response to one request. Throws the transport's `URLError`, or
    /// `CancellationError` at once when the calling task is cancelled (a
    /// timeout), without waiting for URLSession to wind the transfer down.
    package func response(to method: String, _ address: URL) async throws -> HTTPURLResponse {
        var request = URLRequest(url: address, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: requestTimeout)
        request.httpMethod = method
        request.httpShouldHandleCookies = false
        request.setValue(userAgent, forHTTPHeaderField: "User-Agent")
        request.setValue("*/*", forHTTPHeaderField: "Accept")
        let task = session.dataTask(with: request)
        let identifier = task.taskIdentifier
        let delegate = delegate
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                delegate.wait(for: identifier, with: continuation)
                // The cancellation handler may have run before the wait was
                // registered; then it found nothing to finish.
                if Task.isCancelled {
                    delegate.finish(identifier, with: .failure(CancellationError()))
                    HTTPFetcherDelegate.stop(task)
                } else {
                    task.resume()
                }
            }
        } onCancel: {
            delegate.finish(identifier, with: .failure(CancellationError()))
            HTTPFetcherDelegate.stop(task)
        }
    }

    /// One GET with its body, at most `limit` bytes (else `HTTPBodyTooLarge`).
    /// A redirect or 304 comes back with its headers and no body. Cancelling
    /// the calling task ends the transfer at once with `CancellationError`.
    package func body(of address: URL, headers: [String: String] = [:], limit: Int) async throws -> HTTPBody {
        var request = URLRequest(url: address, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: requestTimeout)
        request.httpMethod = "GET"
        request.httpShouldHandleCookies = false
        request.setValue(userAgent, forHTTPHeaderField: "User-Agent")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let task = session.dataTask(with: request)
        let identifier = task.taskIdentifier
        let delegate = delegate
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                delegate.waitForBody(of: identifier, limit: limit, with: continuation)
                if Task.isCancelled {
                    delegate.finishBody(identifier, with: .failure(CancellationError()))
                    HTTPFetcherDelegate.stop(task)
                } else {
                    task.resume()
                }
            }
        } onCancel: {
            delegate.finishBody(identifier, with: .failure(CancellationError()))
            HTTPFetcherDelegate.stop(task)
        }
    }

    deinit {
        if allowPrivate { proxy?.releasePrivate() }
    }

    /// The session keeps its delegate alive until it is invalidated.
    /// Not waited for: it waits for libcurl's thread, which may still be
    /// busy with a transfer nobody reads.
    package func invalidate() {
        let session = session
        DispatchQueue.global().async { session.invalidateAndCancel() }
    }
}
