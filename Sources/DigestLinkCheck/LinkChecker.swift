import DigestHTTP
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Checks one link: follows its redirects hop by hop and names the outcome.
///
/// Each hop is a HEAD request, retried as GET when the server refuses HEAD:
/// many servers answer HEAD with 405, 501, or another error they never give
/// to GET, and a link is judged by what a reader's browser (a GET) would see.
package struct LinkChecker: Sendable {
    package let fetcher: HTTPFetcher
    package let maxRedirects: Int
    /// Only named in the detail of a transport timeout.
    package let timeout: Double

    package init(fetcher: HTTPFetcher, maxRedirects: Int, timeout: Double) {
        self.fetcher = fetcher
        self.maxRedirects = maxRedirects
        self.timeout = timeout
    }

    package func verdict(for address: URL) async -> LinkVerdict {
        var current = address
        var visited: Set<String> = [address.absoluteString]
        // Whether each redirect followed was permanent.
        var hops: [Bool] = []

        while true {
            if !fetcher.allowPrivate, let host = current.host, let refusal = AddressPolicy.literalRefusal(for: host) {
                return LinkVerdict(outcome: .unreachable, status: nil, finalURL: current.absoluteString,
                                   redirects: hops.count, detail: "not checked: " + refusal)
            }
            let response: HTTPURLResponse
            do {
                response = try await self.response(for: current)
            } catch {
                // The proxy closes a connection it refuses without an answer; it says why.
                var verdict: LinkVerdict
                switch fetcher.proxy?.whyNot(current) {
                case .policy(let refusal)?:
                    verdict = LinkVerdict(outcome: .unreachable, status: nil, finalURL: current.absoluteString,
                                          redirects: hops.count, detail: "not checked: " + refusal)
                case .transport(let code)?:
                    verdict = LinkVerdict.noResponse(URLError(code), timeout: timeout)
                case nil:
                    verdict = LinkVerdict.noResponse(error, timeout: timeout)
                }
                verdict.redirects = hops.count
                if !hops.isEmpty, verdict.outcome == .unreachable {
                    verdict.detail += " at \(current.absoluteString) \(Self.afterRedirects(hops.count))"
                }
                return verdict
            }
            let status = response.statusCode

            func broken(_ detail: String) -> LinkVerdict {
                LinkVerdict(
                    outcome: .broken, status: status, finalURL: current.absoluteString,
                    redirects: hops.count, detail: detail
                )
            }

            if HTTPStatusText.isRedirect(status) {
                let next: URL
                switch HTTPStatusText.target(of: response, from: current) {
                case .missing: return broken("\(HTTPStatusText.line(for: status)) without a Location header")
                case .invalid(let location): return broken("redirect to an invalid address: \(location)")
                case .address(let address): next = address
                }
                guard next.isCheckable else {
                    let scheme = next.scheme?.lowercased()
                    return scheme == "http" || scheme == "https"
                        ? broken("redirect to an address without a host: \(next.absoluteString)")
                        : broken("redirect to a non-HTTP address: \(next.absoluteString)")
                }
                guard !visited.contains(next.absoluteString) else {
                    return broken("redirect loop")
                }
                guard hops.count < maxRedirects else {
                    return broken("too many redirects")
                }
                hops.append(HTTPStatusText.isPermanentRedirect(status))
                visited.insert(next.absoluteString)
                current = next
                continue
            }

            switch status {
            case 200..<300 where hops.isEmpty:
                return LinkVerdict(
                    outcome: .ok, status: status, finalURL: address.absoluteString,
                    detail: HTTPStatusText.line(for: status)
                )
            case 200..<300:
                let allPermanent = hops.allSatisfy { $0 }
                return LinkVerdict(
                    outcome: .redirected, status: status, finalURL: current.absoluteString,
                    suggestedURL: allPermanent ? current.absoluteString : nil,
                    redirects: hops.count,
                    detail: "\(HTTPStatusText.line(for: status)) \(Self.afterRedirects(hops))"
                )
            case 400..<600 where hops.isEmpty:
                return broken(HTTPStatusText.line(for: status))
            case 400..<600:
                return broken("\(HTTPStatusText.line(for: status)) \(Self.afterRedirects(hops.count))")
            default:
                // 1xx, 304 and other answers a browser could not show as a page.
                return broken("\(HTTPStatusText.line(for: status)) is not an answer a reader can use")
            }
        }
    }

    /// One hop's response: HEAD, or GET when HEAD was refused or dropped.
    private func response(for address: URL) async throws -> HTTPURLResponse {
        let head: HTTPURLResponse
        do {
            head = try await fetcher.response(to: "HEAD", address)
        } catch let error as URLError where [.networkConnectionLost, .badServerResponse, .cannotParseResponse, .zeroByteResource].contains(error.code) {
            // Some servers hang up on HEAD instead of answering it.
            return try await fetcher.response(to: "GET", address)
        }
        guard head.statusCode >= 400 else { return head }
        return try await fetcher.response(to: "GET", address)
    }

    private static func afterRedirects(_ count: Int) -> String {
        count == 1 ? "after 1 redirect" : "after \(count) redirects"
    }

    private static func afterRedirects(_ hops: [Bool]) -> String {
        let temporary = hops.filter { !$0 }.count
        let noun = hops.count == 1 ? "redirect" : "redirects"
        if temporary == 0 { return "after \(hops.count) permanent \(noun)" }
        if temporary == hops.count { return "after \(hops.count) temporary \(noun)" }
        return "after \(hops.count) \(noun), \(temporary) of them temporary"
    }
}
