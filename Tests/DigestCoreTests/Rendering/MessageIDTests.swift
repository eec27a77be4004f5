import Testing
@testable import DigestStorage
@testable import DigestModel
@testable import DigestRendering
@testable import DigestWorkflow

@Suite("Message-IDs")
struct MessageIDTests {
    @Test("a new Message-ID names the issue and edition and uses the From address's domain")
    func shape() {
        let id = EmailEnvelope.makeMessageID(issue: 12, edition: 2, fromAddress: "editors@Harbour-Weekly.example")
        #expect(id.hasPrefix("<digest.12.2."))
        #expect(id.hasSuffix("@harbour-weekly.example>"))
        let random = id.dropFirst("<digest.12.2.".count).prefix { $0 != "@" }
        #expect(random.count == 32 && random.allSatisfy(\.isHexDigit))
    }

    @Test("without a usable From address the domain is 'invalid', and an unpublished issue is edition 0")
    func fallbacks() {
        #expect(EmailEnvelope.makeMessageID(issue: 3, edition: nil, fromAddress: nil).hasSuffix("@invalid>"))
        #expect(EmailEnvelope.makeMessageID(issue: 3, edition: nil, fromAddress: "not an address").hasPrefix("<digest.3.0."))
        #expect(EmailEnvelope.makeMessageID(issue: 3, edition: 1, fromAddress: "a@b..example").hasSuffix("@invalid>"))
    }

    @Test("every new Message-ID is different")
    func unique() {
        let ids = (0..<1000).map { _ in EmailEnvelope.makeMessageID(issue: 1, edition: 1, fromAddress: "a@b.example") }
        #expect(Set(ids).count == ids.count)
    }

    @Test("an envelope adds the angle brackets a Message-ID needs")
    func brackets() {
        #expect(EmailEnvelope(date: .distantPast, messageID: "x@y.example").messageID == "<x@y.example>")
        #expect(EmailEnvelope(date: .distantPast, messageID: "<x@y.example>").messageID == "<x@y.example>")
        #expect(EmailEnvelope(date: .distantPast, messageID: "<x@y\r\nBcc: a@b>").messageID == "<x@yBcc:a@b>")
    }
}
