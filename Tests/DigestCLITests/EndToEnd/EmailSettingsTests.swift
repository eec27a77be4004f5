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
}
