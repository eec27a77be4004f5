import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The session's delegate: it hands each task's response headers (or, for a
/// body task, the headers and the body up to its cap) to the caller waiting
/// for them, and never lets URLSession follow a redirect, so that the caller
/// sees and checks every hop.
///
/// Callbacks arrive on the session's delegate queue while callers register
/// and cancel from their own tasks; the lock keeps the table of waiting
/// callers consistent, and removing an entry before resuming it guarantees
/// that each continuation is resumed exactly once.
final class HTTPFetcherDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private var waiting: [Int: CheckedContinuation<HTTPURLResponse, any Error>] = [:]
    private var bodies: [Int: BodyTask] = [:]

    /// A request whose body is wanted, gathered as it arrives.
    private struct BodyTask {
        let continuation: CheckedContinuation<HTTPBody, any Error>
        let limit: Int
        var response: HTTPURLResponse?
        var data = Data()
    }

    /// Stops a transfer without waiting for it: `URLSessionTask.cancel()`
    /// waits for libcurl's thread, which does not come back while a body is
    /// still arriving (and being decompressed); its caller has its answer.
    static func stop(_ task: URLSessionTask) {
        DispatchQueue.global().async { task.cancel() }
    }

    func waitForBody(of taskIdentifier: Int, limit: Int, with continuation: CheckedContinuation<HTTPBody, any Error>) {
        lock.withLock { bodies[taskIdentifier] = BodyTask(continuation: continuation, limit: limit) }
    }

    /// Ends a body task once; later calls for it do nothing.
    func finishBody(_ taskIdentifier: Int, with result: Result<HTTPBody, any Error>) {
        let task = lock.withLock { bodies.removeValue(forKey: taskIdentifier) }
        task?.continuation.resume(with: result)
    }

    private func isBodyTask(_ taskIdentifier: Int) -> Bool {
        lock.withLock { bodies[taskIdentifier] != nil }
    }

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
        let identifier = dataTask.taskIdentifier
        if isBodyTask(identifier) {
            guard let response = response as? HTTPURLResponse else {
                finishBody(identifier, with: .failure(URLError(.badServerResponse)))
                completionHandler(.cancel)
                Self.stop(dataTask)
                return
            }
            let limit = lock.withLock { () -> Int? in
                bodies[identifier]?.response = response
                return bodies[identifier]?.limit
            }
            // A redirect or a 304 is judged by its headers; a declared length
            // over the cap is refused before a byte of it is read.
            let declared = response.expectedContentLength
            if HTTPStatusText.isRedirect(response.statusCode) || response.statusCode == 304 {
                finishBody(identifier, with: .success(HTTPBody(response: response, data: Data())))
            } else if let limit, declared > Int64(limit) {
                finishBody(identifier, with: .failure(HTTPBodyTooLarge(limit: limit)))
            } else {
                completionHandler(.allow)
                return
            }
            completionHandler(.cancel)
            Self.stop(dataTask)
            return
        }
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
            Self.stop(dataTask)
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let identifier = dataTask.taskIdentifier
        let overLimit = lock.withLock { () -> Int? in
            // Appended in place: a copy of the body taken out and put back
            // would copy every byte so far at each piece.
            guard bodies[identifier] != nil else { return nil }
            bodies[identifier]!.data.append(data)
            let task = bodies[identifier]!
            return task.data.count > task.limit ? task.limit : nil
        }
        if let overLimit {
            finishBody(identifier, with: .failure(HTTPBodyTooLarge(limit: overLimit)))
            Self.stop(dataTask)
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        if let body = lock.withLock({ bodies[task.taskIdentifier] }) {
            if let error {
                finishBody(task.taskIdentifier, with: .failure(error))
            } else if let response = body.response ?? task.response as? HTTPURLResponse {
                finishBody(task.taskIdentifier, with: .success(HTTPBody(response: response, data: body.data)))
            } else {
                finishBody(task.taskIdentifier, with: .failure(URLError(.badServerResponse)))
            }
            return
        }
        if let error {
            finish(task.taskIdentifier, with: .failure(error))
        } else if let response = task.response as? HTTPURLResponse {
            finish(task.taskIdentifier, with: .success(response))
        } else {
            finish(task.taskIdentifier, with: .failure(URLError(.badServerResponse)))
        }
    }
}
