import Foundation
import Testing

@Suite("Email settings: one address rule, and no line breaks into a header")
struct EmailSettingsTests {
    let directory: TemporaryDirectory
    let digest: Digest

    init() throws {
        directory = try TemporaryDirectory()
        digest = Digest(directory: directory)
        try digest.initialise()
    }

    @Test("config refuses what the email could not send from, naming the value and the fix; nothing changes", arguments: [
        ("publication.email", "ünï@exämple.com",
         "publication.email \"ünï@exämple.com\": it has characters outside ASCII, which email headers cannot carry "
            + "reliably; use an ASCII address; write an internationalised domain in its xn-- form."),
        ("list.address", "readers@lists.harbour.example\r\nBcc: everyone@example.org",
         "list.address \"readers@lists.harbour.example\\r\\nBcc: everyone@example.org\": it has a control character "
            + "(U+D); keep the address on one line, without control characters."),
        ("list.reply-to", "letters@harbour.example\r\nBcc: everyone@example.org",
         "list.reply-to \"letters@harbour.example\\r\\nBcc: everyone@example.org\": it has a control character "
            + "(U+D); keep the address on one line, without control characters."),
        ("list.id", "readers at harbour",
         "list.id \"readers at harbour\": it is not a list id; give dot-separated words, such as readers.harbour.example."),
        ("publication.postal-address", "12 Quay Street\nTidewater",
         "publication.postal-address \"12 Quay Street\\nTidewater\": it has a line break; keep it on one line."),
        ("publication.name", "The Harbour Weekly\r\nBcc: everyone@example.org",
         "publication.name \"The Harbour Weekly\\r\\nBcc: everyone@example.org\": it has a line break; keep it on one line."),
    ])
    func configRefuses(_ key: String, _ value: String, _ message: String) throws {
        let before = try DatabaseInspector.query(digest.databasePath, "SELECT key, value FROM settings ORDER BY key")
        let result = try digest.run("config", key, value)
        #expect(result.status == 65)
        #expect(result.standardError == "digest: error: \(message)\n")
        #expect(try DatabaseInspector.query(digest.databasePath, "SELECT key, value FROM settings ORDER BY key") == before)
    }

    @Test("an issue title with CR/LF (the email's Subject) is refused")
    func subjectRefused() throws {
        let result = try digest.run("draft", "--date", "2026-11-23", "--title", "No. 4\r\nBcc: everyone@example.org")
        #expect(result.status == 65)
        #expect(result.standardError == "digest: error: --title \"No. 4\\r\\nBcc: everyone@example.org\": it has a line break; keep it on one line.\n")
        #expect(try DatabaseInspector.query(digest.databasePath, "SELECT count(*) FROM issues") == ["0"])
    }

    @Test("an address config accepts is the address the email is sent from")
    func acceptedAddressIsUsed() throws {
        #expect(try digest.run("config", "publication.email", "news@xn--exmple-cua.example").status == 0)
        let issue = try digest.draft()
        try digest.addItem(issue, url: "https://tides.example/explained")
        let email = try digest.run("render", String(issue), "--format", "email")
        #expect(email.status == 0)
        #expect(email.standardOutput.contains("From: The Harbour Weekly <news@xn--exmple-cua.example>\r\n"))
        #expect(email.standardError == "")
    }

    /// A published issue with one approved item, its email in out/.
    func publish(_ issue: Int, item: Int, out: String) throws {
        let submitted = try digest.run("submit", String(issue))
        #expect(submitted.status == 0, "\(submitted.standardError)")
        let approved = try digest.run(["review", String(issue), "--approve", String(item)], as: "ben")
        #expect(approved.status == 0, "\(approved.standardError)")
        let published = try digest.run("publish", String(issue), "--out", out)
        #expect(published.status == 0, "\(published.standardError)")
    }

    func header(_ name: String, in email: String) -> String? {
        let head = email.components(separatedBy: "\r\n\r\n").first ?? ""
        return head.components(separatedBy: "\r\n").first { $0.hasPrefix(name + ": ") }.map { String($0.dropFirst(name.count + 2)) }
    }

    @Test("List-Id, Reply-To and the postal address reach the email; a correction says so in its Subject and why at its top")
    func listHeadersAndCorrections() throws {
        for (key, value) in [("list.reply-to", "letters@harbour.example"), ("publication.postal-address", "12 Quay Street, Tidewater TW1 2AB")] {
            #expect(try digest.run("config", key, value).status == 0)
        }
        let issue = try digest.draft()
        let item = try digest.addItem(issue, url: "https://tides.example/explained")
        try publish(issue, item: item, out: "first")
        let first = try directory.read("first/\(issue)-2026-11-23.eml")
        #expect(header("List-Id", in: first) == "The Harbour Weekly <readers.lists.harbour.example>")
        #expect(header("Reply-To", in: first) == "letters@harbour.example")
        #expect(header("Subject", in: first) == "Harbour notes")
        let text = try directory.read("first/\(issue)-2026-11-23.txt")
        #expect(text.hasSuffix("12 Quay Street, Tidewater TW1 2AB\n"))
        #expect(try directory.read("first/\(issue)-2026-11-23.html").contains("<br>12 Quay Street, Tidewater TW1 2AB"))

        // list.id wins over the address; the second edition is a correction, with the reason given to reopen.
        #expect(try digest.run("config", "list.id", "Weekly.Harbour.Example").status == 0)
        let reopened = try digest.run("reopen", String(issue), "--reason", "The ferry times were for the winter timetable")
        #expect(reopened.status == 0, "\(reopened.standardError)")
        #expect(try digest.run("edit-item", String(issue), String(item), "--excerpt", "Summer times, corrected.").status == 0)
        try publish(issue, item: item, out: "second")
        let second = try directory.read("second/\(issue)-2026-11-23-edition-2.eml")
        #expect(header("Subject", in: second) == "Correction: Harbour notes")
        #expect(header("List-Id", in: second) == "The Harbour Weekly <weekly.harbour.example>")
        let secondText = try directory.read("second/\(issue)-2026-11-23-edition-2.txt")
        #expect(secondText.contains("\nCorrection (edition 2): The ferry times were for the winter timetable\n"))
        #expect(try directory.read("second/\(issue)-2026-11-23-edition-2.md").contains(
            "*Correction (edition 2): The ferry times were for the winter timetable*"))

        // The prefix is a setting; an edition after the first takes it.
        #expect(try digest.run("config", "email.correction-prefix", "[Corrected] ").status == 0)
        #expect(try digest.run("reopen", String(issue), "--reason", "A typo in the intro").status == 0)
        #expect(try digest.run("edit-item", String(issue), String(item), "--excerpt", "Summer times, corrected again.").status == 0)
        try publish(issue, item: item, out: "third")
        let third = try directory.read("third/\(issue)-2026-11-23-edition-3.eml")
        #expect(header("Subject", in: third) == "[Corrected] Harbour notes")
        #expect(try digest.run("config", "email.correction-prefix").standardOutput == "[Corrected] \n")
    }
}
