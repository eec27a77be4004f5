import DigestHTTP
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension LinkVerdict {
    /// The verdict for a request that got no response: `unreachable` in plain
    /// words, or `timed-out` when the transport itself gave up waiting.
    package static func noResponse(_ error: any Error, timeout: Double) -> LinkVerdict {
        guard let error = error as? URLError else {
            if error is CancellationError { return .timedOut(after: timeout) }
            return LinkVerdict(outcome: .unreachable, detail: "request failed: \(error)")
        }
        switch error.code {
        case .timedOut:
            return .timedOut(after: timeout)
        case .cancelled:
            return .timedOut(after: timeout)
        case .badURL, .unsupportedURL:
            return LinkVerdict(outcome: .broken, detail: "not an address that can be requested")
        default:
            return LinkVerdict(outcome: .unreachable, detail: TransportFailure.detail(error.code))
        }
    }
}
