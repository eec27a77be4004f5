import Foundation
import Testing

/// Identities that hold: with `identity` = account, digest acts as the
/// operating-system account running it, whatever `--as`, `$DIGEST_USER` or
/// `$USER` say. Each test runs the built binary as throwaway accounts.
@Suite("Identity modes, as real system accounts", .enabled(if: SystemAccounts.available, "needs root and useradd"))
struct IdentityTests {
    let accounts: SystemAccounts

    init() throws {
        accounts = try SystemAccounts(["ana", "ben"])
        let (ana, ben) = (accounts.name("ana"), accounts.name("ben"))
        try accounts.step(["init", "--publication", "The Harbour Weekly"], as: "ana")
        accounts.shareDatabase()
        try accounts.step(["config", "people.\(ana)", "both"], as: "ana")
        try accounts.step(["config", "people.\(ben)", "reviewer"], as: "ana")
        try accounts.step(["config", "identity", "account"], as: "ana")
    }

    /// Issue 1 in review with one item added by ana's account.
    func issueInReview() throws {
        try accounts.step(["draft", "--date", "2026-11-23", "--title", "Harbour notes"], as: "ana")
        try accounts.step(["add-item", "1", "--title", "Tide tables, explained", "--url", "https://tides.example/a",
                           "--source", "Coastal Review", "--date", "2026-11-20", "--excerpt", "Two tides a day."], as: "ana")
        try accounts.step(["submit", "1"], as: "ana")
    }

    @Test("--as naming another person is refused with 77 and changes nothing")
    func asIsRefused() throws {
        try issueInReview()
        let before = try accounts.databaseBytes()
        let result = try accounts.run(["--as", accounts.name("ben"), "review", "1", "--approve", "1"], as: "ana")
        #expect(result.status == 77)
        #expect(result.standardError == "digest: error: identity is account in this database: digest acts as the "
            + "system account running it (\(accounts.name("ana"))), and --as names \(accounts.name("ben")). To act as "
            + "\(accounts.name("ben")), run digest from that account; otherwise leave out --as.\n")
        #expect(try accounts.databaseBytes() == before)
    }

    @Test("$DIGEST_USER naming another person is refused with 77 and changes nothing")
    func environmentIsRefused() throws {
        try issueInReview()
        let before = try accounts.databaseBytes()
        let result = try accounts.run(["review", "1", "--approve", "1"], as: "ana",
                                      environment: ["DIGEST_USER": accounts.name("ben")])
        #expect(result.status == 77)
        #expect(result.standardError.contains("and DIGEST_USER names \(accounts.name("ben"))"))
        #expect(try accounts.databaseBytes() == before)
    }

    @Test("$USER and $LOGNAME are not identities: the effective uid's account acts, and four-eyes holds")
    func userVariableIsIgnored() throws {
        try issueInReview()
        let before = try accounts.databaseBytes()
        let ben = accounts.name("ben")
        let result = try accounts.run(["review", "1", "--approve", "1"], as: "ana", environment: ["USER": ben, "LOGNAME": ben])
        #expect(result.status == 77)
        #expect(result.standardError.contains("\(accounts.name("ana")) added item 1, and four-eyes review is on"))
        #expect(try accounts.databaseBytes() == before)
    }

    @Test("naming yourself is fine; history records each change's actor and that the account vouched for it")
    func historyRecordsTheIdentity() throws {
        try issueInReview()
        let ben = accounts.name("ben")
        try accounts.step(["--as", ben, "review", "1", "--approve", "1"], as: "ben", environment: ["DIGEST_USER": ben])
        let history = try accounts.step(["history", "1", "--json"], as: "ben")
        let revisions = try #require(try JSONReader.array(history.standardOutput, "revisions") as? [[String: Any]])
        #expect(revisions.map { $0["identity"] as? String } == ["account", "account", "account", "account"])
        #expect(revisions.map { $0["actor"] as? String }.last == ben)
        let text = try accounts.step(["history", "1"], as: "ana")
        #expect(text.standardOutput.split(separator: "\n").first?.contains("ACTOR") == true)
        #expect(text.standardOutput.contains("\(ben)  account   review"))
    }

    @Test("identity cannot change while an issue is in review (1, naming it); an editor's account switches it back")
    func switchingBack() throws {
        try issueInReview()
        let before = try accounts.databaseBytes()
        let refused = try accounts.run(["config", "identity", "declared"], as: "ana")
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("identity cannot change while an issue is in review (issue 1)"))
        #expect(try accounts.databaseBytes() == before)
        let notEditor = try accounts.run(["config", "identity", "declared"], as: "ben")
        #expect(notEditor.status == 77)
        try accounts.step(["reopen", "1", "--reason", "Back to declared names"], as: "ana")
        try accounts.step(["config", "identity", "declared"], as: "ana")
        let log = try accounts.step(["config", "--log", "--json"], as: "ana")
        let entries = try #require(try JSONReader.array(log.standardOutput, "log") as? [[String: Any]])
        #expect(entries.first?["key"] as? String == "identity")
        #expect(entries.first?["identity"] as? String == "account")
        // Declared again: --as is the person's word (ben's account may say ana), and history says so.
        try accounts.step(["--as", accounts.name("ana"), "draft", "--date", "2026-11-30"], as: "ben")
        let history = try accounts.step(["history", "2", "--json"], as: "ben")
        let revisions = try #require(try JSONReader.array(history.standardOutput, "revisions") as? [[String: Any]])
        #expect(revisions.map { $0["identity"] as? String } == ["declared"])
        #expect(revisions.map { $0["actor"] as? String } == [accounts.name("ana")])
    }
}
