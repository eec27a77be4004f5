import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Status lines as editors know them from browsers: `HTTP 404 Not Found`.
///
/// The server's own reason phrase is not available through URLSession, and
/// `HTTPURLResponse.localizedString(forStatusCode:)` differs between platforms,
/// so the standard phrases are listed here.
package enum HTTPStatusText {
    package static func line(for status: Int) -> String {
        if let phrase = phrases[status] {
            return "HTTP \(status) \(phrase)"
        }
        return "HTTP \(status)"
    }

    package static func isRedirect(_ status: Int) -> Bool {
        [301, 302, 303, 307, 308].contains(status)
    }

    /// Where a redirect from `current` leads: the one reading of `Location`
    /// for the link checker and for page and feed fetching.
    package enum RedirectTarget {
        case missing
        case invalid(String)
        case address(URL)
    }

    package static func target(of response: HTTPURLResponse, from current: URL) -> RedirectTarget {
        let location = response.value(forHTTPHeaderField: "Location")?.trimmingCharacters(in: .whitespaces) ?? ""
        guard !location.isEmpty else { return .missing }
        guard let next = URL(string: location, relativeTo: current)?.absoluteURL else { return .invalid(location) }
        return .address(next)
    }

    /// 301 and 308 tell clients to use the new address from now on; 302, 303
    /// and 307 only for this request.
    package static func isPermanentRedirect(_ status: Int) -> Bool {
        status == 301 || status == 308
    }

    private static let phrases: [Int: String] = [
        100: "Continue", 101: "Switching Protocols", 103: "Early Hints",
        200: "OK", 201: "Created", 202: "Accepted", 203: "Non-Authoritative Information",
        204: "No Content", 205: "Reset Content", 206: "Partial Content",
        300: "Multiple Choices", 301: "Moved Permanently", 302: "Found", 303: "See Other",
        304: "Not Modified", 305: "Use Proxy", 307: "Temporary Redirect", 308: "Permanent Redirect",
        400: "Bad Request", 401: "Unauthorized", 402: "Payment Required", 403: "Forbidden",
        404: "Not Found", 405: "Method Not Allowed", 406: "Not Acceptable",
        407: "Proxy Authentication Required", 408: "Request Timeout", 409: "Conflict", 410: "Gone",
        411: "Length Required", 412: "Precondition Failed", 413: "Content Too Large",
        414: "URI Too Long", 415: "Unsupported Media Type", 416: "Range Not Satisfiable",
        417: "Expectation Failed", 418: "I'm a teapot", 421: "Misdirected Request",
        422: "Unprocessable Content", 423: "Locked", 424: "Failed Dependency", 425: "Too Early",
        426: "Upgrade Required", 428: "Precondition Required", 429: "Too Many Requests",
        431: "Request Header Fields Too Large", 451: "Unavailable For Legal Reasons",
        500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway",
        503: "Service Unavailable", 504: "Gateway Timeout", 505: "HTTP Version Not Supported",
        506: "Variant Also Negotiates", 507: "Insufficient Storage", 508: "Loop Detected",
        510: "Not Extended", 511: "Network Authentication Required",
    ]
}
