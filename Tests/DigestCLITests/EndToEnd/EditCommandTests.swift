import Foundation
import Testing

/// `digest edit` end to end, with EDITOR set to scripts that change the
/// text as a person would: a field, a move, a new block, a removed block, an
/// invalid date fixed by a second run, an emptied file, an unchanged one, and
/// another person's revision while the editor is open.
@Suite("edit: the whole issue in the editor, one revision")
struct EditCommandTests {
    let digest: Digest
    let issue: Int
    var items: [Int] = []

    init() throws {
        digest = Digest(directory: try TemporaryDirectory())
        try digest.initialise()
        issue = try digest.draft(title: "Harbour notes")
        for (title, path) in [("Tide tables, explained", "tides"), ("Ferry times", "ferry"), ("Quay works", "quay")] {
            items.append(try digest.addItem(issue, title: title, url: "https://harbour.example/\(path)"))
        }
    }

    /// An editor that runs `python` on the text (in `text`) and writes the result back.
    func editor(_ name: String, _ python: String) throws -> String {
        let path = digest.directory.file("\(name).sh")
        try """
            #!/bin/sh
            python3 - "$1" <<'PY'
            import sys, re
            path = sys.argv[1]
            text = open(path).read()
            \(python)
            open(path, "w").write(text)
            PY

            """.write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o755)
        return path
    }

    func edit(with editor: String, extra: [String] = []) throws -> ProcessResult {
        try digest.run(["edit", String(issue)] + extra, environment: ["EDITOR": editor, "VISUAL": ""])
    }

    func version() throws -> Int { Int(try DatabaseInspector.scalar(digest.databasePath, "SELECT version FROM issues") ?? "") ?? -1 }

    func titles() throws -> [String] {
        let shown = try digest.run("show", String(issue), "--json")
        return (try JSONReader.array(shown.standardOutput, "issue", "items") ?? []).compactMap { ($0 as? [String: Any])?["title"] as? String }
    }

    @Test("a field, a move, a new block and a removed block: one revision, seen by show, diff and history")
    func severalChanges() throws {
        let before = try version()
        let script = try editor("many", """
            text = text.replace("title: Harbour notes", "title: Harbour notes, week 48")
            blocks = text.split("\\n=== ")
            head, tides, ferry, quay = blocks[0], blocks[1], blocks[2], blocks[3]
            new = "new\\ntitle: Lighthouse open day\\nurl: https://harbour.example/lighthouse\\nsource: Harbour Office\\ndate: 2026-11-21\\n\\nThe keepers open the doors on Saturday."
            text = "\\n=== ".join([head, quay, tides, new])
            """)
        let result = try edit(with: script)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try version() == before + 1)
        #expect(result.standardOutput.hasPrefix("Issue \(issue) is at version \(before + 1): changed the issue's title; "
            + "removed item \(items[1]); added item "))
        #expect(try titles() == ["Quay works", "Tide tables, explained", "Lighthouse open day"])
        let history = try digest.run("history", String(issue), "--json")
        #expect(try JSONReader.string(history.standardOutput, "revisions", before, "action") == "edit")
        let diff = try digest.run("diff", String(issue), String(before), String(before + 1))
        #expect(diff.standardOutput.contains("Ferry times"))
        #expect(diff.standardOutput.contains("Lighthouse open day"))
    }

    @Test("an invalid date is refused with 65 and nothing changes; a second run that fixes it applies")
    func invalidThenFixed() throws {
        let before = try version()
        let broken = try editor("broken", #"text = text.replace("date: 2026-11-20", "date: 2026-13-40", 1)"#)
        let refused = try edit(with: broken)
        #expect(refused.status == 65)
        #expect(refused.standardError.contains("item block 1"))
        #expect(refused.standardError.contains("date"))
        #expect(try version() == before)
        let fixed = try editor("fixed", #"text = text.replace("date: 2026-11-20", "date: 2026-11-19", 1)"#)
        let applied = try edit(with: fixed)
        #expect(applied.status == 0, "\(applied.standardError)")
        #expect(try version() == before + 1)
    }

    @Test("an emptied file aborts and an unchanged one changes nothing, both exit 0")
    func emptiedAndUnchanged() throws {
        let before = try version()
        let empty = try editor("empty", #"text = """#)
        let aborted = try edit(with: empty)
        #expect(aborted.status == 0)
        #expect(aborted.standardOutput == "The file was emptied: edit aborted, nothing changed.\n")
        let same = try editor("same", "pass")
        let unchanged = try edit(with: same)
        #expect(unchanged.status == 0)
        #expect(unchanged.standardOutput == "Nothing changed: issue \(issue) stays at version \(before).\n")
        #expect(try version() == before)
    }

    @Test("another person's revision while the editor is open: 75, nothing applied, the text kept in the file named")
    func concurrentRevision() throws {
        let before = try version()
        let meanwhile = try editor("meanwhile", """
            import subprocess, os
            subprocess.run([os.environ["DIGEST_BIN"], "edit-issue", "\(issue)", "--title", "Changed meanwhile"],
                           env=dict(os.environ, DIGEST_USER="theo"), check=True, stdout=subprocess.DEVNULL)
            text = text.replace("title: Tide tables, explained", "title: Tides, my version")
            """)
        let result = try digest.run(["edit", String(issue)],
                                    environment: ["EDITOR": meanwhile, "VISUAL": "", "DIGEST_BIN": Products.digest])
        #expect(result.status == 75)
        #expect(try version() == before + 1)
        #expect(try titles().first == "Tide tables, explained")
        let kept = try #require(result.standardError.range(of: "Your text is kept in ").map {
            String(result.standardError[$0.upperBound...].prefix { $0 != ":" })
        })
        #expect(try String(contentsOfFile: kept, encoding: .utf8).contains("title: Tides, my version"))
        try FileManager.default.removeItem(atPath: kept)
    }

    @Test("in review: fields and order may change, a decided item edited is pending again; adding or removing is refused")
    func inReview() throws {
        try #require(try digest.run("submit", String(issue)).status == 0)
        try #require(try digest.run(["review", String(issue), "--approve", String(items[0])], as: "theo").status == 0)
        let adding = try editor("adding", #"text += "\n=== new\ntitle: More\nurl: https://harbour.example/more\nsource: S\ndate: 2026-11-20\n\nMore text.\n""#)
        let refused = try edit(with: adding)
        #expect(refused.status == 65)
        #expect(refused.standardError.contains("is in review, so its set of items is closed"))
        let retitle = try editor("retitle", #"text = text.replace("title: Tide tables, explained", "title: Tide tables")"#)
        let applied = try edit(with: retitle)
        #expect(applied.status == 0, "\(applied.standardError)")
        #expect(try DatabaseInspector.scalar(digest.databasePath,
            "SELECT status FROM item_states WHERE item = \(items[0]) AND valid_to IS NULL") == "pending")
    }

    @Test("at a terminal an invalid text opens the editor again, the problems on top, until it is valid: one revision")
    func reopensAtATerminal() throws {
        let before = try version()
        let seen = digest.directory.file("seen.txt")
        let script = try editor("twice", """
            if "# digest:" in text:
                open("\(seen)", "w").write(text)
                text = text.replace("date: 2026-13-40", "date: 2026-11-19")
            else:
                text = text.replace("date: 2026-11-20", "date: 2026-13-40", 1)
            """)
        let command = ["python3", Products.packageRoot + "/Tests/DigestCLITests/Fixtures/pty_run.py", "--timeout", "30",
                       "--", Products.digest, "edit", String(issue)]
        var environment = digest.environment
        environment["EDITOR"] = script
        environment["VISUAL"] = ""
        let result = try Digest.execute("/usr/bin/env", command, environment: environment, directory: digest.directory.path)
        #expect(result.status == 0, "\(result.standardOutput)")
        let second = try String(contentsOfFile: seen, encoding: .utf8)
        #expect(second.hasPrefix("# digest: item block 1 (line "))
        #expect(second.contains("date"))
        #expect(try version() == before + 1)
    }

    @Test("a published issue is refused (1), and --expect-version is held to")
    func refusals() throws {
        let stale = try edit(with: "true", extra: ["--expect-version", "1"])
        #expect(stale.status == 1)
        #expect(stale.standardError.hasPrefix("digest: error: issue \(issue) is at version"))
    }
}
