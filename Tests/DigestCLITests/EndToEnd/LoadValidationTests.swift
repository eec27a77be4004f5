import Foundation
import Testing

/// `load` holds a dump to the rules typed input follows, and `doctor` holds
/// an existing database to the same rules.
@Suite("Load and doctor: stored rows follow the input rules")
struct LoadValidationTests {
    let directory: TemporaryDirectory
    let digest: Digest
    let dump: [String]

    init() throws {
        directory = try TemporaryDirectory()
        digest = Digest(directory: directory)
        try digest.initialise()
        let imported = try digest.run("import", Products.packageRoot + "/seeds/harbour-weekly-archive.jsonl", "--published")
        guard imported.status == 0 else { throw StepFailed(step: "import", result: imported) }
        let dumped = try digest.run("dump")
        guard dumped.status == 0 else { throw StepFailed(step: "dump", result: dumped) }
        dump = dumped.standardOutput.split(separator: "\n").map(String.init)
    }

    /// The dump with the first row of `table` that `matches` changed by `change`; and its 1-based line.
    func tampered(_ table: String, where matches: ([String: Any]) -> Bool = { _ in true },
                  _ change: (inout [String: Any]) -> Void) throws -> (text: String, line: Int) {
        var lines = dump
        for (index, line) in lines.enumerated() {
            guard var object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  object["table"] as? String == table, var row = object["row"] as? [String: Any], matches(row) else { continue }
            change(&row)
            object["row"] = row
            lines[index] = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
            return (lines.joined(separator: "\n") + "\n", index + 1)
        }
        throw StepFailed(step: "no \(table) row to tamper with", result: ProcessResult(status: 0, standardOutput: "", standardError: ""))
    }

    @Test("a dump loads into a database just made by init --publication, the dump's settings winning")
    func loadIntoInitialisedDatabase() throws {
        try directory.write("archive.jsonl", dump.joined(separator: "\n") + "\n")
        let copy = directory.file("copy.sqlite")
        let made = try digest.run(["init", "--publication", "Another Name", "--website", "https://harbour.example"],
                                  environment: ["DIGEST_DB": copy])
        #expect(made.status == 0)
        let loaded = try digest.run(["load", "archive.jsonl"], environment: ["DIGEST_DB": copy])
        #expect(loaded.status == 0, "\(loaded.standardError)")
        #expect(loaded.standardOutput == "Loaded 3 issues and 12 items into \(copy).\n")
        #expect(loaded.standardError == "digest: warning: the dump's settings replaced what init had set for "
            + "publication.name; 'digest config' shows them.\n")
        #expect(try DatabaseInspector.query(copy, "SELECT key, value FROM settings ORDER BY key") == [
            "list.address|readers@lists.harbour.example", "publication.email|editors@harbour.example",
            "publication.name|The Harbour Weekly", "publication.website|https://harbour.example",
        ])
        // The dump's log first, then what init set that the dump did not.
        #expect(try DatabaseInspector.query(copy, "SELECT id, key, new_value FROM settings_log ORDER BY id") == [
            "1|publication.name|The Harbour Weekly", "2|publication.email|editors@harbour.example",
            "3|list.address|readers@lists.harbour.example", "4|publication.website|https://harbour.example",
        ])
        let doctor = try digest.run(["doctor"], environment: ["DIGEST_DB": copy])
        #expect(doctor.status == 0, "\(doctor.standardOutput)")
    }

    @Test("a hand-edited dump is refused with the line, the field and the reason, and nothing is loaded",
          arguments: ["javascript-url", "email-crlf", "edition-script", "email-bcc"])
    func tamperedDumpIsRefused(_ tampering: String) throws {
        let (text, line): (String, Int)
        let expected: String
        switch tampering {
        case "javascript-url":
            (text, line) = try tampered("item_states") { $0["url"] = "javascript:alert(1)"; $0["url_key"] = "javascript:alert(1)" }
            expected = "line \(line): item_states.url \"javascript:alert(1)\": the scheme 'javascript' is not allowed"
        case "email-crlf":
            (text, line) = try tampered("settings", where: { $0["key"] as? String == "publication.email" }) {
                $0["value"] = "editors@harbour.example\r\nBcc: everyone@example.org"
            }
            expected = "line \(line): settings.value \"editors@harbour.example\\r\\nBcc: everyone@example.org\": "
                + "publication.email: it has a control character (U+D)"
        case "edition-script":
            var scriptLine = 0
            (text, line) = try tampered("editions") { row in
                let html = row["html"] as? String ?? ""
                // The script goes where </body> was: the line the finding names.
                scriptLine = (html.range(of: "</body>").map { html[..<$0.lowerBound] }?.filter { $0 == "\n" }.count ?? 0) + 1
                row["html"] = html.replacingOccurrences(of: "</body>", with: "<script>alert(1)</script></body>")
            }
            expected = "line \(line): editions.html: it has <script> (line \(scriptLine)): the script element can run code, submit or load "
                + "something in the reader's mail program or browser; restore the edition as digest stored it."
        default:
            (text, line) = try tampered("editions") { row in
                row["email"] = (row["email"] as? String ?? "").replacingOccurrences(
                    of: "MIME-Version: 1.0\r\n", with: "MIME-Version: 1.0\r\nBcc: everyone@example.org\r\n")
            }
            expected = "line \(line): editions.email: it has a bcc header, which digest never writes"
        }
        try directory.write("tampered.jsonl", text)
        let fresh = directory.file("fresh.sqlite")
        let refused = try digest.run(["load", "tampered.jsonl"], environment: ["DIGEST_DB": fresh])
        #expect(refused.status == 65)
        #expect(refused.standardOutput == "")
        #expect(refused.standardError.hasPrefix("digest: error: \(expected)")
            || refused.standardError.contains("  - \(expected)"), "\(refused.standardError)")
        #expect(!FileManager.default.fileExists(atPath: fresh))

        // Into a database made by init: refused too, and it stays as init left it.
        let initialised = directory.file("initialised.sqlite")
        #expect(try digest.run(["init", "--publication", "X"], environment: ["DIGEST_DB": initialised]).status == 0)
        let again = try digest.run(["load", "tampered.jsonl"], environment: ["DIGEST_DB": initialised])
        #expect(again.status == 65)
        #expect(try DatabaseInspector.query(initialised, "SELECT key, value FROM settings") == ["publication.name|X"])
        #expect(try DatabaseInspector.query(initialised, "SELECT count(*) FROM issues") == ["0"])
        #expect(try DatabaseInspector.query(initialised, "SELECT count(*) FROM settings_log") == ["1"])
    }

    @Test("every bad row is reported at once, each with its own line")
    func everyProblemAtOnce() throws {
        var lines = dump
        let first = try tampered("item_states") { $0["title"] = "Two\nlines" }
        lines = first.text.split(separator: "\n").map(String.init)
        let second = try tampered("settings", where: { $0["key"] as? String == "list.address" }) { $0["value"] = "ünï@exämple.com" }
        lines[second.line - 1] = second.text.split(separator: "\n").map(String.init)[second.line - 1]
        try directory.write("two.jsonl", lines.joined(separator: "\n") + "\n")
        let refused = try digest.run(["load", "two.jsonl"], environment: ["DIGEST_DB": directory.file("two.sqlite")])
        #expect(refused.status == 65)
        #expect(refused.standardError.hasPrefix("digest: error: 2 problems; nothing was stored:\n"))
        #expect(refused.standardError.contains("  - line \(first.line): item_states.title \"Two\\nlines\": it has a line break; keep it on one line.\n"))
        #expect(refused.standardError.contains("  - line \(second.line): settings.value \"ünï@exämple.com\": list.address: "
            + "it has characters outside ASCII"))
    }

    @Test("a file whose first line is not JSON is no dump, said so with the column and the reason; an empty one is empty")
    func notADump() throws {
        for (name, text) in [("words.jsonl", "Harbour notes"), ("words-and-rows.jsonl", "Harbour notes\n{\"table\": \"settings\"}\n")] {
            try directory.write(name, text)
            let refused = try digest.run(["load", name], environment: ["DIGEST_DB": directory.file("\(name).sqlite")])
            #expect(refused.status == 65)
            #expect(refused.standardError == "digest: error: \(name) is not a digest dump: its first line is not JSON "
                + "(column 1: expected a value (object, array, string, number, true, false or null), found 'H'); a dump starts with {\"format\": \"digest-dump\", …}. "
                + "Make one with 'digest dump > FILE'.\n", "\(refused.standardError)")
            #expect(!FileManager.default.fileExists(atPath: directory.file("\(name).sqlite")))
        }
        try directory.write("empty.jsonl", "\n\n")
        let empty = try digest.run(["load", "empty.jsonl"], environment: ["DIGEST_DB": directory.file("empty.sqlite")])
        #expect(empty.status == 65)
        #expect(empty.standardError == "digest: error: empty.jsonl is empty: no dump to load.\n")
    }

    @Test("doctor finds an item missing from the search index (exit 78), and --repair-search puts it back")
    func doctorFindsSearchIndexOutOfStep() throws {
        let before = try digest.run("search", "harbour", "--json")
        #expect(before.status == 0)
        // What a hand with the sqlite3 shell could do: take one current state out of the index.
        _ = try DatabaseInspector.query(digest.databasePath, """
            INSERT INTO item_search(item_search, rowid, title, excerpt, source, author)
              SELECT 'delete', state_id, title, excerpt, source, author FROM search_source ORDER BY state_id LIMIT 1;
            """)
        let doctor = try digest.run("doctor")
        #expect(doctor.status == 78)
        #expect(doctor.standardOutput.contains("PROBLEM search index\n"), "\(doctor.standardOutput)")
        #expect(doctor.standardOutput.contains("rebuild it with 'digest doctor --repair-search'"), "\(doctor.standardOutput)")
        let repaired = try digest.run("doctor", "--repair-search")
        #expect(repaired.status == 0, "\(repaired.standardOutput)\(repaired.standardError)")
        #expect(repaired.standardOutput.contains("ok      search index\n"), "\(repaired.standardOutput)")
        #expect(try digest.run("search", "harbour", "--json").standardOutput == before.standardOutput)
    }

    @Test("doctor finds the same problems in an existing database, and exits 78")
    func doctorFindsStoredProblems() throws {
        let healthy = try digest.run("doctor")
        #expect(healthy.status == 0)
        #expect(healthy.standardOutput.contains("ok      stored rows follow the input rules\n"))
        // The line of the stored HTML the script will be on: where </body> is.
        let scriptLine = try #require(try DatabaseInspector.scalar(digest.databasePath, """
            SELECT length(substr(html, 1, instr(html, '</body>'))) - length(replace(substr(html, 1, instr(html, '</body>')), char(10), '')) + 1
            FROM editions WHERE issue = 2
            """))
        // What a hand with the sqlite3 shell could do, past digest's triggers.
        _ = try DatabaseInspector.query(digest.databasePath, """
            UPDATE settings SET value = 'editors@harbour.example' || char(13, 10) || 'Bcc: all@example.org' WHERE key = 'publication.email';
            DROP TRIGGER editions_are_history;
            UPDATE editions SET html = replace(html, '</body>', '<script>alert(1)</script></body>') WHERE issue = 2;
            UPDATE editions SET email = replace(email, 'MIME-Version: 1.0' || char(13, 10),
              'MIME-Version: 1.0' || char(13, 10) || 'Bcc: all@example.org' || char(13, 10)) WHERE issue = 2;
            DROP TRIGGER item_states_are_history;
            UPDATE item_states SET url = 'javascript:alert(1)', url_key = 'javascript:alert(1)' WHERE id = 1;
            """)
        let doctor = try digest.run("doctor")
        #expect(doctor.status == 78)
        #expect(doctor.standardOutput.contains("""
            PROBLEM stored rows follow the input rules
                    - setting publication.email: settings.value "editors@harbour.example\\r\\nBcc: all@example.org": \
            publication.email: it has a control character (U+D); keep the address on one line, without control characters.
                    - item_states row 1: item_states.url "javascript:alert(1)": the scheme 'javascript' is not allowed \
            (only http and https); link to the web page itself, with an https:// address.
                    - issue 2 edition 1: editions.html: it has <script> (line \(scriptLine)): the script element can run code, submit \
            or load something in the reader's mail program or browser; restore the edition as digest stored it.
                    - issue 2 edition 1: editions.email: it has a bcc header, which digest never writes
            """), "\(doctor.standardOutput)")
        #expect(doctor.standardError == "digest: error: the database at \(digest.databasePath) failed 1 check(s).\n")
    }
}
