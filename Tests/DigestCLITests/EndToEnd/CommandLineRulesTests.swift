import Foundation
import Testing

@Suite("Command-line rules")
struct CommandLineRulesTests {
    let directory: TemporaryDirectory
    let digest: Digest

    init() throws {
        directory = try TemporaryDirectory()
        digest = Digest(directory: directory)
        try digest.initialise()
    }

    @Test("an option given twice is refused with 64 naming it, unless it is documented as repeatable", arguments: [
        (["draft", "--date", "2026-11-30", "--title", "a", "--title", "b"], "--title is given twice ('a', then 'b'); give it once."),
        (["draft", "--date=2026-11-30", "--date", "2026-12-07"], "--date is given twice ('2026-11-30', then '2026-12-07'); give it once."),
        (["--db", "one.sqlite", "list", "--db", "two.sqlite"], "--db is given twice ('one.sqlite', then 'two.sqlite'); give it once."),
        (["render", "1", "--format", "text", "--format", "html"], "--format is given twice ('text', then 'html'); give it once."),
    ])
    func repeatedOption(arguments: [String], message: String) throws {
        let before = try directory.bytes("digest.sqlite")
        let result = try digest.run(arguments)
        #expect(result.status == 64)
        #expect(result.standardError.split(separator: "\n").first.map(String.init) == "digest: error: " + message)
        #expect(try directory.bytes("digest.sqlite") == before)
    }

    @Test("a repeatable option adds up")
    func repeatableOption() throws {
        let issue = try digest.draft()
        let first = try digest.addItem(issue, url: "https://tides.example/a")
        let second = try digest.addItem(issue, title: "Seals", url: "https://seals.example/b")
        try digest.run("submit", String(issue))
        let result = try digest.run(["review", String(issue), "--approve", String(first), "--approve", String(second)], as: "ben")
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("Issue \(issue): approved \(first), \(second);"))
    }

    @Test("a missing required option is a usage error (64), as the reference says", arguments: [
        (["reopen", "1"], "'reopen' needs --reason TEXT — why it is reopened (kept in the history)."),
        (["draft"], "'draft' needs --date DATE — the issue's date: YYYY-MM-DD (also YYYY/MM/DD, September 28 2020, …)."),
        (["draft", "--title", "No date"], "'draft' needs --date DATE — the issue's date: YYYY-MM-DD (also YYYY/MM/DD, September 28 2020, …)."),
        (["render", "1"], "'render' needs --format FORMAT — markdown (or md), html, text (or txt) or email."),
        (["export"], "'export' needs --out DIR — the folder to write (created if needed)."),
    ])
    func missingRequiredOption(arguments: [String], message: String) throws {
        let result = try digest.run(arguments)
        #expect(result.status == 64)
        let lines = result.standardError.split(separator: "\n").map(String.init)
        #expect(lines.first == "digest: error: " + message)
        #expect(lines.last == "See 'digest help \(arguments[0])'.")
        #expect(try digest.run("help", arguments[0]).standardOutput.contains("(required)"))
    }

    @Test("when every item is rejected, the hint says what can be done instead of 'publish'")
    func everythingRejected() throws {
        let issue = try digest.draft()
        let first = try digest.addItem(issue, url: "https://tides.example/a")
        let second = try digest.addItem(issue, title: "Seals", url: "https://seals.example/b")
        try digest.run("submit", String(issue))
        let result = try digest.run(["review", String(issue), "--reject", "\(first),\(second)"], as: "ben")
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("Issue \(issue): rejected \(first), \(second)"))
        #expect(result.standardOutput.hasSuffix(" Nothing is pending, but no item is approved, so the issue cannot be "
            + "published: approve one with 'digest review \(issue) --approve ITEM', or reopen the issue to add items "
            + "with 'digest reopen \(issue) --reason TEXT'.\n"))
        #expect(!result.standardOutput.contains("publish with"))
        #expect(try digest.run("publish", String(issue)).status == 1)
        let approved = try digest.run(["review", String(issue), "--approve", String(first)], as: "ben")
        #expect(approved.standardOutput == "Issue \(issue): approved \(first). Nothing is pending; publish with "
            + "'digest publish \(issue)'.\n")
        #expect(try digest.run("publish", String(issue), "--out", "out").status == 0)
    }

    @Test("list shows an untitled issue by the title its renders carry")
    func untitledInList() throws {
        let result = try digest.run("draft", "--date", "2026-11-23")
        #expect(result.status == 0)
        let list = try digest.run("list").standardOutput
        let row = list.split(separator: "\n").dropFirst().first.map(String.init) ?? ""
        let heading = try digest.run("render", "1", "--format", "markdown").standardOutput
            .split(separator: "\n").first { $0.hasPrefix("## ") }
        let title = try #require(heading.map { String($0.dropFirst(3)) })
        #expect(title.hasPrefix("The Harbour Weekly — Issue 1, November"))
        #expect(row.hasSuffix("  " + title))
        #expect(try digest.run("render", "1", "--format", "text").standardOutput.contains("\n" + title + "\n"))
    }
}
