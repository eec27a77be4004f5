import Foundation
import Testing

/// A note is stored on the one decision it was written for, and a command
/// whose notes would be ambiguous is refused before anything is stored.
@Suite("Notes go where they are meant")
struct NoteTests {
    let directory: TemporaryDirectory
    let digest: Digest

    init() throws {
        directory = try TemporaryDirectory()
        digest = Digest(directory: directory)
        try digest.initialise()
        let issue = try digest.draft()
        for (index, title) in ["Tide tables, explained", "Seals on the sandbank", "Net menders wanted"].enumerated() {
            try digest.addItem(issue, title: title, url: "https://harbour.example/\(index)")
        }
        #expect(try digest.run("submit", "1").status == 0)
    }

    func notes() throws -> [String] {
        try DatabaseInspector.query(digest.databasePath, """
            SELECT item || '|' || status || '|' || coalesce(note, '-') FROM item_states WHERE valid_to IS NULL ORDER BY item
            """)
    }

    @Test("one review gives different items different notes, and the others none")
    func notesPerItem() throws {
        let result = try digest.run(["review", "1", "--approve", "1,2", "--reject", "3", "--note", "3=Paywalled",
                                     "--note", "1=Lovely piece"], as: "ben")
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try notes() == ["1|approved|Lovely piece", "2|approved|-", "3|rejected|Paywalled"])
        let history = try digest.run("history", "1", "--json")
        let revisions = try #require(try JSONReader.array(history.standardOutput, "revisions") as? [[String: Any]])
        #expect(revisions.last?["summary"] as? String == "approved 1, 2; rejected 3; approved the issue's own text "
            + "(date, title, intro) (note on 1: Lovely piece; note on 3: Paywalled)")
    }

    @Test("a plain --note is taken only when the command decides exactly one item")
    func plainNote() throws {
        #expect(try digest.run(["review", "1", "--reject", "2", "--note", "Paywalled"], as: "ben").status == 0)
        #expect(try notes() == ["1|pending|-", "2|rejected|Paywalled", "3|pending|-"])
    }

    @Test("ambiguous or misdirected notes are refused (64) and nothing is stored", arguments: [
        (["--approve", "1,2", "--note", "Paywalled"], "--note \"Paywalled\" does not say which of the 2 decisions it is for"),
        (["--approve", "1", "--note", "2=Paywalled"], "--note 2=…: item 2 is not approved or rejected in this command"),
        (["--defer", "2", "--approve", "1", "--note", "2=Later"], "item 2 is deferred, and a deferred item keeps no note"),
        (["--approve", "1", "--note", "1=a", "--note", "1=b"], "item 1 is given two notes"),
        (["--note", "1=Paywalled"], "--note 1=…: item 1 is not approved or rejected in this command"),
    ])
    func refused(options: [String], message: String) throws {
        let before = try Data(contentsOf: URL(fileURLWithPath: digest.databasePath))
        let result = try digest.run(["review", "1"] + options, as: "ben")
        #expect(result.status == 64)
        #expect(result.standardError.contains(message), "\(result.standardError)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: digest.databasePath)) == before)
    }

    @Test("review shows the issue's own text while it awaits approval")
    func reviewShowsIssueText() throws {
        #expect(try digest.run("edit-issue", "1", "--intro", "Storm week on the coast.").status == 0)
        let listing = try digest.run(["review", "1"], as: "ben")
        #expect(listing.standardOutput.contains("The issue's own text awaits approval (last changed by ana):\n"
            + "     date: 2026-11-23\n     title: Harbour notes\n     intro:\n       Storm week on the coast.\n"
            + "     approve it with: digest review 1 --approve-issue\n"))
    }

    @Test("config --log shows a stored control character instead of writing it")
    func logShowsControls() throws {
        // A row as an older digest, or a hand edit, could have left it.
        _ = try DatabaseInspector.query(digest.databasePath, """
            INSERT INTO settings_log(at, actor, key, old_value, new_value)
            VALUES ('2026-11-01T00:00:00Z', 'mallory' || char(27) || '[2J', 'publication.name', NULL, 'x' || char(7))
            """)
        let log = try digest.run("config", "--log")
        #expect(log.status == 0)
        #expect(!log.standardOutput.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        #expect(log.standardOutput.contains("mallory<U+001B>[2J"))
        #expect(log.standardOutput.contains("(unset) → x<U+0007>"))
    }
}
