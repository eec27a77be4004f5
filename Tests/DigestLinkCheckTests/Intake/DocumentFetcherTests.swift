import DigestFetch
import DigestLinkCheck
import DigestHTTP
import Foundation
import Testing

@Suite("Fetching pages and feeds within the limits")
struct DocumentFetcherTests {
    /// Fetches from the fixture server (127.0.0.1), which only `allowPrivate` permits.
    private func fetcher(_ limits: FetchLimits = FetchLimits(allowPrivate: true)) -> DocumentFetcher {
        DocumentFetcher.make(limits: limits)
    }

    private func failure(_ fetcher: DocumentFetcher, _ url: String) async -> FetchFailure? {
        guard let address = URL(string: url) else { return FetchFailure("bad test address") }
        do throws(FetchFailure) {
            _ = try await fetcher.fetch(address)
            return nil
        } catch {
            return error
        }
    }

    @Test("A gzip-encoded page arrives decompressed and reads like the plain one; the User-Agent names digest")
    func gzip() async throws {
        try await LinkServer.with { server async throws in
            let fetch = PageFetch(fetcher: fetcher(), excerptLimit: 2000)
            let zipped = try await fetch.fetch(try #require(URL(string: server.url("/gzip/wordpress-post.html"))))
            let plain = try await fetch.fetch(try #require(URL(string: server.url("/fixture/wordpress-post.html"))))
            #expect(zipped.fields == plain.fields)
            #expect(zipped.fields.title == "Night ferries return to the north quay")
            let stats = try await server.stats()
            #expect(stats["user_agents"] as? [String] == [HTTPFetcher.fetchingUserAgent])
            #expect(HTTPFetcher.fetchingUserAgent.hasPrefix("digest-fetch/"))
        }
    }

    @Test("A windows-1252 page declared in the header is decoded: curly quotes, dashes, the euro sign")
    func windows1252() async throws {
        try await LinkServer.with { server async throws in
            let fetch = PageFetch(fetcher: fetcher(), excerptLimit: 2000)
            let page = try await fetch.fetch(try #require(URL(string: server.url("/fixture/windows-1252.html"))))
            #expect(page.fields.title == "Café on the breakwater – “the best view”")
            #expect(page.fields.excerpt == "Naïve prices, €3 a coffee, and a view of every boat — a short review.")
            #expect(page.fields.author == "José Piñeiro")
        }
    }

    @Test("404, a binary Content-Type, too many redirects and a redirect to ftp are failures in words")
    func failures() async throws {
        try await LinkServer.with { server async throws in
            let fetcher = fetcher()
            #expect(await failure(fetcher, server.url("/not-found")) == FetchFailure("HTTP 404 Not Found", status: 404))
            let binary = try #require(URL(string: server.url("/binary")))
            do throws(FetchFailure) {
                _ = try await PageFetch(fetcher: fetcher, excerptLimit: 10).fetch(binary)
                Issue.record("a PNG was read as a page")
            } catch {
                #expect(error == FetchFailure("the answer is image/png, not a web page", status: 200))
            }
            #expect(await failure(fetcher, server.url("/chain/6")) == FetchFailure("more than 5 redirects", status: 301))
            let five = try await fetcher.fetch(try #require(URL(string: server.url("/chain/5"))))
            #expect(five.finalURL.absoluteString == server.url("/ok"))
            #expect(await failure(fetcher, server.url("/to-ftp"))
                == FetchFailure("redirected to ftp://127.0.0.1/file.txt: only http and https addresses are fetched"))
        }
    }

    @Test("Private addresses are refused unless allowed, and every redirect is checked again")
    func privateAddresses() async throws {
        try await LinkServer.with { server async throws in
            let closed = fetcher(FetchLimits())
            #expect(await failure(closed, server.url("/ok")) == FetchFailure(
                "127.0.0.1 is a loopback address; such addresses are refused unless an editor allows them with "
                    + "'digest config fetch.allow-private on'"))
            // Here 127.0.0.1 stands for a public host and "localhost" for a private one: the
            // redirect's new address goes through the policy again.
            let policy = DocumentFetcher(fetcher: HTTPFetcher(connectionsPerHost: 1, requestTimeout: 10), limits: FetchLimits()) { host in
                host == "localhost" ? "localhost is private" : nil
            }
            let target = "http://localhost:\(server.port)/ok"
            #expect(await failure(policy, server.url("/redirect-to?location=\(target)"))
                == FetchFailure("redirected to \(target): localhost is private"))
            #expect(try await server.stats()["requests"] as? Int == 1)
            #expect(AddressPolicy.nonPublicKind("10.1.2.3") == "a private address")
            #expect(AddressPolicy.nonPublicKind("172.20.0.1") == "a private address")
            #expect(AddressPolicy.nonPublicKind("192.168.1.1") == "a private address")
            #expect(AddressPolicy.nonPublicKind("169.254.169.254") == "a link-local address")
            #expect(AddressPolicy.nonPublicKind("::1") == "a loopback address")
            #expect(AddressPolicy.nonPublicKind("fe80::1") == "a link-local address")
            #expect(AddressPolicy.nonPublicKind("fd00::5") == "a private address")
            #expect(AddressPolicy.nonPublicKind("::ffff:127.0.0.1") == "a loopback address")
            #expect(AddressPolicy.nonPublicKind("0.0.0.0") == "an unspecified address")
            #expect(AddressPolicy.nonPublicKind("93.184.216.34") == nil)
            #expect(AddressPolicy.nonPublicKind("2606:4700::1111") == nil)
            #expect(AddressPolicy.lookUp("localhost").contains("127.0.0.1"))
            #expect(AddressPolicy.literalRefusal(for: "[::1]") == "[::1] is a loopback address; such addresses are refused "
                + "unless an editor allows them with 'digest config fetch.allow-private on'")
            #expect(AddressPolicy.literalRefusal(for: "localhost") == nil)
        }
    }

    @Test("A slow server hits the timeout; a 50 MB body hits the cap, with or without its length declared")
    func limits() async throws {
        try await LinkServer.with { server async throws in
            // The failure names the 1 s limit: the timeout ended the fetch, not the server's 10 s.
            let quick = fetcher(FetchLimits(timeout: 1, allowPrivate: true))
            #expect(await failure(quick, server.url("/slow?seconds=10")) == FetchFailure("no complete answer within 1 s"))
            let fetcher = fetcher()
            let cap = FetchFailure("the answer is larger than the limit of 5 MB")
            let bigFailure = await failure(fetcher, server.url("/big"))
            #expect(bigFailure == cap, "\(String(describing: bigFailure))")
            #expect(await failure(fetcher, server.url("/big?declared=1")) == cap)
        }
    }

    @Test("A second pull of a feed sends its ETag back and gets 304: unchanged, with one request per feed")
    func conditionalGet() async throws {
        try await LinkServer.with { server async throws in
            let pull = FeedPull(fetcher: fetcher(), excerptLimit: 2000, concurrency: 2)
            let feed = FeedRequest(id: 1, url: server.url("/fixture/rss.xml?conditional=1"))
            let first = await pull.pull(feed)
            #expect(first.outcome == .fetched)
            #expect(first.document?.entries.count == 4)
            let etag = try #require(first.etag)
            let second = await pull.pull(FeedRequest(id: 1, url: feed.url, etag: etag, lastModified: first.lastModified))
            #expect(second.outcome == .unchanged)
            #expect(second.status == 304)
            #expect(second.etag == etag)
            #expect(try await server.stats()["requests"] as? Int == 2)
        }
    }

    @Test("A failing feed fails alone; results come back in input order")
    func pullMany() async throws {
        try await LinkServer.with { server async throws in
            let pull = FeedPull(fetcher: fetcher(FetchLimits(timeout: 3, allowPrivate: true)), excerptLimit: 2000, concurrency: 3)
            let urls = ["/fixture/malformed.xml", "/fixture/atom.xml", "/not-found", "/fixture/feed.json", "/binary", "/fixture/rdf.xml"]
            var results: [FeedPullResult] = []
            await pull.pull(urls.enumerated().map { FeedRequest(id: $0.offset + 1, url: server.url($0.element)) }) { results.append($0) }
            #expect(results.map(\.id) == [1, 2, 3, 4, 5, 6])
            #expect(results.map(\.outcome) == [.failed, .fetched, .failed, .fetched, .failed, .fetched])
            #expect(results[2].detail == "HTTP 404 Not Found")
            #expect(results[4].detail == "the answer is image/png, not a feed")
        }
    }
}
