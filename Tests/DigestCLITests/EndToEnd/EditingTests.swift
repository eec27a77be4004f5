import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

@Suite("Editing issues from the command line")
struct EditingTests {
    let directory: TemporaryDirectory
    let digest: Digest

    init() throws {
        directory = try TemporaryDirectory()
        digest = Digest(directory: directory)
    }

    @Test("init creates the database once and never overwrites it")
    func initOnce() throws {
        let first = try digest.run("init", "--publication", "The Harbour Weekly")
        #expect(first.status == 0)
        #expect(first.standardOutput == "Created \(digest.databasePath). Next: digest draft --date YYYY-MM-DD\n")
        let bytes = try directory.bytes("digest.sqlite")
        let second = try digest.run("init")
        #expect(second.status == 1)
        #expect(second.standardError.hasPrefix("digest: error: a file already exists at \(digest.databasePath)"))
        #expect(try directory.bytes("digest.sqlite") == bytes)
    }

    @Test("init refuses bad settings, naming the option, and creates nothing")
    func initValidates() throws {
        let result = try digest.run("init", "--email", "not-an-address", "--website", "javascript:x")
        #expect(result.status == 65)
        #expect(result.standardError.contains("--email \"not-an-address\": it is not an email address"))
        #expect(result.standardError.contains("--website \"javascript:x\": the scheme 'javascript' is not allowed"))
        #expect(!FileManager.default.fileExists(atPath: digest.databasePath))
    }

    @Test("every command but init fails with 66 and a hint when there is no database", arguments: [
        ["list"], ["show", "1"], ["draft", "--date", "2026-11-23"], ["history", "1"], ["doctor"], ["config"],
    ])
    func missingDatabase(arguments: [String]) throws {
        let result = try digest.run(arguments)
        #expect(result.status == 66)
        #expect(result.standardError == "digest: error: no database at \(digest.databasePath); create one with "
            + "'digest init' (or point --db or DIGEST_DB at an existing one).\n")
        #expect(!FileManager.default.fileExists(atPath: digest.databasePath))
    }

    @Test("--db and DIGEST_DB choose the database, --db first; global flags go before or after the command")
    func choosingTheDatabase() throws {
        #expect(try digest.run("--db", directory.file("other.sqlite"), "init").status == 0)
        #expect(FileManager.default.fileExists(atPath: directory.file("other.sqlite")))
        #expect(try digest.run("list", "--db", directory.file("other.sqlite"), "--json").status == 0)
        #expect(try digest.run("--json", "list").status == 66)
    }

    @Test("draft numbers issues from 1; every change adds exactly one revision with time, actor and action")
    func revisions() throws {
        try digest.initialise()
        #expect(try digest.draft() == 1)
        #expect(try digest.draft(date: "2026-11-30") == 2)
        try digest.addItem(1, url: "https://tides.example/a")
        try digest.addItem(1, title: "Second", url: "https://tides.example/b", as: "ben")
        let history = try digest.run("history", "1", "--json")
        #expect(history.status == 0)
        let revisions = try #require(try JSONReader.array(history.standardOutput, "revisions") as? [[String: Any]])
        #expect(revisions.map { $0["version"] as? Int } == [1, 2, 3])
        #expect(revisions.map { $0["actor"] as? String } == ["ana", "ana", "ben"])
        #expect(revisions.map { $0["action"] as? String } == ["draft", "add-item", "add-item"])
        #expect(revisions.allSatisfy { ($0["at"] as? String)?.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"#, options: .regularExpression) != nil })
        #expect(try DatabaseInspector.scalar(digest.databasePath, "SELECT version FROM issues WHERE number = 1") == "3")
        #expect(try DatabaseInspector.scalar(digest.databasePath, "SELECT count(*) FROM revisions WHERE issue = 1") == "3")
    }

    @Test("add-item stores the item as given, normalised, pending, at the end")
    func addItemStores() throws {
        try digest.initialise()
        _ = try digest.draft()
        let result = try digest.run(["add-item", "1", "--title", "  Cafe\u{301} culture ", "--url", "https://cafes.example/culture",
                                     "--source", "Harbour Review", "--author", "Mira Holm", "--date", "Sep 28, 2026",
                                     "--excerpt", "Where sailors meet.", "--section", "Life", "--posted-on", "2026/11/21", "--json"])
        #expect(result.status == 0)
        #expect(try JSONReader.string(result.standardOutput, "items", 0, "status") == "pending")
        #expect(try JSONReader.int(result.standardOutput, "items", 0, "position") == 1)
        let row = try DatabaseInspector.query(digest.databasePath, """
            SELECT title, hex(title), url, source, author, date, excerpt, section, posted_on, status, added_by
            FROM item_states WHERE valid_to IS NULL
            """)
        #expect(row == ["Café culture|436166C3A92063756C74757265|https://cafes.example/culture|Harbour Review|Mira Holm|"
            + "2026-09-28|Where sailors meet.|Life|2026-11-21|pending|ana"])
    }

    @Test("every validation problem is reported at once with field, value and fix; nothing is stored")
    func validationReportsAll() throws {
        try digest.initialise()
        _ = try digest.draft()
        let before = try directory.bytes("digest.sqlite")
        let result = try digest.run("add-item", "1", "--title", "", "--url", "javascript:alert(1)", "--source", "Review",
                                    "--date", "2020-02-30", "--excerpt", "x")
        #expect(result.status == 65)
        #expect(result.standardOutput == "")
        #expect(result.standardError == """
            digest: error: 3 problems; nothing was stored:
              - title "": it is empty; give the item's title (one line, at most 300 characters).
              - url "javascript:alert(1)": the scheme 'javascript' is not allowed (only http and https); link to the web page itself, with an https:// address.
              - date "2020-02-30": February 2020 has 29 days, not 30; use a day from 1 to 29.

            """)
        #expect(try directory.bytes("digest.sqlite") == before)
    }

    @Test("a missing item field is invalid data (65), not a usage error")
    func missingFieldIs65() throws {
        try digest.initialise()
        _ = try digest.draft()
        let result = try digest.run("add-item", "1", "--title", "Only a title")
        #expect(result.status == 65)
        #expect(result.standardError.contains("url: it is missing"))
        #expect(result.standardError.contains("excerpt: it is missing"))
    }

    @Test("the shape of the command line is a usage error (64) with a suggestion and the usage line", arguments: [
        (["shw", "1"], "digest: error: 'shw' is not a digest command. Did you mean 'show'? 'digest help' lists the commands."),
        (["lsit"], "digest: error: 'lsit' is not a digest command. Did you mean 'list'? 'digest help' lists the commands."),
        (["add-item", "1", "--titel", "x"], "digest: error: unknown option '--titel' for 'add-item'. Did you mean '--title'?"),
        (["show"], "digest: error: 'show' needs ISSUE — the issue number."),
        (["show", "one"], "digest: error: ISSUE must be a whole number from 1 up, not 'one'."),
        (["add-item", "1", "--title"], "digest: error: --title needs a value (TEXT)."),
        (["list", "extra"], "digest: error: 'list' does not take the argument 'extra'."),
        (["--frobnicate"], "digest: error: unknown option '--frobnicate'. Options of a command go after its name."),
    ])
    func usageErrors(arguments: [String], firstLine: String) throws {
        try digest.initialise()
        let result = try digest.run(arguments)
        #expect(result.status == 64)
        #expect(result.standardError.split(separator: "\n").first.map(String.init) == firstLine)
        #expect(result.standardError.contains("See 'digest help"))
    }

    @Test("the same link twice in one issue is refused after normalising, naming the item that has it")
    func duplicateLink() throws {
        try digest.initialise()
        _ = try digest.draft()
        let id = try digest.addItem(1, url: "https://tides.example/a?utm_source=feed")
        let result = try digest.run("add-item", "1", "--title", "Again", "--url", "HTTPS://Tides.EXAMPLE:443/a#top",
                                    "--source", "S", "--date", "2026-11-20", "--excerpt", "e")
        #expect(result.status == 65)
        #expect(result.standardError.contains("issue 1 already links to this page in item \(id) (\"Tide tables, explained\"); edit item \(id) instead"))
    }

    @Test("show --version N gives back the issue exactly as it was")
    func showAsOf() throws {
        try digest.initialise()
        _ = try digest.draft()
        let first = try digest.addItem(1, url: "https://tides.example/a")
        let second = try digest.addItem(1, title: "Second", url: "https://tides.example/b")
        let atThree = try digest.run("show", "1", "--json").standardOutput
        #expect(try digest.run("edit-item", "1", String(second), "--title", "Second, revised").status == 0)
        #expect(try digest.run("move-item", "1", String(second), "--to", "1").status == 0)
        #expect(try digest.run("remove-item", "1", String(first)).status == 0)
        #expect(try digest.run("show", "1", "--version", "3", "--json").standardOutput == atThree)
        let now = try digest.run("show", "1", "--json").standardOutput
        #expect(try JSONReader.int(now, "issue", "version") == 6)
        #expect((try JSONReader.array(now, "issue", "items"))?.count == 1)
        let missing = try digest.run("show", "1", "--version", "9")
        #expect(missing.status == 66)
        #expect(missing.standardError.contains("its versions run from 1 to 6"))
    }

    @Test("diff shows added, removed, moved and changed items field by field")
    func diff() throws {
        try digest.initialise()
        _ = try digest.draft()
        let first = try digest.addItem(1, url: "https://tides.example/a")
        let second = try digest.addItem(1, title: "Second", url: "https://tides.example/b")
        _ = try digest.run("edit-item", "1", String(first), "--author", "Mira Holm")
        _ = try digest.run("move-item", "1", String(second), "--to", "1")
        let result = try digest.run("diff", "1", "3", "5")
        #expect(result.status == 0)
        #expect(result.standardOutput == """
            Issue 1: version 3 → 5
            ~ item \(second) "Second" moved from position 2 to 1
            ~ item \(first) "Tide tables, explained" changed
                author: (none) → "Mira Holm"

            """)
    }

    @Test("editing an approved item sends it back to pending")
    func editResetsApproval() throws {
        try digest.initialise()
        _ = try digest.draft()
        let id = try digest.addItem(1, url: "https://tides.example/a")
        #expect(try digest.run("submit", "1").status == 0)
        #expect(try digest.run(["review", "1", "--approve", String(id)], as: "ben").status == 0)
        let edit = try digest.run("edit-item", "1", String(id), "--excerpt", "Better words.", "--json")
        #expect(edit.status == 0)
        #expect(try JSONReader.string(edit.standardOutput, "item", "status") == "pending")
        #expect(try JSONReader.string(edit.standardOutput, "item", "edited_by") == "ana")
    }

    @Test("--expect-version refuses with exit 1 when the issue moved on, and changes nothing")
    func expectVersion() throws {
        try digest.initialise()
        _ = try digest.draft()
        try digest.addItem(1, url: "https://tides.example/a")
        let before = try directory.bytes("digest.sqlite")
        let stale = try digest.run("add-item", "1", "--expect-version", "1", "--title", "T", "--url", "https://x.example",
                                   "--source", "S", "--date", "2026-11-20", "--excerpt", "e")
        #expect(stale.status == 1)
        #expect(stale.standardError.hasPrefix("digest: error: issue 1 is at version 2, not 1: it changed since you looked."))
        #expect(try directory.bytes("digest.sqlite") == before)
        #expect(try digest.run("move-item", "1", "1", "--to", "1", "--expect-version", "2").status == 0)
    }

    /// Each refusal with the exit code it must end with.
    static let refusals: [(arguments: [String], code: Int32)] = [
        (["add-item", "1", "--title", "T"], 65),
        (["add-item", "9", "--title", "T", "--url", "https://x.example", "--source", "S", "--date", "2026-11-20", "--excerpt", "e"], 66),
        (["edit-item", "1", "99", "--title", "x"], 66),
        (["edit-item", "1", "1", "--url", "ftp://x.example"], 65),
        (["move-item", "1", "1", "--to", "7"], 65),
        (["remove-item", "1", "42"], 66),
        (["review", "1", "--approve", "1"], 1),
        (["publish", "1"], 1),
        (["reopen", "1", "--reason", "why"], 1),
        (["draft", "--date", "2026-02-30"], 65),
        (["config", "excerpt.max", "lots"], 65),
        (["add-item", "1", "--file", "missing.json"], 66),
        (["draft", "--date", "2026-11-30", "--title", "a", "--title", "b"], 64),
        (["reopen", "1"], 64),
    ]

    @Test("refusals leave the database byte-identical, each with its own exit code", arguments: refusals)
    func refusalsChangeNothing(arguments: [String], code: Int32) throws {
        try digest.initialise()
        _ = try digest.draft()
        try digest.addItem(1, url: "https://tides.example/a")
        let before = try directory.bytes("digest.sqlite")
        let result = try digest.run(arguments)
        #expect(result.status == code, "\(result.standardError)")
        #expect(try directory.bytes("digest.sqlite") == before)
        #expect(!FileManager.default.fileExists(atPath: digest.databasePath + "-wal"))
    }

    @Test("the same --date gives the same stored date in every time zone", arguments: [
        "UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago", "America/St_Johns", "Asia/Kathmandu",
    ])
    func timeZones(zone: String) throws {
        try digest.initialise()
        let result = try digest.run(["draft", "--date", "December 31 2026", "--json"], environment: ["TZ": zone])
        #expect(try JSONReader.string(result.standardOutput, "issue", "date") == "2026-12-31")
        #expect(try DatabaseInspector.scalar(digest.databasePath, "SELECT date FROM issue_states") == "2026-12-31")
    }

    @Test("add-item --file takes an object, an array or JSON Lines, from a file or standard input")
    func fileInput() throws {
        try digest.initialise()
        _ = try digest.draft()
        let item = { (n: Int) in
            #"{"title": "Item \#(n)", "url": "https://harbour.example/\#(n)", "source": "Review", "date": "2026-11-2\#(n)", "excerpt": "About \#(n)."}"#
        }
        try directory.write("one.json", item(1))
        try directory.write("array.json", "[\n\(item(2)),\n\(item(3))\n]")
        #expect(try digest.run("add-item", "1", "--file", "one.json").status == 0)
        #expect(try digest.run("add-item", "1", "--file", "array.json").status == 0)
        let lines = item(4) + "\n\n" + item(5) + "\n"
        let fromStdin = try digest.run(["add-item", "1", "--file", "-", "--json"], input: lines)
        #expect(fromStdin.status == 0)
        #expect((try JSONReader.array(fromStdin.standardOutput, "items"))?.count == 2)
        let show = try digest.run("show", "1", "--json").standardOutput
        #expect(try JSONReader.int(show, "issue", "version") == 4)
        #expect((try JSONReader.array(show, "issue", "items"))?.count == 5)
    }

    @Test("a --file import is all or nothing, and every bad line is named by its number")
    func fileInputAllOrNothing() throws {
        try digest.initialise()
        _ = try digest.draft()
        let good = #"{"title": "Fine", "url": "https://harbour.example/fine", "source": "Review", "date": "2026-11-20", "excerpt": "Fine."}"#
        let lines = [
            good,
            #"{"title": "No url", "source": "Review", "date": "2026-11-20", "excerpt": "x"}"#,
            #"{"title": "Broken JSON", "url": "#,
            #"{"titel": "Typo", "url": "https://harbour.example/t", "source": "R", "date": "2026-11-20", "excerpt": "x"}"#,
            #"{"title": "Bad date", "url": "https://harbour.example/d", "source": "R", "date": "2026-02-30", "excerpt": "x"}"#,
        ].joined(separator: "\n")
        try directory.write("items.jsonl", lines)
        let before = try directory.bytes("digest.sqlite")
        let result = try digest.run("add-item", "1", "--file", "items.jsonl")
        #expect(result.status == 65)
        #expect(result.standardError.contains("line 2: url: it is missing"))
        #expect(result.standardError.contains("line 3: JSON: not valid JSON"))
        #expect(result.standardError.contains("line 4: titel: there is no such key; did you mean \"title\"?"))
        #expect(result.standardError.contains("line 5: date \"2026-02-30\": February 2026 has 28 days, not 30"))
        #expect(!result.standardError.contains("line 1"))
        #expect(try directory.bytes("digest.sqlite") == before)
    }

    @Test("input that is not UTF-8 is refused with the byte offset")
    func invalidUTF8() throws {
        try digest.initialise()
        _ = try digest.draft()
        try directory.write("bad.json", bytes: Array(#"{"title": "Caf"#.utf8) + [0xE9] + Array(#"", "url": "https://x.example"}"#.utf8))
        let result = try digest.run("add-item", "1", "--file", "bad.json")
        #expect(result.status == 65)
        #expect(result.standardError == "digest: error: bad.json is not valid UTF-8: the byte at offset 14 (0xE9 0x22 0x2C 0x20) "
            + "does not belong to any character; save it as UTF-8 and try again.\n")
    }

    @Test("a command-line argument that is not UTF-8 is refused with the byte offset")
    func invalidArgument() throws {
        try digest.initialise()
        let result = try Digest.execute("/bin/sh", ["-c", "\"$0\" draft --date 2026-11-23 --title \"$(printf 'Caf\\351')\"", Products.digest],
                                        environment: digest.environment, directory: directory.path)
        #expect(result.status == 65)
        #expect(result.standardError.contains("argument 5 is not valid UTF-8: the byte at offset 3 (0xE9)"))
    }

    @Test("--json prints exactly one JSON document, on success and on failure")
    func oneJSONDocument() throws {
        try digest.initialise()
        let success = try digest.run("draft", "--date", "2026-11-23", "--json")
        #expect(try JSONReader.string(success.standardOutput, "issue", "status") == "draft")
        let failure = try digest.run("add-item", "1", "--json", "--title", "x")
        #expect(failure.status == 65)
        #expect(try JSONReader.int(failure.standardOutput, "error", "exit_code") == 65)
        #expect((try JSONReader.array(failure.standardOutput, "error", "problems"))?.count == 4)
        let usage = try digest.run("shw", "--json")
        #expect(usage.status == 64)
        #expect(try JSONReader.int(usage.standardOutput, "error", "exit_code") == 64)
    }

    @Test("--quiet silences confirmations but not data")
    func quiet() throws {
        try digest.initialise()
        #expect(try digest.run("--quiet", "draft", "--date", "2026-11-23").standardOutput == "")
        #expect(try digest.run("list", "--quiet").standardOutput.contains("2026-11-23"))
    }

    @Test("who acts comes from --as, else DIGEST_USER, else the system account (never $USER)")
    func actor() throws {
        try digest.initialise()
        _ = try digest.run(["draft", "--date", "2026-11-23", "--as", "cleo"])
        _ = try digest.run(["draft", "--date", "2026-11-24"], environment: ["DIGEST_USER": "", "USER": "dara"])
        let actors = try DatabaseInspector.query(digest.databasePath, "SELECT actor, identity FROM revisions ORDER BY issue")
        let account = try #require(getpwuid(geteuid())?.pointee.pw_name.map { String(cString: $0) })
        #expect(actors == ["cleo|declared", "\(account)|declared"])
    }

    @Test("every command explains itself with help, and digest --version prints the version")
    func help() throws {
        let overview = try digest.run("help")
        #expect(overview.status == 0)
        #expect(overview.standardOutput.hasPrefix("OVERVIEW: digest "))
        for command in ["init", "config", "draft", "list", "show", "add-item", "edit-item", "remove-item", "move-item",
                        "submit", "review", "backlog", "reopen", "history", "diff", "doctor"] {
            #expect(overview.standardOutput.contains("\n  \(command) "), "help lists \(command)")
            let help = try digest.run("help", command)
            #expect(help.status == 0)
            #expect(help.standardOutput.hasPrefix("OVERVIEW: "))
            #expect(help.standardOutput.contains("\nUSAGE: digest \(command)"))
            #expect(try digest.run(command, "--help").standardOutput == help.standardOutput)
        }
        #expect(try digest.run("--version").standardOutput.hasPrefix("digest "))
        #expect(try digest.run("-h").standardOutput == overview.standardOutput)
    }

    @Test("--name=VALUE takes a value that starts with dashes")
    func valueWithDashes() throws {
        try digest.initialise()
        _ = try digest.draft()
        let result = try digest.run("add-item", "1", "--title=--dashes--", "--url", "https://x.example", "--source", "S",
                                    "--date", "2026-11-20", "--excerpt=-- a quote", "--json")
        #expect(result.status == 0)
        #expect(try JSONReader.string(result.standardOutput, "items", 0, "title") == "--dashes--")
        #expect(try JSONReader.string(result.standardOutput, "items", 0, "excerpt") == "-- a quote")
    }

    @Test("the -- separator ends options, so an argument may start with dashes")
    func doubleDash() throws {
        try digest.initialise()
        let withoutSeparator = try digest.run("config", "publication.about", "--- the harbour, weekly ---")
        #expect(withoutSeparator.status == 64)
        #expect(withoutSeparator.standardError.hasPrefix("digest: error: unknown option '--- the harbour, weekly ---' for 'config'."))
        let result = try digest.run("config", "publication.about", "--", "--- the harbour, weekly ---")
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try digest.run("config", "publication.about").standardOutput == "--- the harbour, weekly ---\n")
        #expect(try DatabaseInspector.scalar(digest.databasePath, "SELECT value FROM settings WHERE key = 'publication.about'")
            == "--- the harbour, weekly ---")
    }
}
