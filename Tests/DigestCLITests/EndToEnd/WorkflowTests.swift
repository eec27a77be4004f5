import DigestStorage
import DigestModel
import DigestRendering
import DigestWorkflow
import Foundation
import Testing

@Suite("Submit, review, publish, reopen")
struct WorkflowTests {
    let directory: TemporaryDirectory
    let digest: Digest

    init() throws {
        directory = try TemporaryDirectory()
        digest = Digest(directory: directory)
        try digest.initialise()
    }

    /// An issue in review with three items added by ana: ids returned in order.
    func issueInReview(date: String = "2026-11-23") throws -> (issue: Int, items: [Int]) {
        let issue = try digest.draft(date: date)
        let items = [
            try digest.addItem(issue, title: "Tide tables, explained", url: "https://tides.example/\(issue)/a"),
            try digest.addItem(issue, title: "Seals on the sandbank", url: "https://seals.example/\(issue)/b", source: "Wildlife Trust"),
            try digest.addItem(issue, title: "Net menders wanted", url: "https://nets.example/\(issue)/c", source: "Fishing News"),
        ]
        let submitted = try digest.run("submit", String(issue))
        #expect(submitted.status == 0, "\(submitted.standardError)")
        return (issue, items)
    }

    @Test("submit closes the item set: adding and removing are refused, editing and moving are not")
    func submitClosesTheSet() throws {
        let (issue, items) = try issueInReview()
        let add = try digest.run("add-item", String(issue), "--title", "Late", "--url", "https://late.example",
                                 "--source", "S", "--date", "2026-11-20", "--excerpt", "e")
        #expect(add.status == 1)
        #expect(add.standardError.contains("issue \(issue) is in review, so its set of items is closed"))
        #expect(try digest.run("remove-item", String(issue), String(items[0])).status == 1)
        #expect(try digest.run("edit-item", String(issue), String(items[0]), "--title", "Tide tables").status == 0)
        #expect(try digest.run("move-item", String(issue), String(items[2]), "--to", "1").status == 0)
        #expect(try digest.run("submit", String(issue)).status == 1)
    }

    @Test("review lists the pending items as readable blocks, and as JSON")
    func reviewLists() throws {
        let (issue, items) = try issueInReview()
        let text = try digest.run("review", String(issue))
        #expect(text.status == 0)
        #expect(text.standardOutput.contains("  1. #\(items[0]) [pending] Tide tables, explained\n     https://tides.example/\(issue)/a\n"))
        #expect(text.standardOutput.contains("added by ana"))
        let json = try digest.run("review", String(issue), "--json")
        let listed = try #require(try JSONReader.array(json.standardOutput, "items") as? [[String: Any]])
        #expect(listed.map { $0["id"] as? Int } == items)
        #expect(listed.allSatisfy { $0["status"] as? String == "pending" && $0["title"] != nil && $0["note"] is NSNull })
    }

    @Test("four-eyes: nobody approves what they added or edited at any point (77, saying who may); rejecting stays open")
    func fourEyes() throws {
        let (issue, items) = try issueInReview()
        let own = try digest.run("review", String(issue), "--approve", String(items[0]))
        #expect(own.status == 77)
        #expect(own.standardError.contains("ana added item \(items[0]), and four-eyes review is on: someone else must approve it"))
        #expect(try digest.run(["review", String(issue), "--reject", String(items[1]), "--note", "Paywalled"]).status == 0)
        #expect(try digest.run(["review", String(issue), "--approve", String(items[0])], as: "ben").status == 0)
        _ = try digest.run(["edit-item", String(issue), String(items[2]), "--title", "Net menders wanted again"], as: "ben")
        let edited = try digest.run(["review", String(issue), "--approve", String(items[2])], as: "ben")
        #expect(edited.status == 77)
        #expect(edited.standardError.contains("ben edited item \(items[2])"))
        let added = try digest.run("review", String(issue), "--approve", String(items[2]))
        #expect(added.status == 77)
        #expect(added.standardError.contains("ana added item \(items[2])"))
        #expect(added.standardError.contains("anyone who neither added nor edited it may (ana, ben may not)"))
        #expect(try digest.run(["review", String(issue), "--approve", String(items[2])], as: "cy").status == 0)
        let off = try digest.run("config", "review.four-eyes", "off")
        #expect(off.status == 1)
        #expect(off.standardError.contains("review.four-eyes cannot change while an issue is in review (issue \(issue))"))
    }

    @Test("with four-eyes off, an editor may approve their own items")
    func fourEyesOff() throws {
        #expect(try digest.run("config", "review.four-eyes", "off").status == 0)
        let (issue, items) = try issueInReview()
        #expect(try digest.run("review", String(issue), "--approve", items.map(String.init).joined(separator: ",")).status == 0)
    }

    @Test("an incomplete item cannot be approved until it has a link")
    func incompleteCannotBeApproved() throws {
        let issue = try digest.draft()
        let added = try digest.run("add-item", String(issue), "--title", "No link yet", "--source", "S", "--date", "2026-11-20",
                                   "--excerpt", "e", "--incomplete", "--json")
        #expect(added.status == 0)
        #expect(added.standardError.contains("has no link yet"))
        let id = try #require(try JSONReader.int(added.standardOutput, "items", 0, "id"))
        #expect(try JSONReader.value(added.standardOutput, ["items", 0, "incomplete"]) as? Bool == true)
        _ = try digest.run("submit", String(issue))
        let refused = try digest.run(["review", String(issue), "--approve", String(id)], as: "ben")
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("item \(id) has no link yet (it is incomplete) and cannot be approved"))
        #expect(try digest.run("edit-item", String(issue), String(id), "--url", "https://found.example/it").status == 0)
        #expect(try digest.run(["review", String(issue), "--approve", String(id)], as: "ben").status == 0)
    }

    @Test("the stage is checked before permissions: a wrong stage is exit 1 even for someone not allowed")
    func stageBeforePermission() throws {
        #expect(try digest.run("config", "people.ana", "editor").status == 0)
        #expect(try digest.run("config", "people.ben", "reviewer").status == 0)
        let issue = try digest.draft()
        try digest.addItem(issue, url: "https://tides.example/a")
        let wrongStage = try digest.run(["publish", String(issue)], as: "ben")
        #expect(wrongStage.status == 1)
        let rightStage = try digest.run(["submit", String(issue)], as: "ben")
        #expect(rightStage.status == 77)
        #expect(rightStage.standardError.contains("ben is on the roster as reviewer; only editors (ana) may run 'submit'"))
        let stranger = try digest.run(["draft", "--date", "2026-11-30"], as: "mallory")
        #expect(stranger.status == 77)
        #expect(stranger.standardError.contains("mallory is not on the roster"))
        #expect(try digest.run(["list"], as: "mallory").status == 0)
    }

    @Test("the roster: reviewers review, editors do the rest, and no change may leave it without an editor")
    func roster() throws {
        #expect(try digest.run("config", "people.ben", "reviewer").status == 1)
        #expect(try digest.run("config", "people.ana", "both").status == 0)
        #expect(try digest.run("config", "people.ben", "reviewer").status == 0)
        let demote = try digest.run("config", "people.ana", "reviewer")
        #expect(demote.status == 1)
        #expect(demote.standardError.contains("would leave the roster without an editor"))
        #expect(try digest.run("config", "people.ana", "--remove").status == 1)
        #expect(try digest.run(["config", "publication.name", "Other"], as: "ben").status == 77)
        let (issue, items) = try issueInReview()
        #expect(try digest.run(["review", String(issue), "--approve", String(items[0])], as: "ben").status == 0)
        #expect(try digest.run(["review", String(issue), "--approve", String(items[1])], as: "cleo").status == 77)
        let log = try DatabaseInspector.query(digest.databasePath, "SELECT actor, key, coalesce(new_value, '-') FROM settings_log ORDER BY id")
        #expect(log.suffix(2) == ["ana|people.ana|editor,reviewer", "ana|people.ben|reviewer"])
    }

    @Test("publish needs every item decided, one approved, none approved-but-incomplete")
    func publishPreconditions() throws {
        let (issue, items) = try issueInReview()
        let pending = try digest.run("publish", String(issue))
        #expect(pending.status == 1)
        #expect(pending.standardError.contains("still has 3 pending items"))
        _ = try digest.run(["review", String(issue), "--reject", items.map(String.init).joined(separator: ",")], as: "ben")
        let noneApproved = try digest.run("publish", String(issue))
        #expect(noneApproved.status == 1)
        #expect(noneApproved.standardError.contains("has no approved item"))
        let draft = try digest.draft(date: "2026-11-30")
        #expect(try digest.run("publish", String(draft)).status == 1)
    }

    @Test("publishing writes the four renders, without rejected items, and stores them byte for byte")
    func publishWritesFiles() throws {
        let (issue, items) = try issueInReview()
        _ = try digest.run(["review", String(issue), "--approve", "\(items[0]),\(items[2])", "--reject", String(items[1]),
                            "--note", "\(items[1])=Not this week"], as: "ben")
        let published = try digest.run("publish", String(issue), "--out", "out", "--json")
        #expect(published.status == 0, "\(published.standardError)")
        #expect(try JSONReader.string(published.standardOutput, "issue", "status") == "published")
        #expect(try JSONReader.int(published.standardOutput, "edition", "number") == 1)
        for (suffix, format) in [("md", "markdown"), ("html", "html"), ("txt", "text"), ("eml", "email")] {
            let file = try directory.read("out/\(issue)-2026-11-23.\(suffix)")
            #expect(!file.contains("Seals on the sandbank"), "\(suffix) shows a rejected item")
            #expect(file.contains("Net menders wanted"))
            if format == "email" {
                // Stored without the text and HTML it repeats, rebuilt byte for byte on reading.
                #expect(try DatabaseInspector.scalar(digest.databasePath, "SELECT email_layout IS NOT NULL "
                    + "AND length(email) < 1000 FROM editions WHERE issue = \(issue)") == "1")
            } else {
                let stored = try DatabaseInspector.scalar(digest.databasePath, "SELECT hex(\(format)) FROM editions WHERE issue = \(issue)")
                #expect(stored == Data(file.utf8).map { String(format: "%02X", $0) }.joined())
            }
            #expect(try digest.run("render", String(issue), "--format", format).standardOutput == file)
        }
    }

    @Test("a published issue is frozen until reopened; the next publish is edition 2 with a new Message-ID")
    func frozenAndReopened() throws {
        let (issue, items) = try issueInReview()
        _ = try digest.run(["review", String(issue), "--approve", items.map(String.init).joined(separator: ",")], as: "ben")
        #expect(try digest.run("publish", String(issue), "--out", "out").status == 0)
        let firstEmail = try directory.read("out/\(issue)-2026-11-23.eml")
        for arguments in [["edit-item", String(issue), String(items[0]), "--title", "x"], ["move-item", String(issue), String(items[0]), "--to", "2"],
                          ["review", String(issue), "--reject", String(items[0])], ["submit", String(issue)], ["publish", String(issue)],
                          ["edit-issue", String(issue), "--title", "x"]] {
            let refused = try digest.run(arguments, as: "ben")
            #expect(refused.status == 1, "\(arguments)")
            #expect(refused.standardError.contains("is published (edition 1) and frozen; to correct it, run 'digest reopen \(issue) --reason TEXT' first."))
        }
        #expect(try digest.run("reopen", String(issue)).status == 64)
        #expect(try digest.run("reopen", String(issue), "--reason", "Wrong link in item \(items[1])").status == 0)
        let afterReopen = try digest.run("show", String(issue), "--json").standardOutput
        let statuses = (try JSONReader.array(afterReopen, "issue", "items") as? [[String: Any]])?.map { $0["status"] as? String }
        #expect(statuses == ["approved", "approved", "approved"])
        #expect(try digest.run("edit-item", String(issue), String(items[1]), "--url", "https://seals.example/fixed").status == 0)
        _ = try digest.run("submit", String(issue))
        #expect(try digest.run("publish", String(issue)).status == 1)
        _ = try digest.run(["review", String(issue), "--approve", String(items[1])], as: "ben")
        let second = try digest.run("publish", String(issue), "--out", "out", "--json")
        #expect(try JSONReader.int(second.standardOutput, "edition", "number") == 2)
        // Edition 2 sits beside edition 1, which is left as it went out.
        let secondEmail = try directory.read("out/\(issue)-2026-11-23-edition-2.eml")
        let firstEmailAfter = try directory.read("out/\(issue)-2026-11-23.eml")
        let ids = try DatabaseInspector.query(digest.databasePath, "SELECT message_id FROM editions WHERE issue = \(issue) ORDER BY edition")
        #expect(ids.count == 2 && ids[0] != ids[1])
        #expect(firstEmail.contains("Message-ID: \(ids[0])") && secondEmail.contains("Message-ID: \(ids[1])"))
        #expect(firstEmailAfter == firstEmail)
        #expect(second.standardOutput.contains("out/\(issue)-2026-11-23-edition-2.html"))
        let history = try digest.run("history", String(issue), "--json").standardOutput
        let actions = (try JSONReader.array(history, "revisions") as? [[String: Any]])?.map { $0["action"] as? String }
        #expect(actions == ["draft", "add-item", "add-item", "add-item", "submit", "review", "publish", "reopen",
                            "edit-item", "submit", "review", "publish"])
        let diff = try digest.run("diff", String(issue), "7", "12").standardOutput
        #expect(diff.contains("url: \"https://seals.example/\(issue)/b\" → \"https://seals.example/fixed\""))
    }

    @Test("a published edition renders byte for byte the same after the templates change")
    func editionsSurviveTemplateChanges() throws {
        let (issue, items) = try issueInReview()
        _ = try digest.run(["review", String(issue), "--approve", items.map(String.init).joined(separator: ",")], as: "ben")
        _ = try digest.run("publish", String(issue))
        let version = try #require(try JSONReader.int(try digest.run("show", String(issue), "--json").standardOutput, "issue", "version"))
        let before = try digest.run("render", String(issue), "--format", "html").standardOutput
        try FileManager.default.createDirectory(atPath: directory.file("tpl"), withIntermediateDirectories: true)
        try directory.write("tpl/html.tmpl", "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>x</title></head><body>CHANGED</body></html>\n")
        #expect(try digest.run("config", "templates", directory.file("tpl")).status == 0)
        #expect(try digest.run("render", String(issue), "--format", "html").standardOutput == before)
        #expect(try digest.run("render", String(issue), "--format", "html", "--version", String(version)).standardOutput == before)
        let withOption = try digest.run("render", String(issue), "--format", "html", "--templates", directory.file("tpl"))
        #expect(withOption.standardOutput == before)
        #expect(withOption.standardError.contains("--templates is not used"))
        #expect(try digest.run("render", String(issue), "--format", "html", "--version", "3").standardOutput.contains("CHANGED"))
    }

    @Test("deferring moves an item to the backlog, and a later issue brings it back with its origin")
    func deferAndBacklog() throws {
        let (issue, items) = try issueInReview()
        let deferred = try digest.run(["review", String(issue), "--defer", String(items[1]), "--approve", String(items[0])], as: "ben")
        #expect(deferred.status == 0)
        let show = try digest.run("show", String(issue), "--json").standardOutput
        #expect((try JSONReader.array(show, "issue", "items"))?.count == 2)
        let backlog = try digest.run("backlog", "--json").standardOutput
        #expect(try JSONReader.int(backlog, "backlog", 0, "id") == items[1])
        #expect(try JSONReader.int(backlog, "backlog", 0, "from_issue") == issue)
        let later = try digest.draft(date: "2026-11-30")
        let brought = try digest.run("add-item", String(later), "--from-backlog", String(items[1]), "--json")
        #expect(brought.status == 0)
        #expect(try JSONReader.int(brought.standardOutput, "items", 0, "origin") == items[1])
        #expect(try JSONReader.string(brought.standardOutput, "items", 0, "title") == "Seals on the sandbank")
        #expect(try digest.run("backlog").standardOutput == "The backlog is empty.\n")
        #expect(try digest.run("add-item", String(later), "--from-backlog", String(items[1])).status == 66)
    }

    @Test("a link already in an earlier published issue is added with a warning naming that issue")
    func repeatLinkWarning() throws {
        let (issue, items) = try issueInReview()
        _ = try digest.run(["review", String(issue), "--approve", items.map(String.init).joined(separator: ",")], as: "ben")
        _ = try digest.run("publish", String(issue))
        let later = try digest.draft(date: "2026-11-30")
        let again = try digest.run("add-item", String(later), "--title", "Tides again", "--url", "https://TIDES.example/\(issue)/a#more",
                                   "--source", "S", "--date", "2026-11-27", "--excerpt", "e", "--json")
        #expect(again.status == 0)
        #expect(again.standardError.contains("digest: warning: https://TIDES.example/\(issue)/a#more was already in issue \(issue) (2026-11-23)"))
        #expect(try JSONReader.int(again.standardOutput, "items", 0, "repeat_of", "issue") == issue)
    }

    @Test("when the files cannot be written, the issue stays published (73) and render writes them again")
    func publishFileFailure() throws {
        let (issue, items) = try issueInReview()
        _ = try digest.run(["review", String(issue), "--approve", items.map(String.init).joined(separator: ",")], as: "ben")
        try directory.write("blocked", "a file where the folder should be")
        let result = try digest.run("publish", String(issue), "--out", "blocked/out")
        #expect(result.status == 73)
        #expect(result.standardError.contains("is published (edition 1 is safe in the database), but cannot create the folder"))
        #expect(try JSONReader.string(try digest.run("show", String(issue), "--json").standardOutput, "issue", "status") == "published")
        #expect(try digest.run("render", String(issue), "--format", "html", "--out", "again.html").status == 0)
        #expect(try directory.read("again.html").contains("Net menders wanted"))
    }

    @Test("killing publish inside its transaction leaves the issue in review with no edition; after it, published")
    func killDuringPublish() throws {
        var outcomes: [String: Int] = [:]
        var killedInside = 0
        for round in 0..<12 {
            let (issue, items) = try issueInReview(date: "2026-12-\(String(format: "%02d", round + 1))")
            _ = try digest.run(["review", String(issue), "--approve", items.map(String.init).joined(separator: ",")], as: "ben")
            // A second connection that never waits: while publish holds the
            // write lock (its one IMMEDIATE transaction), BEGIN IMMEDIATE here fails.
            let probe = try Database(path: digest.databasePath, access: .readWrite)
            try probe.execute("PRAGMA busy_timeout = 0")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Products.digest)
            process.arguments = ["publish", String(issue), "--out", "out", "--quiet"]
            process.environment = digest.environment
            process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            var lockHeld = false
            while process.isRunning, !lockHeld {
                lockHeld = Self.writeLockIsTaken(probe)
                if !lockHeld { usleep(200) }
            }
            // The later rounds wait a little longer, so some kills land after the commit.
            if lockHeld { usleep(UInt32(round * 1000)) }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let status = try DatabaseInspector.scalar(digest.databasePath,
                                                      "SELECT status FROM issue_states WHERE issue = \(issue) AND valid_to IS NULL")
            let editions = try DatabaseInspector.scalar(digest.databasePath, "SELECT count(*) FROM editions WHERE issue = \(issue)")
            #expect((status == "published" && editions == "1") || (status == "in-review" && editions == "0"))
            if status == "published" {
                #expect(try digest.run("render", String(issue), "--format", "email", "--out", "e.eml").status == 0)
            }
            // Killed while the transaction was open, and nothing of it stayed.
            if lockHeld, status == "in-review" { killedInside += 1 }
            outcomes[status ?? "?", default: 0] += 1
            #expect(try DatabaseInspector.scalar(digest.databasePath, "PRAGMA integrity_check") == "ok")
        }
        #expect(try digest.run("doctor").status == 0)
        #expect(killedInside >= 3, "only \(killedInside) kills landed inside the publish transaction: \(outcomes)")
    }

    /// Whether another connection holds the database's write lock.
    private static func writeLockIsTaken(_ probe: Database) -> Bool {
        do {
            try probe.execute("BEGIN IMMEDIATE")
        } catch {
            return error.isBusy
        }
        try? probe.execute("ROLLBACK")
        return false
    }
}
