import DigestLinkCheck
import DigestHTTP
import DigestLinkOptions
import Foundation
import Testing

@Suite("What each kind of answer is reported as")
struct LinkOutcomeTests {
    /// Checks one link through the same path as the executable.
    private func verdict(
        _ url: String, timeout: Double = 5, maxRedirects: Int = 10
    ) async throws -> LinkVerdict {
        let link = try #require(Link(id: 1, url: url))
        let options = LinkCheckOptions(timeout: timeout, concurrency: 1, deadline: 60, maxRedirects: maxRedirects, allowPrivate: true)
        let results = await LinkCheckRun(options: options).results(for: [link])
        return try #require(results.first).verdict
    }

    @Test("A 200 answer is ok, with the link itself as the final address")
    func ok() async throws {
        try await LinkServer.with { server async throws in
            #expect(try await verdict(server.url("/ok")) == LinkVerdict(
                outcome: .ok, status: 200, finalURL: server.url("/ok"), detail: "HTTP 200 OK"
            ))
        }
    }

    @Test("A chain of three 301s ending in 200 is redirected, and the final address is suggested")
    func permanentChain() async throws {
        try await LinkServer.with { server async throws in
            #expect(try await verdict(server.url("/chain/3")) == LinkVerdict(
                outcome: .redirected, status: 200, finalURL: server.url("/ok"), suggestedURL: server.url("/ok"),
                redirects: 3, detail: "HTTP 200 OK after 3 permanent redirects"
            ))
        }
    }

    @Test("A 308 is permanent: the final address is suggested")
    func permanentRedirect() async throws {
        try await LinkServer.with { server async throws in
            #expect(try await verdict(server.url("/permanent")) == LinkVerdict(
                outcome: .redirected, status: 200, finalURL: server.url("/ok"), suggestedURL: server.url("/ok"),
                redirects: 1, detail: "HTTP 200 OK after 1 permanent redirect"
            ))
        }
    }

    @Test("302, 303 and 307 are temporary: nothing is suggested", arguments: ["/found", "/see-other", "/temporary"])
    func temporaryRedirect(path: String) async throws {
        try await LinkServer.with { server async throws in
            #expect(try await verdict(server.url(path)) == LinkVerdict(
                outcome: .redirected, status: 200, finalURL: server.url("/ok"),
                redirects: 1, detail: "HTTP 200 OK after 1 temporary redirect"
            ))
        }
    }

    @Test("A 301 then a 302 is redirected without a suggestion, as one hop was temporary")
    func mixedChain() async throws {
        try await LinkServer.with { server async throws in
            #expect(try await verdict(server.url("/mixed")) == LinkVerdict(
                outcome: .redirected, status: 200, finalURL: server.url("/ok"),
                redirects: 2, detail: "HTTP 200 OK after 2 redirects, 1 of them temporary"
            ))
        }
    }

    @Test("A relative Location is resolved against the address that gave it")
    func relativeLocation() async throws {
        try await LinkServer.with { server async throws in
            #expect(try await verdict(server.url("/dir/relative")) == LinkVerdict(
                outcome: .redirected, status: 200, finalURL: server.url("/ok"),
                redirects: 1, detail: "HTTP 200 OK after 1 temporary redirect"
            ))
        }
    }

    @Test("Two addresses redirecting to each other are a broken redirect loop")
    func redirectLoop() async throws {
        try await LinkServer.with { server async throws in
            #expect(try await verdict(server.url("/loop/a")) == LinkVerdict(
                outcome: .broken, status: 302, finalURL: server.url("/loop/b"),
                redirects: 1, detail: "redirect loop"
            ))
        }
    }

    @Test("More redirects than allowed is broken: too many redirects")
    func tooManyRedirects() async throws {
        try await LinkServer.with { server async throws in
            #expect(try await verdict(server.url("/chain/12")) == LinkVerdict(
                outcome: .broken, status: 301, finalURL: server.url("/chain/2"),
                redirects: 10, detail: "too many redirects"
            ))
            #expect(try await verdict(server.url("/chain/3"), maxRedirects: 2) == LinkVerdict(
                outcome: .broken, status: 301, finalURL: server.url("/chain/1"),
                redirects: 2, detail: "too many redirects"
            ))
            #expect(try await verdict(server.url("/chain/3"), maxRedirects: 3).outcome == .redirected)
        }
    }

    @Test("A redirect to ftp: is broken and names the address it pointed to")
    func redirectToFTP() async throws {
        try await LinkServer.with { server async throws in
            #expect(try await verdict(server.url("/to-ftp")) == LinkVerdict(
                outcome: .broken, status: 302, finalURL: server.url("/to-ftp"),
                redirects: 0, detail: "redirect to a non-HTTP address: ftp://127.0.0.1/file.txt"
            ))
        }
    }

    @Test("A redirect without a Location header is broken")
    func redirectWithoutLocation() async throws {
        try await LinkServer.with { server async throws in
            #expect(try await verdict(server.url("/no-location")) == LinkVerdict(
                outcome: .broken, status: 302, finalURL: server.url("/no-location"),
                detail: "HTTP 302 Found without a Location header"
            ))
        }
    }

    @Test("404 and 500 are broken, with the status line as detail")
    func clientAndServerErrors() async throws {
        try await LinkServer.with { server async throws in
            #expect(try await verdict(server.url("/not-found")) == LinkVerdict(
                outcome: .broken, status: 404, finalURL: server.url("/not-found"), detail: "HTTP 404 Not Found"
            ))
            #expect(try await verdict(server.url("/server-error")) == LinkVerdict(
                outcome: .broken, status: 500, finalURL: server.url("/server-error"),
                detail: "HTTP 500 Internal Server Error"
            ))
        }
    }

    @Test("A server that refuses HEAD (405, or 404 to HEAD only) is asked again with GET", arguments: ["/head-refused", "/head-not-found"])
    func headRefused(path: String) async throws {
        try await LinkServer.with { server async throws in
            #expect(try await verdict(server.url(path)) == LinkVerdict(
                outcome: .ok, status: 200, finalURL: server.url(path), detail: "HTTP 200 OK"
            ))
            let methods = try #require(try await server.stats()["methods"] as? [String: Int])
            #expect(methods == ["HEAD": 1, "GET": 1])
        }
    }

    @Test("A GET stops after the headers: a body that takes 30 s to arrive is not waited for")
    func getStopsAfterHeaders() async throws {
        try await LinkServer.with { server async throws in
            // Waiting for the body would outlast the 10 s timeout and end timed-out; ok proves it was not waited for.
            #expect(try await verdict(server.url("/head-refused-big"), timeout: 10).outcome == .ok)
        }
    }

    @Test("When HEAD is answered, no GET is sent, at any hop of a chain")
    func headOnly() async throws {
        try await LinkServer.with { server async throws in
            _ = try await verdict(server.url("/chain/3"))
            let methods = try #require(try await server.stats()["methods"] as? [String: Int])
            #expect(methods == ["HEAD": 4])
        }
    }

    @Test("A closed port is unreachable: connection refused, no status, no final address")
    func closedPort() async throws {
        let url = "http://127.0.0.1:\(try ClosedPort.make())/"
        #expect(try await verdict(url) == LinkVerdict(outcome: .unreachable, detail: "connection refused"))
    }

    @Test("A redirect to a closed port is unreachable and says where, after how many redirects")
    func redirectToClosedPort() async throws {
        let target = "http://127.0.0.1:\(try ClosedPort.make())/gone"
        try await LinkServer.with { server async throws in
            #expect(try await verdict(server.url("/redirect-to?location=\(target)")) == LinkVerdict(
                outcome: .unreachable, redirects: 1, detail: "connection refused at \(target) after 1 redirect"
            ))
        }
    }

    @Test("A server slower than the timeout is timed-out, and the check ends at the timeout")
    func slowServer() async throws {
        try await LinkServer.with { server async throws in
            // The server answers after 5 s; a verdict of "timed out after 0.5 s" is the check ending first.
            #expect(try await verdict(server.url("/slow?seconds=5"), timeout: 0.5) == LinkVerdict(
                outcome: .timedOut, detail: "timed out after 0.5 s"
            ))
        }
    }
}
