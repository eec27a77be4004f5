import Foundation
import Testing

/// Each way around the controls that used to work, tried again by real
/// system accounts in `identity` = account mode: refused with the documented
/// exit code and message, and the database left byte for byte as it was.
@Suite("Bypasses, tried as real system accounts", .enabled(if: SystemAccounts.available, "needs root and useradd"))
struct BypassTests {
    let accounts: SystemAccounts

    /// ana: editor; cy: editor and reviewer; ben: reviewer; lena: publisher; zed: not listed.
    init() throws {
        accounts = try SystemAccounts(["ana", "ben", "cy", "lena", "zed"])
        try accounts.step(["init", "--publication", "The Harbour Weekly"], as: "ana")
        accounts.shareDatabase()
        for (person, role) in [("ana", "editor"), ("cy", "both"), ("ben", "reviewer"), ("lena", "publisher")] {
            try accounts.step(["config", "people.\(accounts.name(person))", role], as: "ana")
        }
        try accounts.step(["config", "identity", "account"], as: "ana")
    }

    func name(_ short: String) -> String { accounts.name(short) }

    /// Issue 1 with one item added by `adder`, in review.
    func issueInReview(addedBy adder: String = "ana") throws {
        try accounts.step(["draft", "--date", "2026-11-23", "--title", "Harbour notes"], as: "ana")
        try accounts.step(["add-item", "1", "--title", "Tide tables, explained", "--url", "https://tides.example/a",
                           "--source", "Coastal Review", "--date", "2026-11-20", "--excerpt", "Two tides a day."], as: adder)
        try accounts.step(["submit", "1"], as: "ana")
    }

    /// Runs a command that must be refused, and checks the database did not change.
    func refused(_ arguments: [String], as person: String, status: Int32, saying message: String,
                 sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try accounts.databaseBytes()
        let result = try accounts.run(arguments, as: person)
        #expect(result.status == status, "\(result.standardError)", sourceLocation: sourceLocation)
        #expect(result.standardError.contains(message), "\(result.standardError)", sourceLocation: sourceLocation)
        #expect(try accounts.databaseBytes() == before, "the database changed", sourceLocation: sourceLocation)
    }

    @Test("an item added by one person and edited by another can be approved by neither (77, naming who may)")
    func everyEarlierHandIsBlocked() throws {
        try issueInReview(addedBy: "cy")
        try accounts.step(["edit-item", "1", "1", "--excerpt", "Two tides a day, most days."], as: "ana")
        try refused(["review", "1", "--approve", "1"], as: "cy", status: 77,
                    saying: "\(name("cy")) added item 1, and four-eyes review is on: someone else must approve it; "
                        + "\(name("ben")) may.")
        // ana edited it: made a reviewer too, she is refused for that hand.
        try accounts.step(["config", "people.\(name("ana"))", "both"], as: "ana")
        try refused(["review", "1", "--approve", "1"], as: "ana", status: 77,
                    saying: "\(name("ana")) edited item 1, and four-eyes review is on: someone else must approve it; "
                        + "\(name("ben")) may.")
        try accounts.step(["review", "1", "--approve", "1"], as: "ben")
    }

    @Test("four-eyes cannot be turned off while an issue is in review (1); publishing while it is off says so in history")
    func fourEyesOffIsRecorded() throws {
        try issueInReview(addedBy: "cy")
        try refused(["config", "review.four-eyes", "off"], as: "cy", status: 1,
                    saying: "review.four-eyes cannot change while an issue is in review (issue 1)")
        try accounts.step(["reopen", "1", "--reason", "Four-eyes off for the holidays"], as: "ana")
        try accounts.step(["config", "review.four-eyes", "off"], as: "cy")
        try accounts.step(["submit", "1"], as: "ana")
        try accounts.step(["review", "1", "--approve", "1", "--approve-issue"], as: "cy")
        try accounts.step(["publish", "1", "--out", "out"], as: "lena")
        let history = try accounts.step(["history", "1", "--json"], as: "ana")
        let revisions = try #require(try JSONReader.array(history.standardOutput, "revisions") as? [[String: Any]])
        let summaries = revisions.compactMap { $0["summary"] as? String }
        #expect(summaries.last?.hasPrefix("published edition 1 with 1 item; four-eyes review was off") == true)
        #expect(summaries.dropLast().last?.hasSuffix("; four-eyes review was off") == true)
        let doctor = try accounts.step(["doctor"], as: "ana")
        #expect(doctor.standardOutput.contains("NOTE    approvals keep four-eyes\n        - issue 1: item 1 approved by "
            + "\(name("cy")), who wrote it\n"))
        #expect(doctor.standardOutput.hasSuffix("The database is healthy.\n"))
    }

    @Test("the issue's own text is reviewed: edit-issue withdraws the approval, and publish refuses until someone else approves")
    func issueTextIsReviewed() throws {
        try issueInReview()
        let approved = try accounts.step(["review", "1", "--approve", "1"], as: "ben")
        #expect(approved.standardOutput.contains("and with the last pending item, the issue's own text (date, title, intro)"))
        try accounts.step(["edit-issue", "1", "--title", "Harbour notes — now with a new headline"], as: "cy")
        try refused(["publish", "1"], as: "lena", status: 1,
                    saying: "issue 1's own text (date, title, intro) is not approved; it was last changed by \(name("cy"))")
        try refused(["review", "1", "--approve-issue"], as: "cy", status: 77,
                    saying: "\(name("cy")) last changed issue 1's own text (date, title, intro), and four-eyes review is on: "
                        + "someone else must approve it; \(name("ben")) may.")
        try accounts.step(["review", "1", "--approve-issue"], as: "ben")
        try accounts.step(["publish", "1", "--out", "out"], as: "lena")
        let history = try accounts.step(["history", "1"], as: "ana")
        #expect(history.standardOutput.contains("changed the issue's title; \(name("ben"))'s approval of the issue's own text is withdrawn"))
    }

    @Test("import --published needs someone who is both editor and reviewer (77); imported editions say they were not reviewed")
    func importPublishedIsHonest() throws {
        let archive = accounts.directory.file("archive.jsonl")
        try Data(("{\"issue\": 1, \"issue_date\": \"2026-11-02\", \"title\": \"Tide tables, explained\", "
            + "\"url\": \"https://tides.example/a\", \"source\": \"Coastal Review\", \"date\": \"2026-10-30\", "
            + "\"excerpt\": \"Two tides a day.\"}\n").utf8).write(to: URL(fileURLWithPath: archive))
        try refused(["import", archive, "--published"], as: "ana", status: 77,
                    saying: "\(name("ana")) is on the roster as editor; only people who are both editor and reviewer "
                        + "(\(name("cy"))) may import published editions.")
        try accounts.step(["import", archive, "--published"], as: "cy")
        let show = try accounts.step(["show", "1"], as: "zed")
        #expect(show.standardOutput.contains("published · edition 1 · imported without review · version 1"))
        let list = try accounts.step(["list", "--json"], as: "zed")
        let issues = try #require(try JSONReader.array(list.standardOutput, "issues") as? [[String: Any]])
        #expect(issues.first?["imported_without_review"] as? Bool == true)
        let history = try accounts.step(["history", "1"], as: "zed")
        #expect(history.standardOutput.contains("as published edition 1, imported without review"))
    }

    @Test("check-links and doctor --repair-search check the roster (77)")
    func linkChecksAndRepairsCheckTheRoster() throws {
        try issueInReview()
        try refused(["check-links", "1"], as: "zed", status: 77, saying: "\(name("zed")) is not on the roster")
        try refused(["doctor", "--repair-search"], as: "zed", status: 77, saying: "\(name("zed")) is not on the roster")
        try refused(["doctor", "--repair-search"], as: "ben", status: 77,
                    saying: "\(name("ben")) is on the roster as reviewer; only editors")
    }

    @Test("the list manager has a role of their own: list.* and publishing, not drafting or review settings (77)")
    func publisherRole() throws {
        try accounts.step(["config", "list.address", "readers@lists.harbour.example"], as: "lena")
        try refused(["draft", "--date", "2026-11-30"], as: "lena", status: 77,
                    saying: "\(name("lena")) is on the roster as publisher; only editors (\(name("ana")), \(name("cy"))) may open issues.")
        try refused(["config", "review.four-eyes", "off"], as: "lena", status: 77,
                    saying: "\(name("lena")) is on the roster as publisher; only editors")
        try refused(["config", "people.\(name("lena"))", "editor"], as: "lena", status: 77,
                    saying: "\(name("lena")) is on the roster as publisher; only editors")
    }

    @Test("a roster change during a review is written into the history of every issue in review")
    func rosterChangesAreRecorded() throws {
        try issueInReview()
        try accounts.step(["config", "people.\(name("zed"))", "reviewer"], as: "ana")
        let history = try accounts.step(["history", "1", "--json"], as: "ana")
        let revisions = try #require(try JSONReader.array(history.standardOutput, "revisions") as? [[String: Any]])
        #expect(revisions.last?["action"] as? String == "config")
        #expect(revisions.last?["actor"] as? String == name("ana"))
        #expect(revisions.last?["summary"] as? String
            == "the roster changed during the review: people.\(name("zed")) set to reviewer (was not listed)")
    }

    @Test("the templates setting must name an existing folder (66)")
    func templatesMustExist() throws {
        try refused(["config", "templates", accounts.directory.file("no-such-folder")], as: "ana", status: 66,
                    saying: "there is no folder there")
    }

    @Test("bidi controls in a title are refused (65, naming the field and the offset); names must be printable")
    func deceptiveText() throws {
        try accounts.step(["draft", "--date", "2026-11-23"], as: "ana")
        try refused(["add-item", "1", "--title", "Invoice \u{202E}gpj.exe", "--url", "https://tides.example/a",
                     "--source", "Coastal Review", "--date", "2026-11-20", "--excerpt", "Two tides a day."],
                    as: "ana", status: 65,
                    saying: "title \"Invoice \\u{202E}gpj.exe\": it has U+202E (RIGHT-TO-LEFT OVERRIDE) at character 9")
        try refused(["config", "people.mallory\n\u{1B}[2J", "editor"], as: "ana", status: 65,
                    saying: "key \"people.mallory\\n\\u{1B}[2J\": it holds U+000A, which is not a printable character")
    }
}
