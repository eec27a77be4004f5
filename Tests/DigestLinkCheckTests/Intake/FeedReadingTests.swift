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
        #expect(throws: FetchFailure("the feed is not well-formed XML (line 3: an end tag does not match its start tag (an unclosed <br> or <p>?))")) {
            try read("malformed.xml")
        }
        #expect(throws: FetchFailure("not a feed: the document's root element is <html>; a feed is RSS (<rss>, or <rdf:RDF> for RSS 1.0 and 0.90), Atom (<feed> in Atom 1.0's or 0.3's namespace) or JSON Feed")) {
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

/// Feeds as real sites write them, read as feedparser reads them.
@Suite("Reading feeds from the wild")
struct WildFeedReadingTests {
    private func read(_ name: String) throws -> FeedDocument {
        let text = try TextDecoder.decode(try IntakeFixture.data(name), declared: nil)
        return try FeedReader(excerptLimit: 2000).read(text, at: URL(string: "https://feeds.example/\(name)")!)
    }

    private func summary(_ feed: FeedDocument) -> [String] {
        feed.entries.map { "\($0.title ?? "-") | \($0.link ?? "-") | \($0.date ?? "-")" }
    }

    @Test("RSS: titles are text, an item's own elements win over namespaced look-alikes, guid permalinks, the first title and the last link of duplicates, every date form")
    func rss() throws {
        let feed = try read("wild-rss.xml")
        #expect(feed.recovered == nil)
        #expect(summary(feed) == [
            "Use <script> wisely | https://quayside-radio.example/scripts | 2026-11-20",
            "The <dialog> element, for harbour forms | https://quayside-radio.example/dialog | 2026-11-19",
            "Only a permalink guid | https://quayside-radio.example/guid-only | 2026-11-18",
            "A guid that is no permalink | - | 2026-11-17",
            "The title given first | https://quayside-radio.example/twice | 2012-08-30",
            "Asctime date | https://quayside-radio.example/asctime | 2012-07-15",
            "A year alone | https://quayside-radio.example/year | 2002-01-01",
            "A month alone | https://quayside-radio.example/month | 2003-12-01",
            "A date over two lines | https://quayside-radio.example/two-lines | 2026-11-16",
            "A date nobody can read | https://quayside-radio.example/someday | -",
            "Bold news & more | https://quayside-radio.example/bold | 2026-11-15",
        ])
    }

    @Test("Atom 0.3 (issued, created, escaped content) and RSS 0.90 are read, not refused")
    func oldFormats() throws {
        let atom = try read("wild-atom03.xml")
        #expect(atom.format == "atom")
        #expect(atom.title == "Old Lighthouse Log")
        #expect(atom.entries == [
            FeedEntry(key: "tag:lighthouse-log.example,2026:lamp", title: "The lamp is lit again",
                      link: "https://lighthouse-log.example/lamp", author: "Eli Varga", date: "2026-11-19",
                      excerpt: "After a year dark, the lamp turns once more."),
            FeedEntry(key: "tag:lighthouse-log.example,2026:fog", title: "Fog horn tested",
                      link: "https://lighthouse-log.example/fog-horn", author: "Eli Varga", date: "2026-11-12",
                      excerpt: "Three blasts at noon, heard across the bay."),
        ])
        let old = try read("wild-rss090.xml")
        #expect(old.format == "rdf")
        #expect(old.title == "Netscape-era Harbour")
        #expect(summary(old) == ["Moorings renumbered | https://old-harbour.example/moorings | -",
                                 "Slipway closed for repairs | https://old-harbour.example/slipway | -"])
    }

    @Test("Atom links: only an alternate is the page (no rel means alternate), an HTML one before others")
    func atomLinks() throws {
        #expect(summary(try read("wild-atom-links.xml")) == [
            "Only a licence link | - | 2026-11-20",
            "An enclosure first, then the page | https://links.example/episode | 2026-11-19",
            "Two alternates, the page last | https://links.example/report | 2026-11-18",
        ])
    }

    @Test("Broken feeds: entries recovered and marked, with what is wrong in words")
    func recovered() throws {
        let ampersand = try read("broken-ampersand.xml")
        #expect(ampersand.recovered == "(line 3: a bare '&' or '<' in the text (write &amp; and &lt;))")
        #expect(ampersand.entries == [
            FeedEntry(key: "https://broken.example/tides?a=1&b=2", title: "Tides & tolls",
                      link: "https://broken.example/tides?a=1&b=2", author: nil, date: "2026-11-20",
                      excerpt: "Fees & dues for the season."),
            FeedEntry(key: "https://broken.example/second", title: "Second story", link: "https://broken.example/second",
                      author: nil, date: "2026-11-19", excerpt: nil),
        ])
        let entities = try read("broken-entities.xml")
        #expect(entities.recovered == "(line 3: it uses an entity XML does not define, such as &nbsp; (write & as &amp;, or declare it))")
        #expect(entities.entries.map(\.title) == ["Harbour dues & the ferry"])
        #expect(entities.entries.map(\.excerpt) == ["Café ¬it; open — all week."])
        let breaks = try read("broken-br.xml")
        #expect(breaks.entries.map(\.excerpt) == ["First line second line"])
        #expect(breaks.recovered == "(line 3: an end tag does not match its start tag (an unclosed <br> or <p>?))")
        let notice = try read("broken-php-notice.xml")
        #expect(notice.recovered
            == "(line 2: there is more after the root element (a notice printed before it, or a second document?))")
        #expect(notice.entries.map(\.excerpt) == ["Kept, notice aside."])
        let truncated = try read("broken-truncated.xml")
        #expect(summary(truncated) == ["Whole entry | https://broken.example/whole | 2026-11-20",
                                       "Half an entry | https://broken.example/half | -"])
    }

    @Test("UTF-32 is refused before any parsing, and a feed nested 50,000 deep is refused, not a crash")
    func refusedBeforeParsing() throws {
        var utf32 = Data([0xFF, 0xFE, 0x00, 0x00])
        for scalar in "<rss/>".unicodeScalars { withUnsafeBytes(of: scalar.value.littleEndian) { utf32.append(contentsOf: $0) } }
        #expect(throws: FetchFailure("the document is UTF-32, which digest does not read (nor do browsers); "
            + "it needs to be served as UTF-8")) { try TextDecoder.decode(utf32, declared: nil) }
        let deep = "<rss version=\"2.0\"><channel>" + String(repeating: "<x>", count: 50_000)
            + String(repeating: "</x>", count: 50_000) + "</channel></rss>"
        #expect(throws: FetchFailure("the feed was not read: elements are nested more than 512 deep, deeper than any real feed (line 1)")) {
            try FeedReader(excerptLimit: 100).read(deep, at: IntakeFixture.base)
        }
        // Broken and deep: the recovery refuses it too.
        #expect(throws: FetchFailure.self) {
            try FeedReader(excerptLimit: 100).read(deep + "&", at: IntakeFixture.base)
        }
    }
}
