import Foundation
import Testing

/// digest-fetch beside the feed reader most people trust, Python's
/// feedparser, on the same files: feedparser's own test corpus and the W3C
/// feed validator's test cases (pinned samples, with their licences, in
/// `Fixtures/feed-corpora`), and forty feeds broken as sites break them
/// (`scripts/make-broken-feeds`). `scripts/feed-agreement` serves every file
/// on 127.0.0.1, pulls them all with the built digest-fetch and parses them
/// with feedparser; the figures it measured when this test was written are
/// the floor, so a change that reads feeds worse than feedparser fails here.
@Suite("Feeds read as feedparser reads them")
struct FeedCorporaAgreementTests {
    static let corpora = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/feed-corpora")
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scripts/feed-agreement")

    private func agreement(_ folders: [String]) async throws -> [String: Double] {
        let fetch = try BinaryRun.executable("digest-fetch").path
        let run = try await BinaryRun.run(at: URL(fileURLWithPath: "/usr/bin/env"), ["python3", Self.script.path, "--json", "--digest-fetch", fetch]
            + folders.map { Self.corpora.appendingPathComponent($0).path }, input: "")
        try #require(run.status == 0, "\(run.errors)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        return object.compactMapValues { ($0 as? NSNumber)?.doubleValue }
    }

    @Test("feedparser's corpus and the W3C cases: titles, links and dates agree; no well-formed feed with entries is refused")
    func corpora() async throws {
        let counts = try await agreement(["feedparser", "w3c-feedvalidator"])
        let files = try #require(counts["files"])
        #expect(files == 2434)
        let titles = try #require(counts["titles_agree"]) / (try #require(counts["titles"]))
        let links = try #require(counts["links_agree"]) / (try #require(counts["links"]))
        let dates = try #require(counts["dates_agree"]) / (try #require(counts["dates"]))
        #expect(titles >= 0.995, "titles \(titles)")
        // The links that differ are feedparser's choices digest does not make:
        // a relative "permalink" guid such as "foo" resolved into an address,
        // an id with spaces, an enclosure taken as the page.
        #expect(links >= 0.98, "links \(links)")
        #expect(dates == 1.0, "dates \(dates)")
        #expect(counts["wellformed_refused"] == 0)
        #expect(try #require(counts["entries_both"]) >= 1664)
    }

    @Test("forty feeds broken as sites break them: every one's entries recovered, each field as feedparser reads it")
    func broken() async throws {
        let counts = try await agreement(["broken"])
        #expect(counts["files"] == 40)
        #expect(counts["illformed_with_entries"] == 40)
        #expect(counts["illformed_recovered"] == 40)
        #expect(counts["entries_both"] == counts["entries_feedparser"])
        #expect(counts["titles_agree"] == counts["titles"])
        #expect(counts["links_agree"] == counts["links"])
        #expect(counts["dates_agree"] == counts["dates"])
    }
}
