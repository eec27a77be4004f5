import Foundation
import Testing

@Suite("send: test copies and real sends through the mail command")
struct SendTests {
    let directory: TemporaryDirectory
    let digest: Digest

    init() throws {
        directory = try TemporaryDirectory()
        digest = Digest(directory: directory)
        try digest.initialise()
        #expect(try digest.run("config", "list.unsubscribe", "https://harbour.example/leave").status == 0)
        // A stand-in for sendmail that records its arguments and standard input,
        // and fails when the file `fail` exists.
        let script = try directory.write("fake-sendmail", """
            #!/bin/sh
            if [ -e "\(directory.path)/fail" ]; then echo "relay refused: 554 no thanks" >&2; exit 75; fi
            printf '%s\\n' "$@" > "\(directory.path)/args"
            cat > "\(directory.path)/stdin"
            """)
        _ = chmod(script, 0o755)
        let set = try digest.run("config", "mail.command", "\(script) -t -oi")
        #expect(set.status == 0, "\(set.standardError)")
    }

    /// The database as the sqlite3 shell dumps it: any change shows.
    func dump() throws -> [String] {
        try DatabaseInspector.query(digest.databasePath, ".dump")
    }

    func sent() -> (args: [String], stdin: [UInt8])? {
        guard let args = try? directory.read("args"), let stdin = try? directory.bytes("stdin") else { return nil }
        return (args.split(separator: "\n").map(String.init), stdin)
    }

    func clearSent() {
        try? FileManager.default.removeItem(atPath: directory.file("args"))
        try? FileManager.default.removeItem(atPath: directory.file("stdin"))
    }

    /// A published issue with one approved item.
    func publishedIssue() throws -> Int {
        let issue = try digest.draft()
        let item = try digest.addItem(issue, url: "https://tides.example/explained")
        #expect(try digest.run("submit", String(issue)).status == 0)
        #expect(try digest.run(["review", String(issue), "--approve", String(item)], as: "ben").status == 0)
        let published = try digest.run("publish", String(issue), "--out", "out")
        #expect(published.status == 0, "\(published.standardError)")
        return issue
    }

    func header(_ name: String, in message: [UInt8]) -> String? {
        let text = String(decoding: message, as: UTF8.self)
        guard let head = text.components(separatedBy: "\r\n\r\n").first else { return nil }
        return head.components(separatedBy: "\r\n").first { $0.hasPrefix(name + ": ") }.map { String($0.dropFirst(name.count + 2)) }
    }

    func body(_ message: [UInt8]) -> String {
        let text = String(decoding: message, as: UTF8.self)
        return text.range(of: "\r\n\r\n").map { String(text[$0.lowerBound...]) } ?? ""
    }

    @Test("--test on a draft pipes a [TEST] copy addressed to the test recipient only, and changes nothing")
    func testCopyOfDraft() throws {
        let issue = try digest.draft()
        try digest.addItem(issue, url: "https://tides.example/explained")
        let before = try dump()
        let result = try digest.run("send", String(issue), "--test", "--to", "mira@harbour.example,theo@harbour.example")
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == "Sent a test copy of issue \(issue), as it stands (draft, version 2), to "
            + "mira@harbour.example, theo@harbour.example; nothing was recorded.\n")
        let (args, stdin) = try #require(sent())
        #expect(args == ["-t", "-oi", "mira@harbour.example", "theo@harbour.example"])
        #expect(header("Subject", in: stdin) == "[TEST] Harbour notes")
        #expect(header("To", in: stdin) == "mira@harbour.example, theo@harbour.example")
        #expect(!String(decoding: stdin, as: UTF8.self).contains("readers@lists.harbour.example"))
        #expect(try dump() == before)
    }

    @Test("a real send needs a published issue: a draft is refused (exit 1) and the mail command never runs")
    func realSendOfDraftRefused() throws {
        let issue = try digest.draft()
        try digest.addItem(issue, url: "https://tides.example/explained")
        let before = try dump()
        let result = try digest.run("send", String(issue), "--to", "readers@lists.harbour.example")
        #expect(result.status == 1)
        #expect(result.standardError == "digest: error: issue \(issue) is a draft, and only a published edition can be "
            + "sent; send yourself a copy with 'digest send \(issue) --test --to ADDRESS', or publish it first.\n")
        #expect(sent() == nil)
        #expect(try dump() == before)
    }

    @Test("a real send pipes exactly 'render --format email' with the recipients, and is recorded once")
    func realSend() throws {
        let issue = try publishedIssue()
        let rendered = try digest.run("render", String(issue), "--format", "email")
        let result = try digest.run("send", String(issue), "--to", "readers@lists.harbour.example")
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == "Sent issue \(issue), edition 1, to readers@lists.harbour.example (recorded; "
            + "'digest history \(issue)' lists every send).\n")
        let (args, stdin) = try #require(sent())
        #expect(args == ["-t", "-oi", "readers@lists.harbour.example"])
        #expect(stdin == Array(rendered.standardOutput.utf8), "the mail command got the rendered email byte for byte")
        #expect(stdin == (try directory.bytes("out/\(issue)-2026-11-23.eml")))
        #expect(header("List-Unsubscribe-Post", in: stdin) == "List-Unsubscribe=One-Click")

        let rows = try DatabaseInspector.query(digest.databasePath, "SELECT issue, edition, sent_by, recipients, "
            + "sent_at LIKE '____-__-__T__:__:__Z' FROM sends")
        #expect(rows == ["\(issue)|1|ana|readers@lists.harbour.example|1"])
        let history = try digest.run("history", String(issue))
        #expect(history.standardOutput.contains("\nSENDS\nEDITION  SENT"))
        #expect(history.standardOutput.contains("ana  readers@lists.harbour.example\n"))
        let historyJSON = try digest.run("history", String(issue), "--json")
        let sends = try #require(try JSONReader.array(historyJSON.standardOutput, "sends") as? [[String: Any]])
        #expect(sends.count == 1 && sends[0]["edition"] as? Int == 1 && sends[0]["sent_by"] as? String == "ana"
            && sends[0]["recipients"] as? [String] == ["readers@lists.harbour.example"])
        let show = try digest.run("show", String(issue))
        #expect(show.standardOutput.contains("  edition 1 sent "))
        #expect(show.standardOutput.contains(" by ana to readers@lists.harbour.example\n"))
        let showJSON = try digest.run("show", String(issue), "--json")
        #expect((try JSONReader.array(showJSON.standardOutput, "issue", "sends"))?.count == 1)

        // The same edition again: refused, unless --again.
        clearSent()
        let again = try digest.run("send", String(issue), "--to", "readers@lists.harbour.example")
        #expect(again.status == 1)
        #expect(again.standardError.hasPrefix("digest: error: edition 1 of issue \(issue) was already sent on "))
        #expect(again.standardError.hasSuffix(" by ana to readers@lists.harbour.example; to send it again, add --again.\n"))
        #expect(sent() == nil)
        let forced = try digest.run("send", String(issue), "--to", "readers@lists.harbour.example", "--again")
        #expect(forced.status == 0, "\(forced.standardError)")
        #expect(try DatabaseInspector.scalar(digest.databasePath, "SELECT count(*) FROM sends") == "2")
    }

    @Test("--test of a published issue sends its stored edition's body with a [TEST] Subject and its own Message-ID")
    func testCopyOfEdition() throws {
        let issue = try publishedIssue()
        let stored = try directory.bytes("out/\(issue)-2026-11-23.eml")
        let before = try dump()
        let result = try digest.run("send", String(issue), "--test", "--to", "mira@harbour.example")
        #expect(result.status == 0, "\(result.standardError)")
        let (_, stdin) = try #require(sent())
        #expect(body(stdin) == body(stored))
        #expect(header("Subject", in: stdin) == "[TEST] Harbour notes")
        #expect(header("To", in: stdin) == "mira@harbour.example")
        #expect(header("Message-ID", in: stdin) != header("Message-ID", in: stored))
        #expect(header("Message-ID", in: stdin)?.hasPrefix("<digest-test.\(issue).0.") == true)
        #expect(try dump() == before)
    }

    @Test("a failing mail command gives 69 with its standard error, and nothing is recorded")
    func failingCommand() throws {
        let issue = try publishedIssue()
        _ = try directory.write("fail", "")
        let before = try dump()
        for arguments in [["send", String(issue), "--to", "readers@lists.harbour.example"],
                          ["send", String(issue), "--test", "--to", "mira@harbour.example"]] {
            let result = try digest.run(arguments)
            #expect(result.status == 69, "\(arguments)")
            #expect(result.standardError.contains("-t -oi' exited with status 75, so nothing was sent:\n"
                + "relay refused: 554 no thanks\n"), "\(result.standardError)")
        }
        #expect(try dump() == before)
        #expect(try DatabaseInspector.scalar(digest.databasePath, "SELECT count(*) FROM sends") == "0")

        #expect(try digest.run("config", "mail.command", "no-such-mailer-anywhere -t").status == 0)
        let missing = try digest.run("send", String(issue), "--to", "readers@lists.harbour.example")
        #expect(missing.status == 69)
        #expect(missing.standardError.contains("the mail command 'no-such-mailer-anywhere' was not found"))
        #expect(try DatabaseInspector.scalar(digest.databasePath, "SELECT count(*) FROM sends") == "0")
    }

    @Test("bad recipients are refused (65) naming each, and a missing --to is a usage error (64)")
    func badRecipients() throws {
        let issue = try publishedIssue()
        let bad = try digest.run("send", String(issue), "--to", "readers@lists.harbour.example,-oQ/tmp,not-an-address")
        #expect(bad.status == 65)
        #expect(bad.standardError.contains("--to \"-oQ/tmp\": it is not an email address"))
        #expect(bad.standardError.contains("--to \"not-an-address\": it is not an email address"))
        #expect(sent() == nil)
        #expect(try digest.run("send", String(issue)).status == 64)
    }
}
