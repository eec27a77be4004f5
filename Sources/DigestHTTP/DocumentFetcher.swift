import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Fetches one page or feed within `FetchLimits`: http and https only, every
/// redirect's address checked again (scheme and address policy), at most
/// `maxRedirects` of them, the whole within `timeout`, the body within
/// `maxBytes`. Failures come back as `FetchFailure` in plain words.
package struct DocumentFetcher: Sendable {
    package let fetcher: HTTPFetcher
    package let limits: FetchLimits
    /// Why a host may not be fetched (nil: it may), asked before each
    /// request: by default only an address written as such is refused here,
    /// at once and in plain words; a name is resolved and checked by the
    /// `EgressProxy` when it connects, once, to the address it checked.
    package let refusal: @Sendable (String) async -> String?

    package init(fetcher: HTTPFetcher, limits: FetchLimits,
                 refusal: @escaping @Sendable (String) async -> String? = { AddressPolicy.literalRefusal(for: $0) }) {
        self.fetcher = fetcher
        self.limits = limits
        self.refusal = refusal
    }

    /// A fetcher with its own session, for a run of `concurrency` requests at most.
    package static func make(limits: FetchLimits, concurrency: Int = 1) -> DocumentFetcher {
        let fetcher = HTTPFetcher(connectionsPerHost: max(concurrency, 1), requestTimeout: limits.timeout + 5,
                                  userAgent: HTTPFetcher.fetchingUserAgent, allowPrivate: limits.allowPrivate)
        return DocumentFetcher(fetcher: fetcher, limits: limits)
    }

    /// - Parameters:
    ///   - etag, lastModified: what the last fetch of this address gave; sent
    ///     as If-None-Match / If-Modified-Since, so an unchanged feed costs a 304.
    ///   - accept: the Accept header.
    package func fetch(_ address: URL, etag: String? = nil, lastModified: String? = nil,
                       accept: String = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8") async throws(FetchFailure) -> FetchedDocument {
        let timeout = limits.timeout
        let outcome: Result<FetchedDocument, FetchFailure>? = await withTimeLimit(.milliseconds(Int(timeout * 1000))) {
            do throws(FetchFailure) {
                return .success(try await self.follow(address, etag: etag, lastModified: lastModified, accept: accept))
            } catch {
                return .failure(error)
            }
        }
        switch outcome {
        case .success(let document)?: return document
        case .failure(let failure)?: throw failure
        case nil: throw FetchFailure("no complete answer within \(Self.seconds(timeout))")
        }
    }

    private func follow(_ address: URL, etag: String?, lastModified: String?, accept: String) async throws(FetchFailure) -> FetchedDocument {
        var current = address
        var hops = 0
        while true {
            try await check(current, redirected: hops > 0)
            var headers = ["Accept": accept]
            if let etag { headers["If-None-Match"] = etag }
            if let lastModified { headers["If-Modified-Since"] = lastModified }
            let body: HTTPBody
            do {
                body = try await fetcher.body(of: current, headers: headers, limit: limits.maxBytes)
            } catch let tooLarge as HTTPBodyTooLarge {
                throw FetchFailure("the answer is larger than the limit of \(Self.size(tooLarge.limit))")
            } catch is CancellationError {
                throw FetchFailure("no complete answer within \(Self.seconds(limits.timeout))")
            } catch {
                // The proxy closes a connection it refuses without an answer; it says why.
                switch fetcher.proxy?.whyNot(current) {
                case .policy(let refusal)?:
                    throw FetchFailure((hops > 0 ? "redirected to \(current.absoluteString): " : "") + refusal)
                case .transport(let code)?:
                    throw FetchFailure(Self.transportReason(URLError(code)))
                case nil:
                    throw FetchFailure(Self.transportReason(error))
                }
            }
            let status = body.response.statusCode
            if HTTPStatusText.isRedirect(status) {
                guard case .address(let next) = HTTPStatusText.target(of: body.response, from: current) else {
                    throw FetchFailure("\(HTTPStatusText.line(for: status)) without a usable Location header", status: status)
                }
                guard hops < limits.maxRedirects else {
                    throw FetchFailure("more than \(limits.maxRedirects) redirects", status: status)
                }
                hops += 1
                current = next
                continue
            }
            let header = { (name: String) in body.response.value(forHTTPHeaderField: name) }
            if status == 304 {
                return FetchedDocument(finalURL: current, status: status, notModified: true, contentType: header("Content-Type"),
                                       etag: header("ETag") ?? etag, lastModified: header("Last-Modified") ?? lastModified,
                                       data: Data())
            }
            guard (200..<300).contains(status) else {
                throw FetchFailure(HTTPStatusText.line(for: status), status: status)
            }
            return FetchedDocument(finalURL: current, status: status, notModified: false, contentType: header("Content-Type"),
                                   etag: header("ETag"), lastModified: header("Last-Modified"), data: body.data)
        }
    }

    /// The scheme and the address policy, for the first address and every redirect.
    private func check(_ address: URL, redirected: Bool) async throws(FetchFailure) {
        let prefix = redirected ? "redirected to \(address.absoluteString): " : ""
        guard let scheme = address.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw FetchFailure(prefix + "only http and https addresses are fetched")
        }
        guard let host = address.host(percentEncoded: false), !host.isEmpty else {
            throw FetchFailure(prefix + "the address has no host")
        }
        if !limits.allowPrivate, let refusal = await refusal(host) {
            throw FetchFailure(prefix + refusal)
        }
    }

    package func invalidate() {
        fetcher.invalidate()
    }

    private static func transportReason(_ error: any Error) -> String {
        guard let error = error as? URLError else { return "request failed: \(error)" }
        switch error.code {
        case .badURL, .unsupportedURL: return "not an address that can be requested"
        default: return TransportFailure.detail(error.code)
        }
    }

    static func seconds(_ value: Double) -> String {
        "\(value.secondsText) s"
    }

    static func size(_ bytes: Int) -> String {
        bytes % (1024 * 1024) == 0 ? "\(bytes / 1024 / 1024) MB" : (bytes % 1024 == 0 ? "\(bytes / 1024) KB" : "\(bytes) bytes")
    }
}
