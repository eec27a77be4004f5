import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The session's delegate: it hands each task's response headers to the
/// caller waiting for them, and never lets URLSession follow a redirect, so
/// that `LinkChecker` sees every hop.
///
/// Callbacks arrive on the session's delegate queue while callers register
/// and cancel from their own tasks; the lock keeps the table of waiting
/// callers consistent, and removing an entry before resuming it guarantees
/// that each continuation is resumed exactly once.
final class HTTPFetcherDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private var waiting: [Int: CheckedContinuation<HTTPURLResponse, any Error>] = [:]

    func wait(for taskIdentifier: Int, with continuation: CheckedContinuation<HTTPURLResponse, any Error>) {
        lock.withLock { waiting[taskIdentifier] = continuation }
    }

    /// Later calls for the same task (the completion after a cancelled body,
    /// the cancellation after an answer) find nothing and do nothing.
    func finish(_ taskIdentifier: Int, with result: Result<HTTPURLResponse, any Error>) {
        let continuation = lock.withLock { waiting.removeValue(forKey: taskIdentifier) }
        continuation?.resume(with: result)
    }

    func urlSession(
        _ session: URLSession,
        task: URLSessionTask,
        willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest,
        completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        // Declining makes the 3xx response the task's answer.
        completionHandler(nil)
    }

    func urlSession(
        _ session: URLSession,
        dataTask: URLSessionDataTask,
        didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        if let response = response as? HTTPURLResponse {
            finish(dataTask.taskIdentifier, with: .success(response))
        } else {
            finish(dataTask.taskIdentifier, with: .failure(URLError(.badServerResponse)))
        }
        if dataTask.originalRequest?.httpMethod == "HEAD" {
            // No body follows; letting the transfer end keeps the connection reusable.
            completionHandler(.allow)
        } else {
            // The headers are all a check needs. On Linux `.cancel` alone does
            // not stop the transfer: a large body would go on downloading.
            completionHandler(.cancel)
            dataTask.cancel()
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        if let error {
            finish(task.taskIdentifier, with: .failure(error))
        } else if let response = task.response as? HTTPURLResponse {
            finish(task.taskIdentifier, with: .success(response))
        } else {
            finish(task.taskIdentifier, with: .failure(URLError(.badServerResponse)))
        }
    }
}
