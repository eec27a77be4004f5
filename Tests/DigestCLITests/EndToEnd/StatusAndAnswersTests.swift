import Foundation
import Testing

/// `digest status`, and the answers that were wrong or missing: the
/// effective value of a setting left at its default, an item's own status
/// in search, the short format names, a backup into a new folder, a move of
/// an item that belongs to a section.
@Suite("status, and answers that say what is so")
struct StatusAndAnswersTests {
    let directory: TemporaryDirectory
    let digest: Digest

    init() throws {
        directory = try TemporaryDirectory()
        digest = Digest(directory: directory)
        try digest.initialise()
    }

    @Test("status at each stage: what waits, on whom, and the command to run next")
    func statusAtEachStage() throws {
        try #require(digest.run("config", "people.mira", "editor", as: "mira").status == 0)
        try #require(digest.run("config", "people.theo", "reviewer", as: "mira").status == 0)
        try #require(digest.run("config", "people.ines", "editor,reviewer,publisher", as: "mira").status == 0)
        let none = try digest.run("status")
        #expect(none.status == 0)
        #expect(none.standardOutput == "Every issue is published. Start the next with 'digest draft --date YYYY-MM-DD'.\n")

        let issue = try digest.run(["draft", "--date", "2026-11-23", "--title", "Harbour notes", "--json"], as: "mira")
        try #require(issue.status == 0)
        let empty = try digest.run("status", "1")
        #expect(empty.standardOutput == """
            Issue 1 — Harbour notes (2026-11-23)
              draft · version 1 · 0 items
              - no items yet
              next: digest add-item 1 --url URL --title TEXT --source TEXT --excerpt TEXT

            """)

        let first = try digest.addItem(1, url: "http://127.0.0.1:9/one", as: "mira")
        let second = try digest.addItem(1, title: "Ferry times", url: "http://127.0.0.1:9/two", as: "ines")
        let draft = try digest.run("status")
        #expect(draft.standardOutput.contains("  - ready for review: ines or mira may submit it\n"))
        #expect(draft.standardOutput.contains("  - 2 links not checked (items \(first), \(second))\n"))
        #expect(draft.standardOutput.hasSuffix("  next: digest check-links 1\n"))

        try #require(digest.run("submit", "1", as: "mira").status == 0)
        let review = try digest.run("status", "--json")
        #expect(review.status == 0)
        let reviewText = try digest.run("status", "1")
        // Four-eyes: ines added the second item, so only theo may decide it; the first, mira's, either reviewer.
        #expect(reviewText.standardOutput.contains("  - 1 item (item \(first)) pending review by ines or theo\n"))
        #expect(reviewText.standardOutput.contains("  - 1 item (item \(second)) pending review by theo\n"))
        #expect(reviewText.standardOutput.contains("the issue's own text (date, title, intro) is not approved; "
            + "last changed by mira, to be approved by ines or theo"))
        #expect(reviewText.standardOutput.hasSuffix("  next: digest review 1\n"))
        #expect(try JSONReader.int(review.standardOutput, "issues", 0, "number") == 1)
        #expect(try JSONReader.string(review.standardOutput, "issues", 0, "next") == "digest review 1")
        #expect(try JSONReader.string(review.standardOutput, "issues", 0, "reviewers", String(second), 0) == "theo")

        try #require(digest.run(["review", "1", "--approve", String(first), "--approve-issue"], as: "ines").status == 0)
        try #require(digest.run(["review", "1", "--approve", String(second)], as: "theo").status == 0)
        let ready = try digest.run("status", "1")
        #expect(ready.standardOutput.contains("(2 approved, 0 pending, 0 rejected)"))
        #expect(ready.standardOutput.contains("  - ready to publish: ines or mira may publish it\n"))
        #expect(ready.standardOutput.hasSuffix("  next: digest publish 1\n"))

        // status changes nothing: the issue is still at the version the review left.
        #expect(try DatabaseInspector.scalar(digest.databasePath, "SELECT version FROM issues WHERE number = 1") == "6")

        // An edit after approval withdraws it; status says whose edit, and whose approval it undid.
        try #require(digest.run(["edit-item", "1", String(second), "--excerpt", "Timetables change on Monday."],
                                as: "mira").status == 0)
        let edited = try digest.run("status", "1")
        #expect(edited.standardOutput.contains("(1 approved, 1 pending, 0 rejected)"))
        #expect(edited.standardOutput.contains("  - 1 item (item \(second)) pending review by theo\n"))
        #expect(edited.standardOutput.contains(
            "  - item \(second) edited by mira after approval by theo: pending review again\n"))
        #expect(edited.standardOutput.hasSuffix("  next: digest review 1\n"))
        let editedJSON = try digest.run("status", "1", "--json").standardOutput
        #expect(try JSONReader.int(editedJSON, "issues", 0, "edited_after_decision", 0, "item") == second)
        #expect(try JSONReader.string(editedJSON, "issues", 0, "edited_after_decision", 0, "decision") == "approved")
        #expect(try JSONReader.string(editedJSON, "issues", 0, "edited_after_decision", 0, "decided_by") == "theo")
        #expect(try JSONReader.string(editedJSON, "issues", 0, "edited_after_decision", 0, "edited_by") == "mira")
        // Approved again, the line goes.
        try #require(digest.run(["review", "1", "--approve", String(second)], as: "theo").status == 0)
        #expect(!(try digest.run("status", "1").standardOutput.contains("edited by")))
    }

    @Test("status of an issue that does not exist is 66, with the hint")
    func statusMissing() throws {
        let result = try digest.run("status", "9")
        #expect(result.status == 66)
        #expect(result.standardError == "digest: error: there is no issue 9; 'digest list' shows the issues there are.\n")
    }

    @Test("a setting left at its default shows the value digest uses, marked (default); one never set with no default is 66")
    func effectiveSettings() throws {
        for (key, value) in [("review.four-eyes", "on"), ("identity", "declared"), ("mail.command", "sendmail -t -oi"),
                             ("excerpt.max", "2000")] {
            let shown = try digest.run("config", key)
            #expect(shown.status == 0)
            #expect(shown.standardOutput == "\(value) (default)\n")
            let json = try digest.run("config", key, "--json")
            #expect(try JSONReader.string(json.standardOutput, "setting", "value") == value)
            #expect(try JSONReader.bool(json.standardOutput, "setting", "default") == true)
        }
        try #require(digest.run("config", "review.four-eyes", "off").status == 0)
        #expect(try digest.run("config", "review.four-eyes").standardOutput == "off\n")
        let listing = try digest.run("config")
        #expect(listing.standardOutput.contains("identity"))
        #expect(listing.standardOutput.contains("declared (default)"))
        #expect(!listing.standardOutput.contains("review.four-eyes         on (default)"))
        let unset = try digest.run("config", "publication.archive-url")
        #expect(unset.status == 66)
        #expect(unset.standardError == "digest: error: publication.archive-url is not set; set it with "
            + "'digest config publication.archive-url VALUE'.\n")
    }

    @Test("search shows each item's own status, and --item-status keeps one kind")
    func searchItemStatus() throws {
        let issue = try digest.draft()
        let kept = try digest.addItem(issue, title: "Lighthouse keepers", url: "https://harbour.example/kept")
        let dropped = try digest.addItem(issue, title: "Lighthouse lenses", url: "https://harbour.example/dropped", as: "theo")
        try #require(digest.run("submit", String(issue)).status == 0)
        try #require(digest.run(["review", String(issue), "--approve", String(kept), "--approve-issue"], as: "theo").status == 0)
        try #require(digest.run(["review", String(issue), "--reject", String(dropped), "--note", "Covered last week."]).status == 0)
        let all = try digest.run("search", "lighthouse")
        #expect(all.status == 0)
        #expect(all.standardOutput.contains("· item \(kept) (approved) · Lighthouse keepers\n"))
        #expect(all.standardOutput.contains("· item \(dropped) (rejected) · Lighthouse lenses\n"))
        let rejected = try digest.run("search", "lighthouse", "--item-status", "rejected", "--json")
        #expect(try JSONReader.int(rejected.standardOutput, "results", 0, "item") == dropped)
        #expect(try JSONReader.string(rejected.standardOutput, "results", 0, "item_status") == "rejected")
        #expect(try JSONReader.int(rejected.standardOutput, "results", 1, "item") == nil)
        let bad = try digest.run("search", "lighthouse", "--item-status", "gone")
        #expect(bad.status == 64)
        #expect(bad.standardError.hasPrefix("digest: error: --item-status must be pending, approved or rejected, not 'gone'.\n"))
    }

    @Test("--format md and --format txt are markdown and text")
    func shortFormatNames() throws {
        let issue = try digest.draft()
        try digest.addItem(issue, url: "https://harbour.example/tides")
        for (short, long) in [("md", "markdown"), ("txt", "text")] {
            let given = try digest.run("render", String(issue), "--format", short)
            let named = try digest.run("render", String(issue), "--format", long)
            #expect(given.status == 0)
            #expect(given.standardOutput == named.standardOutput)
            #expect(!given.standardOutput.isEmpty)
        }
        let bad = try digest.run("render", String(issue), "--format", "pdf")
        #expect(bad.status == 64)
        #expect(bad.standardError.hasPrefix("digest: error: --format must be markdown (or md), html, text (or txt) or email, not 'pdf'.\n"))
    }

    @Test("backup into a folder that does not exist yet makes it, as publish and export make theirs")
    func backupMakesItsFolder() throws {
        let path = directory.file("backups/2026/week-48.sqlite")
        let result = try digest.run("backup", path)
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(try DatabaseInspector.scalar(path, "PRAGMA integrity_check") == "ok")
    }

    @Test("moving an item that has a section says where renders show it, and how to change its section")
    func moveWithinSections() throws {
        let issue = try digest.draft()
        let first = try digest.addItem(issue, url: "https://harbour.example/a", extra: ["--section", "Boats"])
        try digest.addItem(issue, title: "Quay works", url: "https://harbour.example/b", extra: ["--section", "Town"])
        let third = try digest.addItem(issue, title: "Regatta", url: "https://harbour.example/c", extra: ["--section", "Boats"])
        let moved = try digest.run("move-item", String(issue), String(third), "--to", "1")
        #expect(moved.status == 0)
        #expect(moved.standardOutput == "Item \(third) is at position 1 of issue \(issue). Issue \(issue) is at version 5.\n"
            + "It is in the section 'Boats': renders show it as item 1 of 2 there, with the sections in the order of "
            + "sections.order (then as they first appear). To move it to another section: digest edit-item \(issue) "
            + "\(third) --section NAME.\n")
        let again = try digest.run("move-item", String(issue), String(first), "--to", "1")
        #expect(again.standardOutput.contains("renders show it as item 1 of 2 there"))
    }

    @Test("move-item --section moves an item into another section, at --to or where it is, as one revision")
    func moveIntoSection() throws {
        let issue = try digest.draft()
        try digest.addItem(issue, url: "https://harbour.example/a", extra: ["--section", "Boats"])
        let quay = try digest.addItem(issue, title: "Quay works", url: "https://harbour.example/b", extra: ["--section", "Town"])
        let before = try DatabaseInspector.scalar(digest.databasePath, "SELECT version FROM issues WHERE number = \(issue)")
        let moved = try digest.run("move-item", String(issue), String(quay), "--section", "Boats", "--to", "1", "--json")
        #expect(moved.status == 0, "\(moved.standardError)")
        #expect(try JSONReader.string(moved.standardOutput, "item", "section") == "Boats")
        #expect(try JSONReader.int(moved.standardOutput, "item", "position") == 1)
        let after = try DatabaseInspector.scalar(digest.databasePath, "SELECT version FROM issues WHERE number = \(issue)")
        #expect(Int(after ?? "") == Int(before ?? "")! + 1)
        let history = try digest.run("history", String(issue), "--json")
        #expect(try JSONReader.string(history.standardOutput, "revisions", Int(before ?? "")!, "action") == "move-item")
        let none = try digest.run("move-item", String(issue), String(quay), "--section", "")
        #expect(none.status == 0, "\(none.standardError)")
        #expect(!none.standardOutput.contains("It is in the section"))
        let nowhere = try digest.run("move-item", String(issue), String(quay))
        #expect(nowhere.status == 64)
        #expect(nowhere.standardError.hasPrefix("digest: error: say where to with --to POSITION (1 is the first), or --section NAME.\n"))
    }

    @Test("search --backlog finds deferred items and candidates, accents and case aside; issue filters do not go with it")
    func searchBacklog() throws {
        let issue = try digest.draft()
        let deferred = try digest.addItem(issue, title: "Café on the quay", url: "https://harbour.example/cafe")
        try digest.addItem(issue, title: "Tide tables", url: "https://harbour.example/tides")
        try #require(digest.run("submit", String(issue)).status == 0)
        try #require(digest.run(["review", String(issue), "--defer", String(deferred)], as: "theo").status == 0)
        let found = try digest.run("search", "cafe QUAY", "--backlog")
        #expect(found.status == 0, "\(found.standardError)")
        #expect(found.standardOutput.hasPrefix("backlog #\(deferred) (deferred from issue \(issue) by theo) · Café on the quay\n"))
        let json = try digest.run("search", "café", "--backlog", "--json")
        #expect(try JSONReader.int(json.standardOutput, "results", 0, "backlog") == deferred)
        #expect(try JSONReader.string(json.standardOutput, "results", 0, "origin") == "deferred")
        let none = try digest.run("search", "lighthouse", "--backlog")
        #expect(none.standardOutput == "Nothing in the backlog matches lighthouse.\n")
        let mixed = try digest.run("search", "cafe", "--backlog", "--issue", "1")
        #expect(mixed.status == 64)
        #expect(mixed.standardError.hasPrefix("digest: error: --issue is about issues; it does not go with --backlog.\n"))
    }
}
