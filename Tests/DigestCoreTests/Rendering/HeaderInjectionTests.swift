import Foundation
import Testing
@testable import DigestStorage
@testable import DigestModel
@testable import DigestRendering
@testable import DigestWorkflow

/// CR and LF in what goes into the email's headers never start a header of their own.
@Suite("Email headers: CR/LF in a Subject, a display name or an address adds no header")
struct HeaderInjectionTests {
    static let injected = "\r\nBcc: everyone@example.org\r\nX-Evil: 1"

    func email(_ change: (inout EditionContent) -> Void) throws -> (email: String, warnings: [String]) {
        var input = RenderingFixtures.sample
        change(&input)
        let renders = try FormatRenderer().renderEdition(input, envelope: RenderingFixtures.sampleEnvelope)
        // Exactly digest's own headers, each once, with valid addresses.
        #expect(EditionRules.problems(renders, messageID: RenderingFixtures.sampleEnvelope.messageID) == [])
        let head = renders.email.components(separatedBy: "\r\n\r\n")[0]
        #expect(!head.contains("Bcc:") && !head.contains("X-Evil"))
        return (renders.email, renders.warnings)
    }

    @Test("in the Subject (the issue's title) it is carried inside encoded-words")
    func subject() throws {
        let (email, _) = try email { $0.issue.title = "Storm week" + Self.injected }
        #expect(email.contains("Subject: =?utf-8?B?"))
    }

    @Test("in the display name (the publication's name) it is carried inside encoded-words")
    func displayName() throws {
        let (email, _) = try email { $0.publication.name = "The Harbour Weekly" + Self.injected }
        #expect(email.contains("From: =?utf-8?B?"))
        #expect(email.contains(" <editors@harbour-weekly.example>\r\n"))
    }

    @Test("an address holding it is not an address: the email goes from noreply@invalid and says so")
    func address() throws {
        let (email, warnings) = try email {
            $0.publication.email = "editors@harbour-weekly.example" + Self.injected
            $0.publication.listAddress = "readers@lists.harbour-weekly.example" + Self.injected
        }
        #expect(email.contains(" <noreply@invalid>\r\nTo: noreply@invalid\r\n"))
        #expect(warnings.contains { $0.hasPrefix("The publication address ") })
        #expect(warnings.contains { $0.hasPrefix("The list address ") })
    }

    @Test("the one address rule refuses CR/LF, non-ASCII and list syntax", arguments: [
        ("editors@harbour.example\r\nBcc: x@y.example", "it has a control character (U+D)"),
        ("ünï@exämple.com", "it has characters outside ASCII, which email headers cannot carry reliably"),
        ("a@b.example, c@d.example", "it is not an email address (it needs exactly one @)"),
        ("a b@c.example", "it is not an email address (it contains ' ')"),
        ("a@localhost", "it is not an email address (the domain after @ needs a dot between names)"),
    ])
    func addressRule(_ address: String, _ reason: String) {
        #expect(EmailAddress.problem(with: address)?.reason == reason)
        #expect(EmailEnvelope.messageIDDomain(of: address) == "invalid")
    }
}
