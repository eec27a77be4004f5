import DigestLinkCheck
import DigestHTTP
import DigestLinkOptions
import Foundation
import Testing

@Suite("Running many checks: order, limits, deadline, politeness")
struct LinkCheckRunTests {
    private func links(_ urls: [String]) throws -> [Link] {
        try urls.enumerated().map { offset, url in try #require(Link(id: offset + 1, url: url)) }
    }

    @Test("Results come back in input order even when an early link is the slowest")
    func inputOrder() async throws {
        try await LinkServer.with { server async throws in
            let input = try links([
                server.url("/slow?seconds=1"), server.url("/ok"), server.url("/not-found"), server.url("/found"),
            ])
            var emitted: [Int] = []
            let results = await LinkCheckRun(options: LinkCheckOptions(timeout: 5, concurrency: 4, allowPrivate: true))
                .results(for: input) { emitted.append($0.id) }
            #expect(results.map(\.id) == [1, 2, 3, 4])
            #expect(emitted == [1, 2, 3, 4])
            #expect(results.map(\.outcome) == [.ok, .ok, .broken, .redirected])
        }
    }

    @Test("No more requests are in flight than the concurrency allows, and that many are used")
    func concurrencyBound() async throws {
        try await LinkServer.with { server async throws in
            let input = try links((1...9).map { server.url("/hold?ms=400&n=\($0)") })
            let results = await LinkCheckRun(options: LinkCheckOptions(timeout: 10, concurrency: 3, allowPrivate: true)).results(for: input)
            #expect(results.allSatisfy { $0.outcome == .ok })
            #expect(try await server.stats()["max_in_flight"] as? Int == 3)
        }
    }

    @Test("Links not finished by the total deadline are timed-out: total deadline reached")
    func totalDeadline() async throws {
        try await LinkServer.with { server async throws in
            let input = try links([server.url("/ok"), server.url("/slow?seconds=5"), server.url("/slow?seconds=5"), server.url("/ok")])
            let results = await LinkCheckRun(options: LinkCheckOptions(timeout: 10, concurrency: 1, deadline: 1, allowPrivate: true))
                .results(for: input)
            #expect(results.map(\.outcome) == [.ok, .timedOut, .timedOut, .timedOut])
            for result in results.dropFirst() {
                #expect(result.verdict == LinkVerdict(outcome: .timedOut, detail: "total deadline reached"))
            }
        }
    }

    @Test("Every request carries the User-Agent and none carries a cookie, though the server sets one on every answer")
    func userAgentAndNoCookies() async throws {
        try await LinkServer.with { server async throws in
            let input = try links([server.url("/ok"), server.url("/chain/3"), server.url("/mixed"), server.url("/ok")])
            await LinkCheckRun(options: LinkCheckOptions(concurrency: 1, allowPrivate: true)).results(for: input)
            let stats = try await server.stats()
            #expect(stats["with_cookie"] as? Int == 0)
            #expect(stats["user_agents"] as? [String] == ["digest-links/1.0 (link checker of the digest newsletter tool)"])
            #expect(stats["requests"] as? Int == 9)
        }
    }

    @Test("A result records when it was checked and how long it took")
    func timing() async throws {
        try await LinkServer.with { server async throws in
            let before = Date()
            let results = await LinkCheckRun(options: LinkCheckOptions(allowPrivate: true))
                .results(for: try links([server.url("/hold?ms=200")]))
            let result = try #require(results.first)
            #expect(result.checkedAt >= before && result.checkedAt <= Date())
            // The server held the answer 200 ms; the result cannot say less.
            #expect(result.elapsedMilliseconds >= 200)
        }
    }

    @Test("An empty list checks nothing")
    func emptyList() async {
        let results = await LinkCheckRun(options: LinkCheckOptions(allowPrivate: true)).results(for: [])
        #expect(results.isEmpty)
    }
}
