import Foundation
import Testing

/// Pages and feeds as real sites serve them: declared in a legacy charset,
/// in the header, a `<meta charset>` or the XML declaration. The bytes come
/// from Python's own codecs, not from digest's, and the text read back must
/// be the text that was encoded.
@Suite("intake from the wild: any charset, feeds as sites write them, broken ones recovered")
struct IntakeFromTheWildTests {
    /// Python's codec, the label a site would declare, and text in that script.
    static let charsets: [(codec: String, label: String, text: String)] = [
        ("cp1252", "windows-1252", "Café “quay” news — €5 tickets"),
        ("cp1251", "windows-1251", "Новости гавани"),
        ("koi8_r", "koi8-r", "Паром вернулся в порт"),
        ("iso8859_2", "iso-8859-2", "Żeglarze wracają do portu"),
        ("iso8859_7", "iso-8859-7", "Νέα του λιμανιού"),
        ("shift_jis", "shift_jis", "港のニュース、フェリー再開"),
        ("euc_jp", "euc-jp", "港のニュース、フェリー再開"),
        ("gb2312", "gb2312", "港口新闻与渡轮时刻"),
        ("big5", "big5", "港口新聞與渡輪時刻"),
        ("euc_kr", "euc-kr", "항구 소식과 여객선"),
        ("cp1250", "windows-1250", "Přístav se znovu otevírá"),
        ("cp1256", "windows-1256", "أخبار الميناء اليوم"),
    ]

    private func setUp() throws -> (Digest, LocalServer) {
        let digest = Digest(directory: try TemporaryDirectory())
        try digest.initialise()
        _ = try digest.run("config", "fetch.allow-private", "on")
        return (digest, try LocalServer())
    }

    private static func encoded(_ server: LocalServer, _ codec: String, _ label: String, _ text: String,
                                where place: String) -> String {
        let query = text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return server.url("/encoded/\(codec)/\(label)?where=\(place)&text=\(query)")
    }

    @Test("fetch reads pages in twelve charsets, declared in the header or in <meta charset>")
    func pagesInLegacyCharsets() throws {
        let (digest, server) = try setUp()
        defer { server.stop() }
        for (codec, label, text) in Self.charsets {
            for place in ["header", "meta"] {
                let result = try digest.run("fetch", Self.encoded(server, codec, label, text, where: place), "--json")
                #expect(result.status == 0, "\(label) \(place): \(result.standardError)")
                #expect(try JSONReader.string(result.standardOutput, "fields", "title") == text, "\(label) \(place)")
                #expect(try JSONReader.string(result.standardOutput, "fields", "excerpt")
                    == "\(text), told in its own script.", "\(label) \(place)")
            }
        }
    }

    @Test("add-item --fetch and feeds pull store the text as written, whatever the charset")
    func storedAsWritten() throws {
        let (digest, server) = try setUp()
        defer { server.stop() }
        let issue = try digest.draft()
        let (codec, label, text) = Self.charsets[6]   // EUC-JP
        let added = try digest.run("add-item", String(issue), "--fetch", Self.encoded(server, codec, label, text, where: "header"),
                                   "--date", "2026-11-20", "--json")
        #expect(added.status == 0, "\(added.standardError)")
        #expect(try DatabaseInspector.scalar(digest.databasePath, "SELECT title FROM item_states WHERE valid_to IS NULL")
            == text)
        for (index, (codec, label, text)) in Self.charsets.enumerated() {
            let address = Self.encoded(server, codec, label, text, where: "xml")
            #expect(try digest.run("feeds", "add", address, "--name", "Feed \(index)").status == 0)
        }
        let pull = try digest.run("feeds", "pull")
        #expect(pull.status == 0, "\(pull.standardOutput)\(pull.standardError)")
        let titles = try DatabaseInspector.scalar(digest.databasePath,
                                                  "SELECT group_concat(title, '|') FROM (SELECT title FROM candidates ORDER BY id)")
        #expect(titles == Self.charsets.map(\.text).joined(separator: "|"))
    }

    @Test("a page whose bytes are not its declared charset is refused with the reason, and nothing is stored")
    func undecodableRefused() throws {
        let (digest, server) = try setUp()
        defer { server.stop() }
        let issue = try digest.draft()
        let page = server.url("/encoded/invalid")
        let result = try digest.run("add-item", String(issue), "--fetch", page)
        #expect(result.status == 69)
        #expect(result.standardError == "digest: error: \(page) could not be fetched: the document says its charset is "
            + "shift_jis, but its bytes are not shift_jis text; digest cannot read it without garbling it.\n")
        #expect(try DatabaseInspector.scalar(digest.databasePath, "SELECT count(*) FROM items") == "0")
    }

    @Test("feeds pull: what feedparser reads is stored with the exact fields; a broken feed's entries are recovered and marked")
    func wildFeedsPulled() throws {
        let (digest, server) = try setUp()
        defer { server.stop() }
        for name in ["wild-rss", "wild-atom03", "wild-rss090", "broken-ampersand", "broken-php-notice"] {
            #expect(try digest.run("feeds", "add", server.url("/fixture/\(name).xml"), "--name", name).status == 0)
        }
        let pull = try digest.run("feeds", "pull")
        #expect(pull.status == 0, "\(pull.standardError)")
        #expect(pull.standardOutput == """
            wild-rss: 10 new, 1 refused
              refused "A guid that is no permalink": url: it is missing; give the link (https://…), or mark the item --incomplete to add it later.
            wild-atom03: 2 new
            wild-rss090: 2 new
            broken-ampersand: 2 new
              recovered from XML that is not well-formed (line 3: a bare '&' or '<' in the text (write &amp; and &lt;)); each entry is marked in the backlog
            broken-php-notice: 1 new
              recovered from XML that is not well-formed (line 2: there is more after the root element (a notice printed before it, or a second document?)); each entry is marked in the backlog
            5 feeds pulled: 17 new, 1 refused.
            See them with 'digest backlog --origin feed'.

            """)
        let rows = try DatabaseInspector.scalar(digest.databasePath, """
            SELECT group_concat(title || ' | ' || url || ' | ' || coalesce(date, '-') || ' | ' || coalesce(note, '-'), ' ~ ')
            FROM (SELECT * FROM candidates ORDER BY id)
            """)
        let recovered = "recovered from a feed that is not well-formed XML (line 3: a bare '&' or '<' in the text "
            + "(write &amp; and &lt;)); check the fields against the page"
        let notice = "recovered from a feed that is not well-formed XML (line 2: there is more after the root element "
            + "(a notice printed before it, or a second document?)); check the fields against the page"
        #expect(rows?.replacingOccurrences(of: " ~ ", with: "\n") == """
            Use <script> wisely | https://quayside-radio.example/scripts | 2026-11-20 | -
            The <dialog> element, for harbour forms | https://quayside-radio.example/dialog | 2026-11-19 | -
            Only a permalink guid | https://quayside-radio.example/guid-only | 2026-11-18 | -
            The title given first | https://quayside-radio.example/twice | 2012-08-30 | -
            Asctime date | https://quayside-radio.example/asctime | 2012-07-15 | -
            A year alone | https://quayside-radio.example/year | 2002-01-01 | -
            A month alone | https://quayside-radio.example/month | 2003-12-01 | -
            A date over two lines | https://quayside-radio.example/two-lines | 2026-11-16 | -
            A date nobody can read | https://quayside-radio.example/someday | - | -
            Bold news & more | https://quayside-radio.example/bold | 2026-11-15 | -
            The lamp is lit again | https://lighthouse-log.example/lamp | 2026-11-19 | -
            Fog horn tested | https://lighthouse-log.example/fog-horn | 2026-11-12 | -
            Moorings renumbered | https://old-harbour.example/moorings | - | -
            Slipway closed for repairs | https://old-harbour.example/slipway | - | -
            Tides & tolls | https://broken.example/tides?a=1&b=2 | 2026-11-20 | \(recovered)
            Second story | https://broken.example/second | 2026-11-19 | \(recovered)
            After the notice | https://broken.example/notice | 2026-11-20 | \(notice)
            """)
        // The backlog shows the mark where an editor looks.
        let backlog = try digest.run("backlog")
        #expect(backlog.standardOutput.contains("""
            #15 Tides & tolls
                 https://broken.example/tides?a=1&b=2
                 broken-ampersand · 2026-11-20
            """))
        #expect(backlog.standardOutput.contains("     note: recovered from a feed that is not well-formed XML (line 3:"))
        let json = try digest.run("backlog", "--json").standardOutput
        #expect(json.contains(recovered))
    }

    @Test("tracking parameters leave links from feeds and fetched pages; fetch.strip-tracking off keeps them")
    func trackingRemoved() throws {
        let (digest, server) = try setUp()
        defer { server.stop() }
        #expect(try digest.run("feeds", "add", server.url("/fixture/tracking.xml"), "--name", "Tracked").status == 0)
        #expect(try digest.run("feeds", "pull").status == 0)
        #expect(try DatabaseInspector.scalar(digest.databasePath, "SELECT group_concat(url, ' ') FROM (SELECT url FROM candidates ORDER BY id)")
            == "https://tracked.example/story https://tracked.example/search?q=tides&page=2#results "
            + "https://tracked.example/plain?id=12&utmost=1")
        // A page: the address given, with its campaign, is stored without it; --dry-run says so.
        let issue = try digest.draft()
        let page = server.url("/fixture/title-only.html?utm_source=newsletter&id=4")
        let dry = try digest.run("add-item", String(issue), "--fetch", page, "--source", "Port", "--date", "2026-11-20", "--dry-run")
        #expect(dry.status == 0, "\(dry.standardError)")
        #expect(dry.standardOutput.contains("url      \(server.url("/fixture/title-only.html?id=4"))  (the address given, tracking parameters removed)\n"))
        // Off: kept as the feed gives them.
        #expect(try digest.run("config", "fetch.strip-tracking", "off").status == 0)
        #expect(try digest.run("feeds", "add", server.url("/fixture/tracking.xml?again=1"), "--name", "Tracked again").status == 0)
        #expect(try digest.run("backlog", "--dismiss", "1,2,3").status == 0)
        let again = try digest.run("feeds", "pull", "Tracked again")
        #expect(again.status == 0, "\(again.standardOutput)\(again.standardError)")
        #expect(try DatabaseInspector.scalar(digest.databasePath,
            "SELECT url FROM candidates WHERE origin_name = 'Tracked again' ORDER BY id LIMIT 1")
            == "https://tracked.example/story?utm_source=rss&utm_medium=feed&utm_campaign=week47")
    }

    @Test("feeds pull: a UTF-32 feed and one nested 50,000 deep fail alone, with their reasons; the good one is stored")
    func badFeedsFailAlone() throws {
        let (digest, server) = try setUp()
        defer { server.stop() }
        #expect(try digest.run("feeds", "add", server.url("/utf32"), "--name", "Wide").status == 0)
        #expect(try digest.run("feeds", "add", server.url("/deep?levels=50000"), "--name", "Deep").status == 0)
        #expect(try digest.run("feeds", "add", server.url("/fixture/wild-rss090.xml"), "--name", "Good").status == 0)
        let pull = try digest.run("feeds", "pull")
        #expect(pull.status == 69)
        #expect(pull.standardOutput == """
            Wide: failed — the document is UTF-32, which digest does not read (nor do browsers); it needs to be served as UTF-8
            Deep: failed — the feed was not read: elements are nested more than 512 deep, deeper than any real feed (line 1)
            Good: 2 new
            3 feeds pulled: 2 new; 2 failed.
            See them with 'digest backlog --origin feed'.

            """)
        #expect(pull.standardError == "digest: error: 2 feeds could not be read (Wide, Deep); the others were stored.\n")
        #expect(try DatabaseInspector.scalar(digest.databasePath, "SELECT count(*) FROM candidates") == "2")
    }

    @Test("a page title with escaped markup keeps it as text, through fetch and add-item --fetch")
    func escapedTitle() throws {
        let (digest, server) = try setUp()
        defer { server.stop() }
        let page = server.url("/fixture/escaped-title.html")
        let fetched = try digest.run("fetch", page, "--json")
        #expect(fetched.status == 0, "\(fetched.standardError)")
        #expect(try JSONReader.string(fetched.standardOutput, "fields", "title") == "Use <script> wisely on harbour pages")
        #expect(try JSONReader.string(fetched.standardOutput, "fields", "excerpt")
            == "Why the <dialog> element beats a pop-up for the ferry timetable.")
        let issue = try digest.draft()
        let added = try digest.run("add-item", String(issue), "--fetch", page, "--date", "2026-11-20")
        #expect(added.status == 0, "\(added.standardError)")
        #expect(try DatabaseInspector.scalar(digest.databasePath, "SELECT title FROM item_states WHERE valid_to IS NULL")
            == "Use <script> wisely on harbour pages")
    }
}
