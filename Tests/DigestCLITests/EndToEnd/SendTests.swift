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
        let result = try digest.run("send", String(issue), "--to", "readers@lists.harbour.example", "--yes")
        #expect(result.status == 1)
        #expect(result.standardError == "digest: error: issue \(issue) is a draft, and only a published edition can be "
            + "sent; send yourself a copy with 'digest send \(issue) --test --to ADDRESS', or publish it first.\n")
        #expect(sent() == nil)
        #expect(try dump() == before)
    }

    /// The header section without the Date line.
    func headersButDate(_ message: [UInt8]) -> [String] {
        let text = String(decoding: message, as: UTF8.self)
        return (text.components(separatedBy: "\r\n\r\n").first ?? "").components(separatedBy: "\r\n")
            .filter { !$0.hasPrefix("Date: ") }
    }

    @Test("a real send pipes the published email, dated when it is sent, with the recipients; the bytes sent are recorded")
    func realSend() throws {
        let issue = try publishedIssue()
        let stored = try directory.bytes("out/\(issue)-2026-11-23.eml")
        // Sent a day after publishing: the Date is the send's, not the edition's.
        let sendTime = Int(Date().timeIntervalSince1970) + 86_400
        let result = try digest.run(["send", String(issue), "--to", "readers@lists.harbour.example", "--yes"],
                                    environment: ["SOURCE_DATE_EPOCH": String(sendTime)])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == "Sent issue \(issue), edition 1, to readers@lists.harbour.example (recorded; "
            + "'digest history \(issue)' lists every send).\n")
        let (args, stdin) = try #require(sent())
        #expect(args == ["-t", "-oi", "readers@lists.harbour.example"])
        #expect(body(stdin) == body(stored), "the body is the published edition's, byte for byte")
        #expect(headersButDate(stdin) == headersButDate(stored), "every header but Date as published")
        let expectedDate = DateFormatter.rfc5322.string(from: Date(timeIntervalSince1970: TimeInterval(sendTime)))
        #expect(header("Date", in: stdin) == expectedDate)
        #expect(header("Date", in: stdin) != header("Date", in: stored))
        #expect(header("List-Unsubscribe-Post", in: stdin) == "List-Unsubscribe=One-Click")
        #expect(header("List-Id", in: stdin) == "The Harbour Weekly <readers.lists.harbour.example>")
        // The message recorded with the send is the one delivered, byte for byte.
        let recorded = try DatabaseInspector.scalar(digest.databasePath, "SELECT hex(message) FROM sends")
        #expect(recorded == stdin.map { String(format: "%02X", $0) }.joined())

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
        let firstID = header("Message-ID", in: stdin)
        let again = try digest.run("send", String(issue), "--to", "readers@lists.harbour.example", "--yes")
        #expect(again.status == 1)
        #expect(again.standardError.hasPrefix("digest: error: edition 1 of issue \(issue) was already sent on "))
        #expect(again.standardError.hasSuffix(" by ana to readers@lists.harbour.example; to send it again, add --again.\n"))
        #expect(sent() == nil)
        let forced = try digest.run("send", String(issue), "--to", "readers@lists.harbour.example", "--again", "--yes")
        #expect(forced.status == 0, "\(forced.standardError)")
        #expect(try DatabaseInspector.scalar(digest.databasePath, "SELECT count(*) FROM sends") == "2")
        // Sent again, it is a new message: a Message-ID of its own.
        let (_, resent) = try #require(sent())
        #expect(header("Message-ID", in: resent) != firstID)
        #expect(header("Message-ID", in: resent)?.hasPrefix("<digest.\(issue).1.") == true)
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
        for arguments in [["send", String(issue), "--to", "readers@lists.harbour.example", "--yes"],
                          ["send", String(issue), "--test", "--to", "mira@harbour.example"]] {
            let result = try digest.run(arguments)
            #expect(result.status == 69, "\(arguments)")
            #expect(result.standardError.contains("-t -oi' exited with status 75, so nothing was sent:\n"
                + "relay refused: 554 no thanks\n"), "\(result.standardError)")
        }
        #expect(try dump() == before)
        #expect(try DatabaseInspector.scalar(digest.databasePath, "SELECT count(*) FROM sends") == "0")

        #expect(try digest.run("config", "mail.command", "no-such-mailer-anywhere -t").status == 0)
        let missing = try digest.run("send", String(issue), "--to", "readers@lists.harbour.example", "--yes")
        #expect(missing.status == 69)
        #expect(missing.standardError.contains("the mail command 'no-such-mailer-anywhere' was not found"))
        #expect(try DatabaseInspector.scalar(digest.databasePath, "SELECT count(*) FROM sends") == "0")
    }

    @Test("bad recipients are refused (65) naming each, and a missing --to is a usage error (64)")
    func badRecipients() throws {
        let issue = try publishedIssue()
        let bad = try digest.run("send", String(issue), "--to", "readers@lists.harbour.example,-oQ/tmp,not-an-address", "--yes")
        #expect(bad.status == 65)
        #expect(bad.standardError.contains("--to \"-oQ/tmp\": it is not an email address"))
        #expect(bad.standardError.contains("--to \"not-an-address\": it is not an email address"))
        #expect(sent() == nil)
        let test = try digest.run("send", String(issue), "--test")
        #expect(test.status == 64)
        #expect(test.standardError.hasPrefix("digest: error: say who gets the test copy with --to ADDRESS (a test never goes to the list).\n"))
    }

    @Test("without --to a real send goes to list.address; a script must say --yes (64 without), and nothing is sent before")
    func toTheList() throws {
        let issue = try publishedIssue()
        let unasked = try digest.run("send", String(issue))
        #expect(unasked.status == 64)
        #expect(unasked.standardError.hasPrefix("digest: error: a real send of issue \(issue) to readers@lists.harbour.example "
            + "is not asked about here (no terminal); add --yes to send it.\n"))
        #expect(sent() == nil)
        #expect(try DatabaseInspector.scalar(digest.databasePath, "SELECT count(*) FROM sends") == "0")
        let result = try digest.run("send", String(issue), "--yes")
        #expect(result.status == 0, "\(result.standardError)")
        let (args, _) = try #require(sent())
        #expect(args == ["-t", "-oi", "readers@lists.harbour.example"])
        #expect(try DatabaseInspector.scalar(digest.databasePath, "SELECT recipients FROM sends") == "readers@lists.harbour.example")
    }

    @Test("at a terminal a real send shows the recipients, the Subject and the edition, and sends only on y")
    func confirmedAtTerminal() throws {
        let issue = try publishedIssue()
        let script = Products.packageRoot + "/Tests/DigestCLITests/Fixtures/pty_run.py"
        var environment = digest.environment
        environment["DIGEST_USER"] = "ana"
        let declined = try Digest.execute("/usr/bin/env", ["python3", script, "--keys", "n", "--prompt", "[y/N] ", "--",
                                                           Products.digest, "send", String(issue)],
                                          environment: environment, directory: directory.path)
        #expect(declined.standardOutput.contains("Send issue \(issue), edition 1, for real:\r\n"
            + "  To:      readers@lists.harbour.example\r\n  Subject: Harbour notes\r\nSend it? [y/N] "), "\(declined.standardOutput)")
        #expect(declined.standardOutput.contains("nothing was sent (the answer was not y)."))
        #expect(sent() == nil)
        let confirmed = try Digest.execute("/usr/bin/env", ["python3", script, "--keys", "y", "--prompt", "[y/N] ", "--",
                                                            Products.digest, "send", String(issue)],
                                           environment: environment, directory: directory.path)
        #expect(confirmed.standardOutput.contains("Sent issue \(issue), edition 1, to readers@lists.harbour.example"),
                "\(confirmed.standardOutput)")
        #expect(sent() != nil)
        #expect(try DatabaseInspector.scalar(digest.databasePath, "SELECT count(*) FROM sends") == "1")
    }
}

extension DateFormatter {
    /// RFC 5322's date, in UTC, as the Date header writes it.
    static let rfc5322: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, d MMM yyyy HH:mm:ss '+0000'"
        return formatter
    }()
}
