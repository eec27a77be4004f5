import DigestFetch
import DigestLinkCheck
import DigestHTTP
import Foundation
import Testing

@Suite("Reading feeds: RSS 2.0, RDF, Atom, JSON Feed, OPML")
struct FeedReadingTests {
    private func read(_ name: String, limit: Int = 2000) throws -> FeedDocument {
        let text = try TextDecoder.decode(try IntakeFixture.data(name), declared: nil)
        return try FeedReader(excerptLimit: limit).read(text, at: URL(string: "https://feeds.example/\(name)")!)
    }

    @Test("RSS 2.0 with CDATA and dc:creator: markup and scripts stripped, entities decoded, every entry kept in order")
    func rss() throws {
        let feed = try read("rss.xml")
        #expect(feed.format == "rss")
        #expect(feed.title == "Coastal Review")
        #expect(feed.entries.count == 4)
        let first = feed.entries[0]
        #expect(first == FeedEntry(key: "cr-101", title: "Why the tide tables moved an hour",
                                   link: "https://coastal-review.example/tide-tables-hour?utm_source=rss",
                                   author: "Mira Holm", date: "2026-11-20",
                                   excerpt: "The summer tables were printed with the wrong offset & nobody noticed until the spring tides."))
        #expect(feed.entries[1].excerpt == "Forty-one pups this year, up from thirty-two.")
        #expect(feed.entries[1].key == feed.entries[2].key)
        #expect(feed.entries[3].link == "javascript:alert(1)")
    }

    @Test("Atom: xhtml content read as text, relative links resolved against nested xml:base, feed author inherited")
    func atom() throws {
        let feed = try read("atom.xml")
        #expect(feed.format == "atom")
        #expect(feed.title == "The Sailing Log")
        #expect(feed.entries.map(\.link) == ["https://sailing-log.example/blog/posts/reefing-early.html",
                                             "https://sailing-log.example/archive/2026/night-watch"])
        #expect(feed.entries[0].title == "Reefing early and often")
        #expect(feed.entries[0].excerpt == "Take the first reef before the gust, not after it. Then relax.")
        #expect(feed.entries[0].author == "Ana Ruiz")
        #expect(feed.entries[0].date == "2026-11-21")
        #expect(feed.entries[1].author == "Kai Lund")
        #expect(feed.entries[1].date == "2026-11-14")
    }

    @Test("RSS 1.0 (RDF) in ISO-8859-1, with dc:date")
    func rdf() throws {
        let feed = try read("rdf.xml")
        #expect(feed.format == "rdf")
        #expect(feed.title == "Estuary Notes")
        #expect(feed.entries == [FeedEntry(key: "https://estuary-notes.example/curlews", title: "Curlews at low water",
                                           link: "https://estuary-notes.example/curlews", author: "Jos Brinkmann",
                                           date: "2026-11-17",
                                           excerpt: "A flock of two hundred on the mudflats, feeding before the flood.")])
    }

    @Test("JSON Feed 1.1: content_html stripped, a relative url resolved, the feed's authors as the fallback")
    func jsonFeed() throws {
        let feed = try read("feed.json")
        #expect(feed.format == "json")
        #expect(feed.title == "Dockside Dispatch")
        #expect(feed.entries.map(\.link) == ["https://dockside.example/crane-seven", "https://feeds.example/night-shift"])
        #expect(feed.entries[0].excerpt == "The last diesel crane on the container quay was switched over this week.")
        #expect(feed.entries.map(\.author) == ["Pia Nordin", "Dockside staff"])
    }

    @Test("A malformed feed is refused with the line and what is wrong; a page that is no feed says so")
    func malformed() throws {
        #expect(throws: FetchFailure("the feed is not well-formed XML (line 3: an end tag does not match its start tag)")) {
            try read("malformed.xml")
        }
        #expect(throws: FetchFailure("not a feed: the document's root element is <html>, not <rss>, <rdf:RDF> or <feed>")) {
            try FeedReader(excerptLimit: 100).read("<html><body/></html>", at: IntakeFixture.base)
        }
        #expect(throws: FetchFailure("not a JSON Feed: it has no \"version\": \"https://jsonfeed.org/version/1.1\"")) {
            try FeedReader(excerptLimit: 100).read("{\"items\": []}", at: IntakeFixture.base)
        }
    }

    @Test("Excerpts from feeds never pass the limit and hold no markup")
    func excerptLimit() throws {
        for name in ["rss.xml", "atom.xml", "rdf.xml", "feed.json"] {
            for entry in try read(name, limit: 24).entries {
                let excerpt = try #require(entry.excerpt)
                #expect(excerpt.count <= 24)
                #expect(!excerpt.contains("<") && !excerpt.contains("&amp;"))
            }
        }
    }

    @Test("OPML: every outline with an xmlUrl, named by title or text, filed under its folder")
    func opml() throws {
        let list = try OPMLReader.subscriptions(in: try IntakeFixture.data("subscriptions.opml"))
        #expect(list == [
            .init(url: "PORT/fixture/rss.xml", name: "Coastal Review", section: "Shore"),
            .init(url: "PORT/fixture/rdf.xml", name: "Estuary Notes", section: "Shore"),
            .init(url: "PORT/fixture/atom.xml", name: "The Sailing Log", section: nil),
        ])
        #expect(throws: FetchFailure("not an OPML file: it has no <opml> with a <body>")) {
            try OPMLReader.subscriptions(in: Data("<rss/>".utf8))
        }
    }
}
