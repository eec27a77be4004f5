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
            return LinkVerdict(outcome: .unreachable, detail: unreachableDetail(error.code))
        }
    }

    private static func unreachableDetail(_ code: URLError.Code) -> String {
        switch code {
        case .cannotFindHost, .dnsLookupFailed: "host not found"
        case .cannotConnectToHost: "connection refused"
        case .networkConnectionLost: "connection closed by the server"
        case .notConnectedToInternet: "no network connection"
        case .secureConnectionFailed: "TLS failure: secure connection could not be made"
        case .serverCertificateUntrusted: "TLS failure: certificate not trusted"
        case .serverCertificateHasBadDate: "TLS failure: certificate expired or not yet valid"
        case .serverCertificateNotYetValid: "TLS failure: certificate not yet valid"
        case .serverCertificateHasUnknownRoot: "TLS failure: certificate from an unknown authority"
        case .clientCertificateRejected, .clientCertificateRequired: "TLS failure: the server requires a client certificate"
        case .badServerResponse, .cannotParseResponse: "the server's answer is not valid HTTP"
        case .zeroByteResource: "the server closed the connection without answering"
        case .userAuthenticationRequired: "the server requires authentication"
        default: "network error \(code.rawValue)"
        }
    }
}
