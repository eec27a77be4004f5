import Foundation
import Testing

/// Intake end to end: the built digest and digest-fetch against the fixture
/// server on 127.0.0.1 (which `fetch.allow-private on` lets them reach).
@Suite("intake: fetch, feeds, backlog, nominate")
struct IntakeTests {
    private func setUp(allowPrivate: Bool = true) throws -> (Digest, LocalServer) {
        let directory = try TemporaryDirectory()
        let digest = Digest(directory: directory)
        try digest.initialise()
        if allowPrivate { _ = try digest.run("config", "fetch.allow-private", "on") }
        return (digest, try LocalServer())
    }

    private func count(_ digest: Digest, _ sql: String) throws -> String? {
        try DatabaseInspector.scalar(digest.databasePath, sql)
    }

    @Test("add-item --fetch fills title, source, author, date, excerpt and the canonical link; options win")
    func fetchIntoItem() throws {
        let (digest, server) = try setUp()
        defer { server.stop() }
        let issue = try digest.draft()
        let page = server.url("/fixture/wordpress-post.html")
        let added = try digest.run("add-item", String(issue), "--fetch", page, "--author", "Ines K.", "--json")
        #expect(added.status == 0, "\(added.standardError)")
        #expect(added.standardError == "")
        let item = "items"
        #expect(try JSONReader.string(added.standardOutput, item, 0, "title") == "Night ferries return to the north quay")
        #expect(try JSONReader.string(added.standardOutput, item, 0, "url") == server.url("/2026/11/night-ferries-return/"))
        #expect(try JSONReader.string(added.standardOutput, item, 0, "source") == "Harbour Life")
        #expect(try JSONReader.string(added.standardOutput, item, 0, "author") == "Ines K.")
        #expect(try JSONReader.string(added.standardOutput, item, 0, "date") == "2026-11-19")
        #expect(try JSONReader.string(added.standardOutput, item, 0, "excerpt")
            == "After two winters without them, the late crossings are back from December & the timetable is longer than before.")
        #expect(try count(digest, "SELECT source || '|' || author || '|' || date FROM item_states WHERE valid_to IS NULL")
            == "Harbour Life|Ines K.|2026-11-19")
        // The JSON-LD article and the gzip-encoded post read the same way from the command line.
        let news = try digest.run("add-item", String(issue), "--fetch", server.url("/fixture/news-jsonld.html"))
        #expect(news.status == 0, "\(news.standardError)")
        let zipped = try digest.run("add-item", String(issue), "--fetch", server.url("/gzip/wordpress-post.html"))
        #expect(zipped.status == 65)
        #expect(zipped.standardError.contains("issue \(issue) already links to this page in item"))
        #expect(try count(digest, "SELECT group_concat(author, ';') FROM item_states WHERE valid_to IS NULL")
            == "Ines K.;Dara Okafor, Lu Wen")
    }

    @Test("What the page does not give is reported as for typed input (65, field and option); --incomplete stores it; --dry-run stores nothing")
    func missingFields() throws {
        let (digest, server) = try setUp()
        defer { server.stop() }
        let issue = try digest.draft()
        let page = server.url("/fixture/title-only.html")
        let missing = try digest.run("add-item", String(issue), "--fetch", page)
        #expect(missing.status == 65)
        #expect(missing.standardError == """
            digest: error: 2 problems; nothing was stored:
              - source: the page at \(page) does not give one; give it with --source TEXT.
              - date: the page at \(page) does not give one; give it with --date DATE.

            """)
        #expect(try count(digest, "SELECT count(*) FROM items") == "0")
        let dry = try digest.run("add-item", String(issue), "--fetch", page, "--source", "Port of Tidewater",
                                 "--date", "Nov 2, 2026", "--dry-run")
        #expect(dry.status == 0, "\(dry.standardError)")
        #expect(dry.standardOutput == """
            title    Mooring fees for 2027  (<title>)
            url      \(page)  (the address given)
            source   Port of Tidewater  (given)
            date     2026-11-02  (given)
            excerpt  The table of mooring fees for next year, by boat length and season.  (meta description)
            Nothing was stored (--dry-run).

            """)
        #expect(try count(digest, "SELECT count(*) FROM items") == "0")
        #expect(try count(digest, "SELECT version FROM issues") == "1")
        let dryMissing = try digest.run("add-item", String(issue), "--fetch", page, "--dry-run")
        #expect(dryMissing.status == 65)
        let incomplete = try digest.run(["add-item", String(issue), "--fetch", page, "--incomplete", "--json"],
                                        environment: ["SOURCE_DATE_EPOCH": "1795000000"])
        #expect(incomplete.status == 0, "\(incomplete.standardError)")
        let id = try #require(try JSONReader.int(incomplete.standardOutput, "items", 0, "id"))
        #expect(try JSONReader.value(incomplete.standardOutput, ["items", 0, "incomplete"]) as? Bool == true)
        #expect(incomplete.standardError.contains("digest: warning: the page gives no date; the item has the date it was fetched, 2026-11-18"))
        #expect(incomplete.standardError.contains("complete it with 'digest edit-item \(issue) \(id) --source TEXT' before it can be approved."))
        #expect(try count(digest, "SELECT quote(source) || '|' || date FROM item_states WHERE valid_to IS NULL") == "''|2026-11-18")
        _ = try digest.run("submit", String(issue))
        let approve = try digest.run(["review", String(issue), "--approve", String(id)], as: "ben")
        #expect(approve.status == 1)
        #expect(approve.standardError.contains("complete it with 'digest edit-item \(issue) \(id) --source TEXT' first."))
    }

    @Test("Loopback addresses are refused until fetch.allow-private is on (69), for pages and feeds; nothing is stored")
    func privateRefused() throws {
        let (digest, server) = try setUp(allowPrivate: false)
        defer { server.stop() }
        let issue = try digest.draft()
        let page = server.url("/fixture/wordpress-post.html")
        let refused = try digest.run("add-item", String(issue), "--fetch", page)
        #expect(refused.status == 69)
        #expect(refused.standardError == "digest: error: \(page) could not be fetched: 127.0.0.1 is a loopback address; "
            + "such addresses are refused unless an editor allows them with 'digest config fetch.allow-private on'.\n")
        #expect(try count(digest, "SELECT count(*) FROM items") == "0")
        #expect(try digest.run("feeds", "add", server.url("/fixture/rss.xml"), "--name", "Coastal").status == 0)
        let pull = try digest.run("feeds", "pull")
        #expect(pull.status == 69)
        #expect(pull.standardOutput.hasPrefix("Coastal: failed — 127.0.0.1 is a loopback address"))
        #expect(try count(digest, "SELECT count(*) FROM candidates") == "0")
        #expect(try digest.run("config", "fetch.allow-private", "on").status == 0)
        #expect(try digest.run("add-item", String(issue), "--fetch", page).status == 0)
    }

    @Test("fetch --json prints the fields and where each came from; a 404 is exit 69; a javascript: link is 65 before any request")
    func fetchCommand() throws {
        let (digest, server) = try setUp()
        defer { server.stop() }
        let result = try digest.run("fetch", server.url("/fixture/news-jsonld.html"), "--json")
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try JSONReader.string(result.standardOutput, "fields", "title") == "Pilot boats get a new berth after the storm")
        #expect(try JSONReader.string(result.standardOutput, "fields", "source") == "The Tidewater Courier")
        #expect(try JSONReader.string(result.standardOutput, "found_in", "title") == "json-ld headline")
        #expect(try JSONReader.string(result.standardOutput, "found_in", "date") == "json-ld datePublished")
        let missing = try digest.run("fetch", server.url("/not-found"))
        #expect(missing.status == 69)
        #expect(missing.standardError == "digest: error: \(server.url("/not-found")) could not be fetched: HTTP 404 Not Found.\n")
        let script = try digest.run("fetch", "javascript:alert(1)")
        #expect(script.status == 65)
        #expect(script.standardError.contains("the scheme 'javascript' is not allowed"))
        let saved = try digest.run("fetch", server.url("/fixture/rdf.xml"), "--save")
        #expect(saved.status == 69)
        #expect(saved.standardError.contains("the answer is application/rdf+xml, not a web page"))
    }

    @Test("feeds add → pull → backlog → add-item --from-backlog → publish; the second pull adds nothing; a published entry is reported, not added")
    func feedsEndToEnd() throws {
        let (digest, server) = try setUp()
        defer { server.stop() }
        #expect(try digest.run("feeds", "add", server.url("/fixture/rss.xml?conditional=1")).status == 0)
        #expect(try digest.run("feeds", "add", server.url("/fixture/atom.xml"), "--section", "Sailing").status == 0)
        #expect(try digest.run("feeds", "add", server.url("/fixture/malformed.xml"), "--name", "Broken").status == 0)
        let first = try digest.run("feeds", "pull")
        #expect(first.status == 69)
        #expect(first.standardOutput == """
            Coastal Review: 2 new, 1 refused, 1 listed twice in the feed
              refused "A link that is a script": url "javascript:alert(1)": the scheme 'javascript' is not allowed (only http and https); link to the web page itself, with an https:// address.
            The Sailing Log: 2 new
            Broken: failed — the feed is not well-formed XML (line 3: an end tag does not match its start tag (an unclosed <br> or <p>?))
            3 feeds pulled: 4 new, 1 refused, 1 listed twice in the feed; 1 failed.
            See them with 'digest backlog --origin feed'.

            """)
        #expect(first.standardError == "digest: error: 1 feed could not be read (Broken); the others were stored.\n")
        #expect(try count(digest, "SELECT count(*) FROM candidates") == "4")
        #expect(try count(digest, "SELECT count(*) FROM candidates WHERE url LIKE 'javascript:%'") == "0")

        let backlog = try digest.run("backlog", "--json")
        let entries = try #require(try JSONReader.array(backlog.standardOutput, "backlog") as? [[String: Any]])
        #expect(entries.map { $0["from"] as? String } == ["feed Coastal Review", "feed Coastal Review",
                                                          "feed The Sailing Log", "feed The Sailing Log"])
        let tide = try #require(entries.first { ($0["title"] as? String) == "Why the tide tables moved an hour" })
        let reef = try #require(entries.first { ($0["title"] as? String) == "Reefing early and often" })
        #expect(reef["section"] as? String == "Sailing")
        #expect(reef["url"] as? String == "https://sailing-log.example/blog/posts/reefing-early.html")

        let issue = try digest.draft()
        let ids = "\(tide["id"] as? Int ?? 0),\(reef["id"] as? Int ?? 0)"
        let taken = try digest.run("add-item", String(issue), "--from-backlog", ids, "--json")
        #expect(taken.status == 0, "\(taken.standardError)")
        #expect(try JSONReader.int(taken.standardOutput, "items", 0, "id") == tide["id"] as? Int)
        #expect(try JSONReader.string(taken.standardOutput, "items", 0, "source") == "Coastal Review")
        #expect(try JSONReader.string(taken.standardOutput, "items", 0, "author") == "Mira Holm")
        _ = try digest.run("submit", String(issue))
        #expect(try digest.run(["review", String(issue), "--approve", ids], as: "ben").status == 0)
        #expect(try digest.run("publish", String(issue), "--out", digest.directory.file("out")).status == 0)
        let left = try #require(try JSONReader.array(try digest.run("backlog", "--json").standardOutput, "backlog"))
        #expect(left.count == 2)

        let second = try digest.run("feeds", "pull", "Coastal Review", "The Sailing Log")
        #expect(second.status == 0, "\(second.standardError)")
        #expect(second.standardOutput == """
            Coastal Review: unchanged (not modified since the last pull)
            The Sailing Log: 0 new
            2 feeds pulled: 0 new.

            """)
        #expect(try count(digest, "SELECT count(*) FROM candidates") == "4")

        // A new feed that carries an entry issue 1 published, one waiting in the backlog, and a new one.
        let again = try digest.run("feeds", "add", server.url("/fixture/atom.xml?copy"), "--name", "Mirror")
        #expect(again.status == 0)
        let mirror = try digest.run("feeds", "pull", "Mirror")
        #expect(mirror.standardOutput.hasPrefix("Mirror: 0 new, 1 already published (issue \(issue)), 1 already in the backlog\n"))
        #expect(try count(digest, "SELECT count(*) FROM candidates") == "4")
    }

    @Test("Excerpts from feeds never pass excerpt.max, hold no markup and come back unchanged from every render")
    func excerptRoundTrip() throws {
        let (digest, server) = try setUp()
        defer { server.stop() }
        _ = try digest.run("config", "excerpt.max", "48")
        _ = try digest.run("feeds", "add", server.url("/fixture/rss.xml"))
        _ = try digest.run("feeds", "add", server.url("/fixture/feed.json"))
        #expect(try digest.run("feeds", "pull").status == 0)
        let excerpts = try DatabaseInspector.query(digest.databasePath, "SELECT excerpt FROM candidates ORDER BY id")
        #expect(excerpts == ["The summer tables were printed with the wrong…", "Forty-one pups this year, up from thirty-two.",
                             "The last diesel crane on the container quay was…", "A photo essay from the quay between midnight…"])
        for excerpt in excerpts {
            #expect(excerpt.count <= 48)
            #expect(!excerpt.contains("<") && !excerpt.contains(">") && !excerpt.contains("&"))
        }
        let issue = try digest.draft()
        let ids = try DatabaseInspector.query(digest.databasePath, "SELECT id FROM candidates ORDER BY id").joined(separator: ",")
        #expect(try digest.run("add-item", String(issue), "--from-backlog", ids).status == 0)
        for format in ["markdown", "html", "text"] {
            let render = try digest.run("render", String(issue), "--format", format).standardOutput
            let flat = render.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            for excerpt in excerpts {
                let expected = format == "markdown" ? excerpt.replacingOccurrences(of: "-", with: "\\-") : excerpt
                #expect(flat.contains(expected) || flat.contains(excerpt), "\(format) lost \(excerpt)")
            }
        }
    }

    @Test("an entry brought in from the backlog keeps its nomination note and origin: 'nominated by lena, brought in by mira'")
    func provenanceKept() throws {
        let (digest, server) = try setUp()
        defer { server.stop() }
        let nominated = try digest.run(["nominate", server.url("/fixture/news-jsonld.html"), "--note", "Worth a follow-up", "--json"],
                                       as: "lena")
        #expect(nominated.status == 0, "\(nominated.standardError)")
        let entry = try #require(try JSONReader.int(nominated.standardOutput, "backlog", "added", 0, "id"))
        let issue = try digest.draft()
        let brought = try digest.run(["add-item", String(issue), "--from-backlog", String(entry)], as: "mira")
        #expect(brought.status == 0, "\(brought.standardError)")
        let shown = try digest.run("show", String(issue))
        #expect(shown.standardOutput.contains("     nominated by lena, brought in by mira\n"))
        #expect(shown.standardOutput.contains("     nomination note: Worth a follow-up\n"))
        let json = try digest.run("show", String(issue), "--json")
        #expect(try JSONReader.string(json.standardOutput, "issue", "items", 0, "provenance", "origin") == "nominated")
        #expect(try JSONReader.string(json.standardOutput, "issue", "items", 0, "provenance", "brought_in_by") == "mira")
        try #require(digest.run("submit", String(issue), as: "mira").status == 0)
        let review = try digest.run("review", String(issue), as: "theo")
        #expect(review.standardOutput.contains("nominated by lena, brought in by mira"))
        #expect(review.standardOutput.contains("nomination note: Worth a follow-up"))
    }

    @Test("backlog filters by origin, age and text; --dismiss takes entries out with a note; nominate is 'nominated by NAME'")
    func backlogInbox() throws {
        let (digest, server) = try setUp()
        defer { server.stop() }
        _ = try digest.run("feeds", "add", server.url("/fixture/rdf.xml"))
        _ = try digest.run(["feeds", "pull"], environment: ["SOURCE_DATE_EPOCH": "1795000000"])
        let nominated = try digest.run(["nominate", server.url("/fixture/news-jsonld.html"), "--note", "Follow-up"], as: "lena")
        #expect(nominated.status == 0, "\(nominated.standardError)")
        #expect(nominated.standardOutput.contains("(nominated by lena)"))
        let twice = try digest.run(["nominate", server.url("/fixture/news-jsonld.html#top")], as: "omar")
        #expect(twice.status == 0)
        #expect(twice.standardOutput == "\(server.url("/fixture/news-jsonld.html#top")) is already in the backlog; nothing was added.\n")
        // A deferred item joins the same inbox.
        let issue = try digest.draft()
        let item = try digest.addItem(issue, title: "Tide tables, explained", url: "https://tides.example/explained")
        _ = try digest.run("submit", String(issue))
        _ = try digest.run(["review", String(issue), "--defer", String(item)], as: "ben")

        func titles(_ arguments: String...) throws -> [String] {
            let output = try digest.run(["backlog", "--json"] + arguments).standardOutput
            return (try JSONReader.array(output, "backlog") as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
        }
        #expect(try titles() == ["Curlews at low water", "Pilot boats get a new berth after the storm", "Tide tables, explained"])
        #expect(try titles("--origin", "nominated") == ["Pilot boats get a new berth after the storm"])
        #expect(try titles("--origin", "nominated by lena") == ["Pilot boats get a new berth after the storm"])
        #expect(try titles("--origin", "feed Estuary Notes") == ["Curlews at low water"])
        #expect(try titles("--origin", "deferred") == ["Tide tables, explained"])
        #expect(try titles("--older-than", "1") == ["Curlews at low water"])
        #expect(try titles("--newer-than", "1") == ["Pilot boats get a new berth after the storm", "Tide tables, explained"])
        #expect(try titles("--search", "FOLLOW-UP") == ["Pilot boats get a new berth after the storm"])
        #expect(try titles("--search", "mudflats") == ["Curlews at low water"])
        let bad = try digest.run("backlog", "--origin", "rumour")
        #expect(bad.status == 64)

        let text = try digest.run("backlog").standardOutput
        #expect(text.contains("     nominated by lena, "))
        #expect(text.contains("     deferred from issue \(issue) by ben, "))
        let curlews = try #require(try count(digest, "SELECT id FROM candidates WHERE title LIKE 'Curlews%'"))
        let dismissed = try digest.run("backlog", "--dismiss", "\(curlews),\(item)", "--note", "Old news")
        #expect(dismissed.status == 0, "\(dismissed.standardError)")
        #expect(dismissed.standardOutput == "Dismissed entries \(curlews), \(item) from the backlog.\n")
        #expect(try titles() == ["Pilot boats get a new berth after the storm"])
        #expect(try count(digest, "SELECT dismiss_note || '|' || dismissed_by FROM candidates WHERE id = \(curlews)") == "Old news|ana")
        #expect(try count(digest, "SELECT dismiss_note FROM backlog WHERE item = \(item)") == "Old news")
        let gone = try digest.run("backlog", "--dismiss", curlews)
        #expect(gone.status == 66)
        #expect(gone.standardError == "digest: error: \(curlews) is not in the backlog; 'digest backlog' lists what is.\n")
        // A second pull does not bring the dismissed entry back.
        _ = try digest.run("feeds", "pull")
        #expect(try titles() == ["Pilot boats get a new berth after the storm"])
    }

    @Test("Bringing a candidate in asks for what it lacks, naming the option; options fill it; ids stay unique")
    func candidateNeedsFields() throws {
        let (digest, server) = try setUp()
        defer { server.stop() }
        let nominated = try digest.run(["nominate", server.url("/fixture/title-only.html"), "--json"], as: "lena")
        #expect(nominated.status == 0, "\(nominated.standardError)")
        let id = try #require(try JSONReader.int(nominated.standardOutput, "backlog", "added", 0, "id"))
        let issue = try digest.draft()
        let refused = try digest.run("add-item", String(issue), "--from-backlog", String(id))
        #expect(refused.status == 65)
        #expect(refused.standardError.contains("  - backlog entry \(id): source: the nominated by lena entry does not give one; "
            + "give it with 'digest add-item ISSUE --from-backlog \(id) --source …'."))
        let typed = try digest.addItem(issue, url: "https://tides.example/typed")
        #expect(typed == id + 1)
        let filled = try digest.run("add-item", String(issue), "--from-backlog", String(id), "--source", "Port of Tidewater",
                                    "--date", "2026-11-02", "--json")
        #expect(filled.status == 0, "\(filled.standardError)")
        #expect(try JSONReader.int(filled.standardOutput, "items", 0, "id") == id)
        #expect(try count(digest, "SELECT taken_into FROM candidates WHERE id = \(id)") == String(id))
        #expect(try count(digest, "SELECT count(DISTINCT id) || '/' || count(*) FROM items") == "2/2")
    }

    @Test("feeds import reads an OPML list; list shows the feeds; remove keeps their candidates")
    func feedManagement() throws {
        let (digest, server) = try setUp()
        defer { server.stop() }
        let opml = try String(contentsOfFile: Products.packageRoot + "/Tests/DigestLinkCheckTests/Fixtures/intake/subscriptions.opml",
                              encoding: .utf8).replacingOccurrences(of: "PORT", with: "http://127.0.0.1:\(server.port)")
        try opml.write(toFile: digest.directory.file("feeds.opml"), atomically: true, encoding: .utf8)
        let imported = try digest.run("feeds", "import", "feeds.opml")
        #expect(imported.status == 0, "\(imported.standardError)")
        #expect(imported.standardOutput.hasSuffix("Imported 3 feeds of 3 from feeds.opml.\n"))
        #expect(try count(digest, "SELECT group_concat(name || ':' || coalesce(section, '-'), ';') FROM feeds")
            == "Coastal Review:Shore;Estuary Notes:Shore;The Sailing Log:-")
        let twice = try digest.run("feeds", "add", server.url("/fixture/rss.xml"))
        #expect(twice.status == 1)
        #expect(twice.standardError == "digest: error: the feed \(server.url("/fixture/rss.xml")) is followed already, as 'Coastal Review'.\n")
        let bad = try digest.run("feeds", "add", "ftp://feeds.example/x.xml")
        #expect(bad.status == 65)
        #expect(try digest.run("feeds", "pull").status == 0)
        let list = try digest.run("feeds", "list").standardOutput
        #expect(list.contains("Estuary Notes"))
        #expect(list.split(separator: "\n").count == 4)
        let removed = try digest.run("feeds", "remove", "estuary notes")
        #expect(removed.status == 0)
        #expect(removed.standardOutput == "Stopped following feed 'Estuary Notes'. Its 1 candidate stay in the backlog.\n")
        #expect(try count(digest, "SELECT count(*) FROM feeds") == "2")
        #expect(try count(digest, "SELECT origin_name FROM candidates WHERE title LIKE 'Curlews%'") == "Estuary Notes")
        let unknown = try digest.run("feeds", "remove", "Nowhere")
        #expect(unknown.status == 66)
        let broken = try digest.run("feeds", "import", "missing.opml")
        #expect(broken.status == 66)
    }

    @Test("The roster decides: a reviewer may not nominate or pull (77) and nothing is fetched")
    func roster() throws {
        let (digest, server) = try setUp()
        defer { server.stop() }
        _ = try digest.run("config", "people.ana", "editor")
        _ = try digest.run("config", "people.ben", "reviewer")
        let refused = try digest.run(["nominate", server.url("/fixture/news-jsonld.html")], as: "ben")
        #expect(refused.status == 77)
        #expect(refused.standardError == "digest: error: ben is on the roster as reviewer; only editors or contributors (ana) may propose items.\n")
        #expect(try count(digest, "SELECT count(*) FROM candidates") == "0")
        let stranger = try digest.run(["feeds", "pull"], as: "zoe")
        #expect(stranger.status == 77)
        #expect(try digest.run(["nominate", server.url("/fixture/news-jsonld.html")], as: "ana").status == 0)
    }

    @Test("A contributor may nominate, and nothing else of intake: no add-item --fetch, feeds or dismissing (77)")
    func contributor() throws {
        let (digest, server) = try setUp()
        defer { server.stop() }
        _ = try digest.run("config", "people.ana", "editor")
        _ = try digest.run("config", "people.lena", "contributor")
        let issue = try digest.draft()
        let nominated = try digest.run(["nominate", server.url("/fixture/news-jsonld.html"), "--note", "For the storm follow-up"],
                                       as: "lena")
        #expect(nominated.status == 0, "\(nominated.standardError)")
        #expect(nominated.standardOutput.hasSuffix("(nominated by lena).\n"))
        #expect(try count(digest, "SELECT origin || '|' || origin_name || '|' || note FROM candidates")
            == "nominated|lena|For the storm follow-up")
        let id = try #require(try count(digest, "SELECT id FROM candidates"))
        for arguments in [["add-item", String(issue), "--fetch", server.url("/fixture/wordpress-post.html")],
                          ["add-item", String(issue), "--from-backlog", id],
                          ["feeds", "add", server.url("/fixture/rss.xml")], ["feeds", "pull"],
                          ["backlog", "--dismiss", id], ["fetch", server.url("/fixture/title-only.html"), "--save"]] {
            let refused = try digest.run(arguments, as: "lena")
            #expect(refused.status == 77, "\(arguments): \(refused.standardError)")
        }
        #expect(try count(digest, "SELECT count(*) FROM candidates") == "1")
        #expect(try count(digest, "SELECT count(*) FROM items") == "0")
        #expect(try count(digest, "SELECT count(*) FROM feeds") == "0")
        #expect(try digest.run(["add-item", String(issue), "--from-backlog", id, "--json"], as: "ana").status == 0)
    }

    @Test("feeds pull shows one progress line on a terminal's standard error, cleared at the end; none through a pipe")
    func pullProgress() throws {
        let (digest, server) = try setUp()
        defer { server.stop() }
        for number in 1...3 { _ = try digest.run("feeds", "add", server.url("/generated/\(number)?entries=2")) }
        let output = digest.directory.file("pull-output.txt")
        let terminal = try TerminalTests.onTerminal(digest, ["feeds", "pull"], stdoutTo: output)
        #expect(terminal.status == 0)
        #expect(terminal.standardOutput.contains("\r\(TerminalTests.escape)KPulling feeds  "), "\(terminal.standardOutput.debugDescription)")
        #expect(terminal.standardOutput.hasSuffix("\r\(TerminalTests.escape)K"))
        #expect(try String(contentsOfFile: output, encoding: .utf8).hasSuffix("3 feeds pulled: 6 new.\nSee them with 'digest backlog --origin feed'.\n"))
        let piped = try digest.run("feeds", "pull")
        #expect(piped.status == 0)
        #expect(piped.standardError == "")
    }

    @Test("dump and load carry feeds, what they have shown, and the candidates, with their numbers")
    func dumpAndLoad() throws {
        let (digest, server) = try setUp()
        defer { server.stop() }
        _ = try digest.run("feeds", "add", server.url("/fixture/rdf.xml"), "--section", "Birds")
        _ = try digest.run("feeds", "pull")
        _ = try digest.run(["nominate", server.url("/fixture/news-jsonld.html"), "--note", "Worth it"], as: "lena")
        let dump = try digest.run("dump")
        #expect(dump.status == 0)
        let copy = digest.directory.file("copy.sqlite")
        try dump.standardOutput.write(toFile: digest.directory.file("dump.jsonl"), atomically: true, encoding: .utf8)
        let loaded = try digest.run(["--db", copy, "load", "dump.jsonl"])
        #expect(loaded.status == 0, "\(loaded.standardError)")
        let original = try digest.run("backlog", "--json").standardOutput
        let restored = try digest.run(["--db", copy, "backlog", "--json"]).standardOutput
        #expect(original == restored)
        #expect(try DatabaseInspector.scalar(copy, "SELECT count(*) FROM feed_entries") == "1")
        #expect(try digest.run(["--db", copy, "feeds", "pull"]).standardOutput.hasPrefix("Estuary Notes: 0 new\n"))
    }
}
