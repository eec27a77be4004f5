import Foundation
import Testing
@testable import DigestStorage
@testable import DigestModel
@testable import DigestRendering
@testable import DigestWorkflow

@Suite("Rendering issues")
struct FormatRendererTests {
    let envelope = RenderingFixtures.sampleEnvelope

    func input(publication: PublicationInfo, title: String? = nil, edition: Int? = 1, items: [EditionItem]? = nil) -> EditionContent {
        EditionContent(
            publication: publication,
            issue: EditionIssue(number: 12, date: RenderingFixtures.date("2026-11-23"), title: title, edition: edition),
            items: items ?? RenderingFixtures.sample.items)
    }

    @Test("the display title is the issue's title, or one made of the publication, number and long date")
    func displayTitle() throws {
        #expect(input(publication: RenderingFixtures.harbour).displayTitle
            == "The Harbour Weekly — Issue 12, November 23 2026")
        #expect(input(publication: RenderingFixtures.harbour, title: "Lockfiles, again").displayTitle == "Lockfiles, again")
        #expect(input(publication: PublicationInfo(name: "  ")).displayTitle == "Digest — Issue 12, November 23 2026")
        let text = try FormatRenderer().render(input(publication: RenderingFixtures.harbour, title: "Lockfiles, again"),
                                              format: .text).output
        #expect(text.contains("\nLockfiles, again\nIssue 12, November 23 2026\n"))
    }

    @Test("with no addresses set, the email comes from noreply@invalid, goes to itself, and says how to fix both")
    func addressFallbacks() throws {
        let bare = input(publication: PublicationInfo(name: "The Harbour Weekly"))
        let rendering = try FormatRenderer().render(bare, format: .email, envelope: envelope)
        #expect(rendering.output.hasPrefix("From: The Harbour Weekly <noreply@invalid>\r\nTo: noreply@invalid\r\n"))
        #expect(rendering.output.contains("\r\nMessage-ID: \(envelope.messageID)\r\n"))
        #expect(rendering.warnings.contains { $0.contains("noreply@invalid") && $0.contains("digest config publication.email ADDR") })
        #expect(rendering.warnings.contains { $0.contains("addressed to its sender") && $0.contains("digest config list.address ADDR") })
        #expect(rendering.warnings.allSatisfy { !$0.hasPrefix("digest:") && $0.hasSuffix(".") })
        let text = try FormatRenderer().render(bare, format: .text)
        #expect(!text.warnings.contains { $0.contains("noreply") }, "only the email needs addresses")
    }

    @Test("with only a list address missing, the email is addressed to the publication's own address")
    func listAddressFallback() throws {
        var publication = RenderingFixtures.harbour
        publication.listAddress = nil
        let rendering = try FormatRenderer().render(input(publication: publication), format: .email, envelope: envelope)
        #expect(rendering.output.contains("\r\nTo: editors@harbour-weekly.example\r\n"))
        #expect(rendering.warnings.filter { $0.contains("list.address") }.count == 1)
        #expect(!rendering.warnings.contains { $0.contains("publication.email") })
    }

    @Test("List-Unsubscribe is a mailto link for an address, an https link with one-click for a web page, absent when unset")
    func listUnsubscribe() throws {
        var publication = RenderingFixtures.harbour
        publication.listUnsubscribe = "leave@lists.harbour-weekly.example"
        var email = try FormatRenderer().render(input(publication: publication), format: .email, envelope: envelope).output
        #expect(email.contains("\r\nList-Unsubscribe: <mailto:leave@lists.harbour-weekly.example>\r\n"))
        #expect(!email.contains("List-Unsubscribe-Post"))

        publication.listUnsubscribe = "https://harbour-weekly.example/leave?list=weekly"
        email = try FormatRenderer().render(input(publication: publication), format: .email, envelope: envelope).output
        #expect(email.contains("\r\nList-Unsubscribe: <https://harbour-weekly.example/leave?list=weekly>\r\n"
            + "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"))

        publication.listUnsubscribe = nil
        email = try FormatRenderer().render(input(publication: publication), format: .email, envelope: envelope).output
        #expect(!email.contains("List-Unsubscribe"))
    }

    @Test("an item without a link shows its title unlinked in every format, with a warning")
    func incompleteItem() throws {
        let renders = try FormatRenderer().renderEdition(RenderingFixtures.sample, envelope: envelope)
        #expect(renders.markdown.contains("\n### Notes from the Quayside maintainers' meetup\n"))
        #expect(renders.html.contains(">Notes from the Quayside maintainers&#39; meetup</h3>"))
        #expect(renders.warnings == ["Item 36 (position 4) has no link yet, so its title is shown without one."])
    }

    @Test("a link that is not http or https is never rendered as a link")
    func unsafeLink() throws {
        var item = RenderingFixtures.sample.items[0]
        item.url = "javascript:alert(1)"
        let rendering = try FormatRenderer().render(input(publication: RenderingFixtures.harbour, items: [item]), format: .html)
        #expect(!rendering.output.contains("javascript:"))
        #expect(rendering.warnings.contains { $0.contains("not an http or https address") })
    }

    @Test("a corrected edition says so, and the first edition does not")
    func editions() throws {
        let second = try FormatRenderer().render(input(publication: RenderingFixtures.harbour, edition: 2), format: .text).output
        #expect(second.contains("Correction (edition 2): corrected after it first went out."))
        let first = try FormatRenderer().render(input(publication: RenderingFixtures.harbour, edition: 1), format: .text).output
        #expect(!first.contains("corrected"))
    }

    @Test("consecutive items of one section share one heading")
    func sections() throws {
        let markdown = try FormatRenderer().render(RenderingFixtures.sample, format: .markdown).output
        #expect(markdown.components(separatedBy: "\n## Releases\n").count == 2)
        #expect(markdown.components(separatedBy: "\n## Long reads\n").count == 2)
    }

    @Test("the text render shows each title once; an item's own link title goes before its link, and none is made up")
    func linkText() throws {
        let output = try FormatRenderer().render(RenderingFixtures.sample, format: .text).output
        let text = RenderExpectations.normalisedWhitespace(output)
        #expect(text.contains("down from 41. Larchwood 3.0: https://larchwood.example/blog/2026/11/larchwood-3.0"))
        #expect(text.contains("usual panels. https://tidewater.example/"))
        for item in RenderingFixtures.sample.items {
            #expect(output.components(separatedBy: item.title).count == 2, "\(item.title.debugDescription) appears once")
        }
    }

    @Test("an email rendered without an envelope gets the current date and a new Message-ID")
    func freshEnvelope() throws {
        let first = try FormatRenderer().render(RenderingFixtures.sample, format: .email).output
        let second = try FormatRenderer().render(RenderingFixtures.sample, format: .email).output
        let firstID = first.split(separator: "\r\n").first { $0.hasPrefix("Message-ID: ") }
        let secondID = second.split(separator: "\r\n").first { $0.hasPrefix("Message-ID: ") }
        #expect(firstID != nil && firstID != secondID)
        #expect(firstID?.hasPrefix("Message-ID: <digest.12.1.") == true)
        #expect(firstID?.hasSuffix("@harbour-weekly.example>") == true)
    }

    @Test("one renderer renders many issues with the same results as a fresh one")
    func rendererReuse() throws {
        let renderer = FormatRenderer()
        let first = try renderer.renderEdition(RenderingFixtures.sample, envelope: envelope)
        _ = try renderer.renderEdition(RenderingFixtures.hostile, envelope: envelope)
        let again = try renderer.renderEdition(RenderingFixtures.sample, envelope: envelope)
        #expect(first == again)
    }
}
