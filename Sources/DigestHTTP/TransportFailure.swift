import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Why a request got no answer, in the words an editor reads: one wording
/// for link checks, pages and feeds.
package enum TransportFailure {
    package static func detail(_ code: URLError.Code) -> String {
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
        case .timedOut, .cancelled: "no complete answer in time"
        default: "network error \(code.rawValue)"
        }
    }
}
