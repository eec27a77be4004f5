import Foundation
import Testing

@Suite("Archive: import, search, export, dump and load")
struct ArchiveTests {
    let directory: TemporaryDirectory
    let digest: Digest

    init() throws {
        directory = try TemporaryDirectory()
        digest = Digest(directory: directory)
        try digest.initialise()
    }

    var archive: String { Products.packageRoot + "/seeds/harbour-weekly-archive.jsonl" }
    var page: String { Products.packageRoot + "/seeds/sample-page.txt" }

    @Test("a JSON Lines archive comes in as published editions, one revision each, with the lines' numbers, dates and titles")
    func publishedArchive() throws {
        let result = try digest.run("import", archive, "--published", "--json")
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try JSONReader.int(result.standardOutput, "imported", "items") == 12)
        let list = try digest.run("list", "--json").standardOutput
        let issues = try #require(try JSONReader.array(list, "issues") as? [[String: Any]])
        #expect(issues.map { $0["number"] as? Int } == [3, 2, 1])
        #expect(issues.map { $0["status"] as? String } == ["published", "published", "published"])
        #expect(issues.map { $0["date"] as? String } == ["2026-11-16", "2026-11-09", "2026-11-02"])
        #expect(issues.last?["title"] as? String == "The Harbour Weekly — No. 1: Fog season")
        let history = try digest.run("history", "2", "--json").standardOutput
        #expect(try JSONReader.string(history, "revisions", 0, "action") == "import")
        #expect((try JSONReader.array(history, "revisions"))?.count == 1)
        #expect(try digest.run("render", "2", "--format", "text").standardOutput.contains("Tide tables, explained"))
        #expect(try DatabaseInspector.scalar(digest.databasePath, "SELECT count(*) FROM editions") == "3")
        #expect(try digest.draft() == 4)
    }

    @Test("list shows a screenful, newest first, and says how many more; --limit N and --all choose otherwise")
    func listLimits() throws {
        let lines = (1...23).map { number in
            #"{"issue": \#(number), "issue_date": "2026-01-\#(String(format: "%02d", number))", "title": "T\#(number)", "#
                + #""url": "https://list.example/\#(number)", "source": "S", "date": "2026-01-01", "excerpt": "e"}"#
        }
        try directory.write("many.jsonl", lines.joined(separator: "\n"))
        #expect(try digest.run("import", "many.jsonl", "--published", "--quiet").status == 0)
        let screen = try digest.run("list")
        #expect(screen.status == 0)
        let rows = screen.standardOutput.split(separator: "\n")
        #expect(rows.count == 22)
        #expect(rows[1].hasPrefix("23  2026-01-23  published (ed. 1)"))
        #expect(rows[20].hasPrefix("4   2026-01-04"))
        #expect(rows[21] == "… and 3 more issues (--all lists every one, --limit N the newest N).")
        let two = try digest.run("list", "--limit", "2", "--json").standardOutput
        #expect((try JSONReader.array(two, "issues") as? [[String: Any]])?.map { $0["number"] as? Int } == [23, 22])
        #expect(try JSONReader.int(two, "more") == 21)
        let all = try digest.run("list", "--all")
        #expect(all.standardOutput.split(separator: "\n").count == 24)
        let oldest = all.standardOutput.split(separator: "\n").last.map(String.init) ?? ""
        // Untitled, so listed by the title its renders carry.
        #expect(oldest.hasPrefix("1   2026-01-01  published (ed. 1)  1        1      "))
        #expect(oldest.contains(" — Issue 1, January "))
        let exact = try digest.run("list", "--limit", "23")
        #expect(!exact.standardOutput.contains("more issue"))
        let both = try digest.run("list", "--all", "--limit", "3")
        #expect(both.status == 64)
        #expect(both.standardError.contains("--all and --limit N contradict each other"))
    }

    @Test("show --json output imports back as the same items")
    func roundTrip() throws {
        _ = try digest.run("import", archive, "--published")
        let original = try digest.run("show", "2", "--json").standardOutput
        let items = try #require(try JSONReader.array(original, "issue", "items") as? [[String: Any]])
        let lines = try items.map { item -> String in
            String(decoding: try JSONSerialization.data(withJSONObject: item, options: [.sortedKeys]), as: UTF8.self)
        }.joined(separator: "\n")
        try directory.write("copy.jsonl", lines)
        let imported = try digest.run("import", "copy.jsonl", "--issue", "7", "--json")
        #expect(imported.status == 0, "\(imported.standardError)")
        let copy = try digest.run("show", "7", "--json").standardOutput
        let copied = try #require(try JSONReader.array(copy, "issue", "items") as? [[String: Any]])
        for field in ["title", "url", "source", "author", "date", "excerpt", "section", "posted_on", "link_text"] {
            #expect(copied.map { "\($0[field] ?? "")" } == items.map { "\($0[field] ?? "")" }, "\(field)")
        }
        #expect(try JSONReader.string(copy, "issue", "date") == "2026-11-06")
    }

    @Test("a line aimed at an issue that is not a draft is refused with exit 1, and nothing is imported")
    func refusesNonDrafts() throws {
        _ = try digest.run("import", archive, "--published")
        try directory.write("late.jsonl", #"{"issue": 2, "title": "Late", "url": "https://late.example", "source": "S", "date": "2026-11-08", "excerpt": "e"}"# + "\n"
            + #"{"issue": 9, "title": "New", "url": "https://new.example", "source": "S", "date": "2026-11-08", "excerpt": "e"}"#)
        let before = try directory.bytes("digest.sqlite")
        let result = try digest.run("import", "late.jsonl")
        #expect(result.status == 1)
        #expect(result.standardError.contains("issue 2 is published (edition 1) and frozen; to correct it, run "
            + "'digest reopen 2 --reason TEXT' first."), "\(result.standardError)")
        #expect(try directory.bytes("digest.sqlite") == before)
    }

    /// The state an import refusal must leave alone: version, rows of every kind.
    private func snapshot(_ issue: Int) throws -> [String] {
        try ["SELECT version FROM issues WHERE number = \(issue)", "SELECT count(*) FROM revisions",
             "SELECT count(*) FROM items", "SELECT count(*) FROM item_states", "SELECT count(*) FROM issue_states"]
            .map { try DatabaseInspector.scalar(digest.databasePath, $0) ?? "" }
    }

    @Test("an import into an issue in review is refused as add-item is: exit 1, the same message, nothing changed")
    func importIntoReviewLikeAddItem() throws {
        let issue = try digest.draft()
        try digest.addItem(issue, url: "https://tides.example/one")
        #expect(try digest.run("submit", String(issue)).status == 0)
        try directory.write("more.jsonl", #"{"title": "More", "url": "https://more.example", "source": "S", "date": "2026-11-08", "excerpt": "e"}"#)
        let before = try snapshot(issue)
        let imported = try digest.run("import", "more.jsonl", "--issue", String(issue))
        let added = try digest.run("add-item", String(issue), "--title", "More", "--url", "https://more.example",
                                   "--source", "S", "--date", "2026-11-08", "--excerpt", "e")
        #expect(imported.status == 1)
        #expect(added.status == 1)
        #expect(imported.standardError == added.standardError)
        #expect(imported.standardError.hasPrefix("digest: error: issue \(issue) is in review, so its set of items is closed"),
                "\(imported.standardError)")
        #expect(try snapshot(issue) == before)
    }

    @Test("an import with a stale --expect-version is refused as add-item is: exit 1, the same message, nothing changed")
    func importExpectVersionLikeAddItem() throws {
        let issue = try digest.draft()
        try digest.addItem(issue, url: "https://tides.example/one")
        try directory.write("more.jsonl", #"{"title": "More", "url": "https://more.example", "source": "S", "date": "2026-11-08", "excerpt": "e"}"#)
        let before = try snapshot(issue)
        let imported = try digest.run("import", "more.jsonl", "--issue", String(issue), "--expect-version", "1")
        let added = try digest.run("add-item", String(issue), "--title", "More", "--url", "https://more.example",
                                   "--source", "S", "--date", "2026-11-08", "--excerpt", "e", "--expect-version", "1")
        #expect(imported.status == 1)
        #expect(added.status == 1)
        #expect(imported.standardError == added.standardError)
        #expect(imported.standardError.hasPrefix("digest: error: issue \(issue) is at version 2, not 1: it changed since you looked."),
                "\(imported.standardError)")
        #expect(try snapshot(issue) == before)

        let current = try digest.run("import", "more.jsonl", "--issue", String(issue), "--expect-version", "2", "--json")
        #expect(current.status == 0, "\(current.standardError)")
        #expect(try JSONReader.int(current.standardOutput, "imported", "issues", 0, "version") == 3)
        #expect(try DatabaseInspector.scalar(digest.databasePath, "SELECT count(*) FROM revisions WHERE issue = \(issue)") == "3")
    }

    @Test("every bad line of an import is reported with its number, and nothing is stored")
    func badLines() throws {
        try directory.write("bad.jsonl", """
            {"title": "Fine", "url": "https://fine.example", "source": "S", "date": "2026-11-08", "excerpt": "e"}
            {"title": "", "url": "https://x.example", "source": "S", "date": "2026-11-08", "excerpt": "e"}
            not json at all
            {"title": "Bad date", "url": "https://y.example", "source": "S", "date": "Smarch 3 2026", "excerpt": "e"}
            """)
        let result = try digest.run("import", "bad.jsonl")
        #expect(result.status == 65)
        let lines = result.standardError.split(separator: "\n").map(String.init)
        #expect(lines.first == "digest: error: 3 problems; nothing was stored:")
        #expect(lines.dropFirst().map { $0.split(separator: ":").first.map(String.init) ?? "" } == ["  - line 2", "  - line 3", "  - line 4"])
        #expect(try DatabaseInspector.scalar(digest.databasePath, "SELECT count(*) FROM issues") == "0")
    }

    @Test("a digest page imports as a draft of incomplete items, dated by its latest date, with month warnings")
    func pageImport() throws {
        let result = try digest.run("import", page, "--format", "page", "--json")
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("digest: warning: line 48: read the month 'Mrach' as March."))
        #expect(result.standardError.contains("the settings were left as they are"))
        let show = try digest.run("show", "1", "--json").standardOutput
        #expect(try JSONReader.string(show, "issue", "status") == "draft")
        #expect(try JSONReader.string(show, "issue", "date") == "2024-03-24")
        let items = try #require(try JSONReader.array(show, "issue", "items") as? [[String: Any]])
        #expect(items.count == 9)
        #expect(items.allSatisfy { $0["incomplete"] as? Bool == true && $0["url"] is NSNull })
        #expect(items[0]["source"] as? String == "Ana Whitlow, The Harbour Gazette")
        #expect(try DatabaseInspector.scalar(digest.databasePath, "SELECT value FROM settings WHERE key = 'publication.name'") == "The Harbour Weekly")
    }

    @Test("rendering an imported page as text gives back every title, date, attribution and excerpt, in order")
    func pageRoundTrip() throws {
        _ = try digest.run("import", page, "--format", "page")
        let items = try #require(try JSONReader.array(try digest.run("show", "1", "--json").standardOutput, "issue", "items") as? [[String: Any]])
        let text = try digest.run("render", "1", "--format", "text").standardOutput
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        var cursor = flat.startIndex
        for item in items {
            let date = try #require(item["date"] as? String)
            let parts = date.split(separator: "-").map { Int($0) ?? 0 }
            let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                          "October", "November", "December"]
            let long = "\(months[parts[1] - 1]) \(parts[2]) \(parts[0])"
            for piece in [item["title"] as? String, item["source"] as? String, long, item["excerpt"] as? String] {
                let words = (piece ?? "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
                guard let found = flat.range(of: words, range: cursor..<flat.endIndex) else {
                    Issue.record("not found in order: \(words.prefix(60))")
                    continue
                }
                cursor = found.upperBound
            }
        }
    }

    @Test("a page that is not a digest page is refused with the reason and the line")
    func badPage() throws {
        try directory.write("page.txt", "Just a heading\n\nSome words without any item shape.\n")
        let result = try digest.run("import", "page.txt", "--format", "page")
        #expect(result.status == 65)
        #expect(result.standardError.contains("no item found"))
    }

    @Test("search ranks title matches first, folds accents, and answers odd queries safely", arguments: [
        ("tide", 0), ("TIDES", 0), ("cafe", 0), ("\"tide tables\"", 0), ("tid*", 0),
        ("\"", 65), ("*", 65), ("AND OR NOT", 0), ("(unbalanced", 0), ("title:tide", 0), ("NEAR(a b)", 0), ("-", 65),
    ])
    func search(query: String, status: Int32) throws {
        _ = try digest.run("import", archive, "--published")
        let result = try digest.run("search", query, "--json")
        #expect(result.status == status, "\(query): \(result.standardError)")
        guard status == 0 else {
            #expect(result.standardError.contains("it has no words to search for"))
            return
        }
        let results = try #require(try JSONReader.array(result.standardOutput, "results") as? [[String: Any]])
        if ["tide", "TIDES", "\"tide tables\"", "tid*"].contains(query) {
            #expect(results.first?["title"] as? String == "Tide tables, explained")
            #expect((results.first?["snippet"] as? String)?.contains("[") == true)
        }
        if query == "cafe" {
            #expect(results.first?["title"] as? String == "Café society at the fish market")
        }
    }

    @Test("search honours --limit and --issue")
    func searchFilters() throws {
        _ = try digest.run("import", archive, "--published")
        let limited = try digest.run("search", "the", "--limit", "2", "--json").standardOutput
        #expect((try JSONReader.array(limited, "results"))?.count == 2)
        let one = try digest.run("search", "the", "--issue", "3", "--json").standardOutput
        let issues = (try JSONReader.array(one, "results") as? [[String: Any]])?.map { $0["issue"] as? Int }
        #expect(issues?.isEmpty == false && issues?.allSatisfy { $0 == 3 } == true)
    }

    @Test("export writes the site once, then only what changed; its feed is valid Atom with stable ids")
    func export() throws {
        _ = try digest.run("import", archive, "--published")
        let first = try digest.run("export", "--out", "site", "--json")
        #expect(first.status == 0)
        #expect(try JSONReader.int(first.standardOutput, "export", "written") == 14)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.file("site")).sorted()
        #expect(files.contains("index.html") && files.contains("feed.xml") && files.contains("2-2026-11-09.eml"))
        #expect(try directory.read("site/2-2026-11-09.html") == (try digest.run("render", "2", "--format", "html").standardOutput))
        let again = try digest.run("export", "--out", "site", "--json")
        #expect(try JSONReader.int(again.standardOutput, "export", "written") == 0)
        let feed = directory.file("site/feed.xml")
        let parsed = try Digest.execute("/usr/bin/env", ["python3", "-c", """
            import sys, xml.etree.ElementTree as ET
            ns = {'a': 'http://www.w3.org/2005/Atom'}
            root = ET.parse(sys.argv[1]).getroot()
            for entry in root.findall('a:entry', ns):
                print(entry.find('a:id', ns).text + '|' + entry.find('a:title', ns).text)
            """, feed], environment: digest.environment, directory: directory.path)
        #expect(parsed.status == 0, "\(parsed.standardError)")
        let entries = parsed.standardOutput.split(separator: "\n").map(String.init)
        #expect(entries.count == 3)
        #expect(entries.first?.hasSuffix("|The Harbour Weekly — No. 3: Storm week") == true)
        let tidy = try Digest.execute("/usr/bin/env", ["tidy", "-errors", "-quiet", directory.file("site/index.html")],
                                      environment: digest.environment, directory: directory.path)
        #expect(tidy.status < 2, "\(tidy.standardError)")
    }

    @Test("dump and load give back the same issues, history, renders and search")
    func dumpAndLoad() throws {
        _ = try digest.run("import", archive, "--published")
        let issue = try digest.draft(date: "2026-11-23")
        try digest.addItem(issue, url: "https://tides.example/new")
        _ = try digest.run("config", "people.ana", "editor")
        let dump = try digest.run("dump")
        #expect(dump.status == 0)
        try directory.write("archive.jsonl", dump.standardOutput)
        let copy = directory.file("copy.sqlite")
        let loaded = try digest.run(["load", "archive.jsonl"], environment: ["DIGEST_DB": copy])
        #expect(loaded.status == 0, "\(loaded.standardError)")
        for arguments in [["list", "--json"], ["show", "2", "--json"], ["history", "4", "--json"], ["render", "2", "--format", "email"],
                          ["render", "4", "--format", "markdown"], ["search", "tide", "--json"], ["config", "--json"]] {
            let original = try digest.run(arguments)
            let restored = try digest.run(arguments, environment: ["DIGEST_DB": copy])
            #expect(original.standardOutput == restored.standardOutput, "\(arguments)")
        }
        #expect(try digest.run(["dump"], environment: ["DIGEST_DB": copy]).standardOutput.split(separator: "\n").dropFirst()
            == dump.standardOutput.split(separator: "\n").dropFirst())
        let twice = try digest.run(["load", "archive.jsonl"], environment: ["DIGEST_DB": copy])
        #expect(twice.status == 1)
    }

    @Test("a damaged dump is refused, line by line, and leaves no database behind")
    func badDump() throws {
        try directory.write("bad.jsonl", "{\"format\": \"digest-dump\", \"schema\": 1}\n{\"table\": \"issues\", \"row\": {\"number\": 1}}\nnot json\n")
        let copy = directory.file("copy.sqlite")
        let result = try digest.run(["load", "bad.jsonl"], environment: ["DIGEST_DB": copy])
        #expect(result.status == 65)
        #expect(result.standardError.contains("line 2: issues: the row cannot be stored"))
        #expect(result.standardError.contains("line 3: JSON: not valid JSON"))
        #expect(!FileManager.default.fileExists(atPath: copy))
    }
}
