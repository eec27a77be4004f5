import Testing
@testable import DigestStorage
@testable import DigestModel
@testable import DigestRendering
@testable import DigestWorkflow

@Suite("Renders of the sample issue pass the real validators")
struct FormatValidationTests {
    let input = RenderingFixtures.sample
    let renders: RenderedEdition

    init() throws {
        renders = try FormatRenderer().renderEdition(RenderingFixtures.sample, envelope: RenderingFixtures.sampleEnvelope)
    }

    @Test("cmark reads the Markdown back as the sample's text, with each link exactly as stored")
    func markdown() throws {
        try RenderExpectations.markdown(renders.markdown, shows: input)
    }

    @Test("tidy finds no errors in the HTML, which uses inline styles only")
    func html() throws {
        try RenderExpectations.html(renders.html, shows: input)
        let tidy = try HTMLProbe.tidy(renders.html)
        #expect(tidy.status == 0, "tidy has warnings:\n\(tidy.report)")
    }

    @Test("the text gives each item its title, its source and date on a line of their own, then the excerpt, within 78 columns")
    func text() {
        RenderExpectations.text(renders.text, shows: input)
        #expect(renders.text.hasPrefix("The Harbour Weekly\n\nA weekly reading list"))
        #expect(renders.text.contains(
            "\n\nLarchwood 3.0 makes incremental builds boring again\nMira Castellanos, Larchwood blog, November 19 2026\n"
                + "Posted on: 2026/11/20\n\nThe third major release keeps a content-addressed cache of every step,\n"))
        #expect(renders.text.contains("\nEmail: editors@harbour-weekly.example\nWebsite: https://harbour-weekly.example\n"))
        #expect(renders.text.hasSuffix(
            "\n-- \nThe Harbour Weekly\nhttps://harbour-weekly.example\n"
                + "Read this issue online:\nhttps://harbour-weekly.example/archive/12-2026-11-23.html\n"
                + "To unsubscribe: https://harbour-weekly.example/unsubscribe\n"))
    }

    @Test("Python's mail parser reads the email and both of its parts intact")
    func email() throws {
        try RenderExpectations.email(
            renders.email, text: renders.text, html: renders.html, input: input,
            envelope: RenderingFixtures.sampleEnvelope)
        let probe = try EmailProbe(email: renders.email)
        #expect(probe.headers["List-Unsubscribe"] == "<https://harbour-weekly.example/unsubscribe>")
        #expect(probe.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click")
    }

    @Test("a 40-item issue with 500-character excerpts stays well under 102 KB of HTML and passes every check")
    func largeIssue() throws {
        let large = RenderingFixtures.large()
        let renders = try FormatRenderer().renderEdition(large, envelope: RenderingFixtures.sampleEnvelope)
        #expect(renders.html.utf8.count < 60_000, "the HTML is \(renders.html.utf8.count) bytes")
        try RenderExpectations.html(renders.html, shows: large)
        try RenderExpectations.markdown(renders.markdown, shows: large)
        RenderExpectations.text(renders.text, shows: large)
        try RenderExpectations.email(
            renders.email, text: renders.text, html: renders.html, input: large, envelope: RenderingFixtures.sampleEnvelope)
    }

    @Test("an issue with no items and no optional settings still renders valid documents")
    func emptyIssue() throws {
        let bare = EditionContent(
            publication: PublicationInfo(), issue: EditionIssue(number: 1, date: RenderingFixtures.date("2026-01-05")),
            items: [])
        let renders = try FormatRenderer().renderEdition(bare, envelope: RenderingFixtures.sampleEnvelope)
        try RenderExpectations.html(renders.html, shows: bare)
        try RenderExpectations.markdown(renders.markdown, shows: bare)
        RenderExpectations.text(renders.text, shows: bare)
        try RenderExpectations.email(
            renders.email, text: renders.text, html: renders.html, input: bare, envelope: RenderingFixtures.sampleEnvelope)
        #expect(renders.text.contains("This issue has no items."))
        #expect(renders.text.hasPrefix("Digest\n\nDigest — Issue 1, January 5 2026\n"))
    }
}
