import Foundation
import Testing

/// `digest review ISSUE` at a terminal walks through the pending items one
/// key at a time, as `git add -p` does, under a real pseudo-terminal with
/// the keys typed one by one, each after its prompt.
@Suite("review, item by item, at a terminal")
struct InteractiveReviewTests {
    let digest: Digest
    let issue: Int
    var items: [Int] = []

    init() throws {
        digest = Digest(directory: try TemporaryDirectory())
        try digest.initialise()
        issue = try digest.draft()
        for (title, path) in [("Tide tables, explained", "tides"), ("Ferry times", "ferry"), ("Quay works", "quay")] {
            items.append(try digest.addItem(issue, title: title, url: "https://harbour.example/\(path)", as: "mira"))
        }
        try #require(try digest.run("submit", String(issue), as: "mira").status == 0)
    }

    /// Runs `digest review ISSUE` on a pseudo-terminal as `user`, typing `keys` (one answer per prompt).
    func review(as user: String, keys: [String], environment extra: [String: String] = [:]) throws -> ProcessResult {
        let command = ["python3", Products.packageRoot + "/Tests/DigestCLITests/Fixtures/pty_run.py", "--timeout", "30",
                       "--keys", keys.joined(separator: "|"), "--", Products.digest, "review", String(issue)]
        var environment = digest.environment.merging(extra) { $1 }
        environment["DIGEST_USER"] = user
        environment["NO_COLOR"] = "1"
        return try Digest.execute("/usr/bin/env", command, environment: environment, directory: digest.directory.path)
    }

    func version() throws -> String? {
        try DatabaseInspector.scalar(digest.databasePath, "SELECT version FROM issues WHERE number = \(issue)")
    }

    func status(_ item: Int) throws -> String? {
        try DatabaseInspector.scalar(digest.databasePath, "SELECT status FROM item_states WHERE item = \(item) AND valid_to IS NULL")
    }

    @Test("help, approve, reject with a note, skip: one revision with exactly those decisions")
    func walkThrough() throws {
        let before = try version()
        let result = try review(as: "theo", keys: ["?", "a", "r", "Paywalled since May\\r", "s"])
        #expect(result.status == 0, "\(result.standardOutput)")
        let screen = result.standardOutput
        #expect(screen.contains("3 items pending; ? for help."))
        #expect(screen.contains("(1/3) [a]pprove [r]eject [d]efer [s]kip [n]ote [o]pen link [q]uit [?] > "))
        #expect(screen.contains("a - approve this item"))
        #expect(screen.contains("Why is it rejected? (a note for item \(items[1]), Return for none) > Paywalled since May"))
        #expect(screen.contains("Issue \(issue): approved \(items[0]); rejected \(items[1]). 1 item still pending."))
        #expect(try status(items[0]) == "approved")
        #expect(try status(items[1]) == "rejected")
        #expect(try status(items[2]) == "pending")
        #expect(try DatabaseInspector.scalar(digest.databasePath,
            "SELECT note FROM item_states WHERE item = \(items[1]) AND valid_to IS NULL") == "Paywalled since May")
        // One revision for the whole walk.
        #expect(try version() == String(Int(before ?? "0")! + 1))
        #expect(try DatabaseInspector.scalar(digest.databasePath,
            "SELECT count(*) FROM revisions WHERE issue = \(issue) AND action = 'review'") == "1")
    }

    @Test("quitting at once changes nothing; Ctrl-C changes nothing either, even after decisions")
    func quitting() throws {
        let before = try version()
        let quit = try review(as: "theo", keys: ["q"])
        #expect(quit.status == 0)
        #expect(quit.standardOutput.contains("No decision made; nothing changed."))
        let interrupted = try review(as: "theo", keys: ["a", "\\x03"])
        #expect(interrupted.status == 0)
        #expect(interrupted.standardOutput.contains("Stopped; nothing was recorded."))
        #expect(try version() == before)
        #expect(try status(items[0]) == "pending")
    }

    @Test("q after some decisions records those; a deferred item goes to the backlog")
    func quitAfterDecisions() throws {
        let result = try review(as: "theo", keys: ["d", "q"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("Issue \(issue): deferred \(items[0]) to the backlog. 2 items still pending."))
        #expect(try DatabaseInspector.scalar(digest.databasePath, "SELECT count(*) FROM backlog WHERE item = \(items[0])") == "1")
    }

    @Test("four-eyes: the author cannot approve their own item, and is told so before anything is recorded")
    func fourEyes() throws {
        let result = try review(as: "mira", keys: ["a", "q"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("You added or last edited item \(items[0]); with four-eyes review someone "
            + "else approves it."))
        #expect(result.standardOutput.contains("No decision made; nothing changed."))
        #expect(try status(items[0]) == "pending")
    }

    @Test("o opens the item's link with $BROWSER")
    func openLink() throws {
        let marker = digest.directory.file("opened.txt")
        let browser = digest.directory.file("browser.sh")
        try "#!/bin/sh\nprintf '%s' \"$1\" > '\(marker)'\n".write(toFile: browser, atomically: true, encoding: .utf8)
        chmod(browser, 0o755)
        let result = try review(as: "theo", keys: ["o", "q"], environment: ["BROWSER": browser])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("Opened https://harbour.example/tides."))
        #expect(try String(contentsOfFile: marker, encoding: .utf8) == "https://harbour.example/tides")
    }

    @Test("through a pipe, or with --json, review prints the pending items as before")
    func notATerminal() throws {
        let piped = try digest.run("review", String(issue), as: "theo")
        #expect(piped.status == 0)
        #expect(!piped.standardOutput.contains("[a]pprove"))
        #expect(piped.standardOutput.contains("Ferry times"))
    }
}
