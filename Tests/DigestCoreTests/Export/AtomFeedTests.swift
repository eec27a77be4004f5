import Foundation
import Testing
import DigestStorage
import DigestModel
import DigestRendering
import DigestWorkflow

@Suite("The archive's Atom feed")
struct AtomFeedTests {
    private let updated = "2026-11-22T18:21:19Z"

    @Test("an XML parser reads every issue as one entry, newest first, with titles, dates and links exactly as given")
    func entriesRoundTrip() throws {
        let entries = try ArchiveTestData.entries()
        let feed = try ArchiveTestTools.parseFeed(AtomFeed.render(site: ArchiveTestData.site, entries: entries, updated: updated))

        #expect(feed.tag == "{http://www.w3.org/2005/Atom}feed")
        #expect(feed.entries.count == 3)
        #expect(feed.entries.map(\.title) == [
            "Storm week at Kestrel Bay",
            "Ferries & Fares: the \"winter\" timetable <draft> for Café 'Øresund' “Nord”",
            "Quiet waters",
        ])
        #expect(feed.entries.map(\.updated) == ["2026-11-22T18:21:19Z", "2026-11-15T17:02:44Z", "2026-11-08T09:00:00Z"])
        #expect(feed.entries.map(\.published) == feed.entries.map(\.updated))
        #expect(feed.entries.map(\.links) == [
            [.init(rel: "alternate", type: "text/html", href: "https://harbour-weekly.example/12-2026-11-23.html")],
            [.init(rel: "alternate", type: "text/html", href: "https://harbour-weekly.example/11-2026-11-16.html")],
            [.init(rel: "alternate", type: "text/html", href: "https://harbour-weekly.example/10-2026-11-09.html")],
        ])
        #expect(feed.entries.map(\.summary) == [nil, "Timetables, tolls and a new pier café.", "A short issue."])
        #expect(feed.entries.compactMap(\.summaryType) == ["text", "text"])
    }

    @Test("the feed has its title, subtitle, id, updated time, self and alternate links and author")
    func feedMetadata() throws {
        let feed = try ArchiveTestTools.parseFeed(
            AtomFeed.render(site: ArchiveTestData.site, entries: try ArchiveTestData.entries(), updated: updated))

        #expect(feed.lang == "en")
        #expect(feed.title == "The Harbour Weekly")
        #expect(feed.subtitle == "News from the quays, ferries & fishing towns of the north coast.")
        #expect(feed.id == "tag:harbour-weekly.example,2026-11-09:feed")
        #expect(feed.updated == updated)
        #expect(feed.links == [
            .init(rel: "self", type: "application/atom+xml", href: "https://harbour-weekly.example/feed.xml"),
            .init(rel: "alternate", type: "text/html", href: "https://harbour-weekly.example/index.html"),
        ])
        #expect(feed.authorName == "The Harbour Weekly")
        #expect(feed.authorEmail == "desk@harbour-weekly.example")
        #expect(feed.authorURI == "https://harbour-weekly.example/")
    }

    @Test("entry ids are tag URIs of the website's host, the issue's date and its number")
    func entryIDs() throws {
        let feed = try ArchiveTestTools.parseFeed(
            AtomFeed.render(site: ArchiveTestData.site, entries: try ArchiveTestData.entries(), updated: updated))

        #expect(feed.entries.map(\.id) == [
            "tag:harbour-weekly.example,2026-11-23:issue-12",
            "tag:harbour-weekly.example,2026-11-16:issue-11",
            "tag:harbour-weekly.example,2026-11-09:issue-10",
        ])
    }

    @Test("ids stay the same when the archive is exported again after an issue is republished")
    func idsAreStable() throws {
        let first = try ArchiveTestData.entries()
        var second = first
        second[1].edition = 3
        second[1].publishedAt = "2026-12-01T07:45:00Z"
        second[1].title = "Storm week at Kestrel Bay (corrected)"
        second[1].itemTitles.append("Correction: the pier reopens on Monday")

        let before = try ArchiveTestTools.parseFeed(AtomFeed.render(site: ArchiveTestData.site, entries: first, updated: updated))
        let after = try ArchiveTestTools.parseFeed(
            AtomFeed.render(site: ArchiveTestData.site, entries: second.reversed(), updated: "2026-12-01T07:45:00Z"))

        #expect(after.id == before.id)
        #expect(after.entries.map(\.id) == before.entries.map(\.id))
        #expect(after.entries.first?.updated == "2026-12-01T07:45:00Z")
        #expect(after.entries.first?.published == first[1].publishedAt)
        #expect(AtomFeed.entryID(for: second[1], site: ArchiveTestData.site) == "tag:harbour-weekly.example,2026-11-23:issue-12")
    }

    @Test("a corrected issue is published when its first edition went out, and updated with the latest")
    func correctedIssueKeepsItsFirstPublication() throws {
        var entry = try ArchiveTestData.entry(number: 4, date: "2026-11-23", title: "Four", edition: 2,
                                              publishedAt: "2026-11-30T09:00:00Z")
        entry.firstPublishedAt = "2026-11-23T08:00:00Z"
        let feed = try ArchiveTestTools.parseFeed(AtomFeed.render(site: ArchiveTestData.site, entries: [entry],
                                                                  updated: "2026-11-30T09:00:00Z"))
        #expect(feed.entries.map(\.published) == ["2026-11-23T08:00:00Z"])
        #expect(feed.entries.map(\.updated) == ["2026-11-30T09:00:00Z"])
    }

    @Test("the id's domain is the website's host, else the email's domain, else digest.invalid")
    func idAuthorityFallbacks() throws {
        let entry = try ArchiveTestData.entry(number: 3, date: "2026-02-01", title: "Three", publishedAt: "2026-02-01T10:00:00Z")
        let cases: [(ArchiveSite, String)] = [
            (ArchiveSite(name: "H", website: "https://User-Less.Example:8443/digest/?ref=1", email: "a@mail.example"),
             "tag:user-less.example,2026-02-01:issue-3"),
            (ArchiveSite(name: "H", website: nil, email: "editors@Mail.Example"), "tag:mail.example,2026-02-01:issue-3"),
            (ArchiveSite(name: "H", website: "javascript:alert(1)", email: "not an address"), "tag:digest.invalid,2026-02-01:issue-3"),
            (ArchiveSite(name: "H", website: "https://[2001:db8::1]/", email: nil), "tag:digest.invalid,2026-02-01:issue-3"),
            (ArchiveSite(name: "H"), "tag:digest.invalid,2026-02-01:issue-3"),
        ]
        for (site, expected) in cases {
            #expect(AtomFeed.entryID(for: entry, site: site) == expected, "for \(site)")
        }
    }

    @Test("without a website every link is relative to the feed, and no author email is invented")
    func relativeLinks() throws {
        let site = ArchiveSite(name: "The Harbour Weekly")
        let feed = try ArchiveTestTools.parseFeed(AtomFeed.render(site: site, entries: try ArchiveTestData.entries(), updated: updated))

        #expect(feed.links.map(\.href) == ["feed.xml", "index.html"])
        #expect(feed.entries.first?.links.map(\.href) == ["12-2026-11-23.html"])
        #expect(feed.authorName == "The Harbour Weekly")
        #expect(feed.authorEmail == nil)
        #expect(feed.authorURI == nil)
    }

    @Test("item titles are listed in the entry's HTML content, where hostile titles stay text")
    func contentListsItems() throws {
        let feed = try ArchiveTestTools.parseFeed(
            AtomFeed.render(site: ArchiveTestData.site, entries: try ArchiveTestData.entries(), updated: updated))

        #expect(feed.entries.map(\.contentType) == ["html", "html", nil])
        #expect(feed.entries.map(\.contentItems) == [
            ArchiveTestData.hostileTitles,
            ["Ferries & Fares", "Tolls rise on the 'old' bridge", "Café Øresund opens"],
            nil,
        ])
        let content = try #require(feed.entries.first?.content)
        #expect(content.contains("<li>&lt;script&gt;alert(&#39;boo&#39;)&lt;/script&gt;</li>"))
        #expect(content.contains("<li>&quot; onmouseover=&quot;alert(1)</li>"))
        #expect(content.contains("<li>Fish &amp;amp; chips</li>"))
        #expect(!content.contains("<script"))
    }

    @Test("an empty archive gives a valid feed with no entries")
    func emptyArchive() throws {
        let xml = AtomFeed.render(site: ArchiveTestData.site, entries: [], updated: updated)
        let feed = try ArchiveTestTools.parseFeed(xml)

        #expect(feed.entries.isEmpty)
        #expect(feed.title == "The Harbour Weekly")
        #expect(feed.id == "tag:harbour-weekly.example,2026-11-22:feed")
        #expect(feed.updated == updated)
        #expect(!xml.contains("<entry>"))
    }

    @Test("characters XML 1.0 forbids are dropped and the feed still parses; tab and non-ASCII text are kept")
    func forbiddenCharacters() throws {
        let entry = try ArchiveTestData.entry(
            number: 1, date: "2026-01-05", title: "Bell\u{07} \u{0B}rings\u{1B}[0m\tat 6\u{FFFF} — 灯台 🚢",
            publishedAt: "2026-01-05T08:00:00Z", summary: "Null\u{00} byte and C1\u{85}\u{9B} control",
            itemTitles: ["Form\u{0C}feed"])
        let feed = try ArchiveTestTools.parseFeed(AtomFeed.render(site: ArchiveTestData.site, entries: [entry], updated: updated))

        #expect(feed.entries.first?.title == "Bell rings[0m\tat 6 — 灯台 🚢")
        #expect(feed.entries.first?.summary == "Null byte and C1 control")
        #expect(feed.entries.first?.contentItems == ["Formfeed"])
    }

    @Test("a one-issue feed renders exactly these bytes")
    func exactBytes() throws {
        let entry = try ArchiveTestData.entry(
            number: 1, date: "2026-01-05", title: "Tides & times", publishedAt: "2026-01-05T08:00:00Z",
            summary: "The first issue.", itemTitles: ["High water at 6", "The \"new\" slipway"])
        let site = ArchiveSite(name: "The Harbour Weekly", website: "https://harbour-weekly.example")

        #expect(AtomFeed.render(site: site, entries: [entry], updated: "2026-01-05T08:00:00Z") == """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
              <title>The Harbour Weekly</title>
              <id>tag:harbour-weekly.example,2026-01-05:feed</id>
              <updated>2026-01-05T08:00:00Z</updated>
              <link rel="self" type="application/atom+xml" href="https://harbour-weekly.example/feed.xml"/>
              <link rel="alternate" type="text/html" href="https://harbour-weekly.example/index.html"/>
              <author>
                <name>The Harbour Weekly</name>
                <uri>https://harbour-weekly.example/</uri>
              </author>
              <entry>
                <title>Tides &amp; times</title>
                <id>tag:harbour-weekly.example,2026-01-05:issue-1</id>
                <updated>2026-01-05T08:00:00Z</updated>
                <published>2026-01-05T08:00:00Z</published>
                <link rel="alternate" type="text/html" href="https://harbour-weekly.example/1-2026-01-05.html"/>
                <summary type="text">The first issue.</summary>
                <content type="html">&lt;ul&gt;&lt;li&gt;High water at 6&lt;/li&gt;&lt;li&gt;The &amp;quot;new&amp;quot; slipway&lt;/li&gt;&lt;/ul&gt;</content>
              </entry>
            </feed>

            """)
    }

    /// How fast is the benchmarks' business (`Benchmarks/run`: export).
    @Test("520 issues render and parse as 520 entries")
    func largeArchive() throws {
        let entries = try ArchiveTestData.manyEntries(count: 520)
        let xml = AtomFeed.render(site: ArchiveTestData.site, entries: entries, updated: updated)
        let feed = try ArchiveTestTools.parseFeed(xml)
        #expect(feed.entries.count == 520)
        #expect(feed.entries.first?.id == "tag:harbour-weekly.example,2025-12-15:issue-520")
        #expect(feed.entries.last?.id == "tag:harbour-weekly.example,2016-01-04:issue-1")
    }
}
