import Testing
@testable import DigestStorage
@testable import DigestModel
@testable import DigestRendering
@testable import DigestWorkflow

@Suite("Text that looks like markup stays text in every format")
struct HostileSampleTests {
    let input = RenderingFixtures.hostile
    let renders: RenderedEdition

    init() throws {
        renders = try FormatRenderer().renderEdition(RenderingFixtures.hostile, envelope: RenderingFixtures.sampleEnvelope)
    }

    @Test("cmark reads back every hostile title, excerpt and link exactly, with one link per item")
    func markdown() throws {
        try RenderExpectations.markdown(renders.markdown, shows: input)
    }

    @Test("the HTML is valid, runs nothing, and shows every hostile string as text with one link per item")
    func html() throws {
        try RenderExpectations.html(renders.html, shows: input)
        #expect(!renders.html.contains("<script>"))
        #expect(!renders.html.contains("\" onmouseover=\""))
        #expect(renders.html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(renders.html.contains("AT&amp;amp;T"))
    }

    @Test("the text keeps every word, one signature line, and no line a reader must scroll")
    func text() {
        RenderExpectations.text(renders.text, shows: input)
        #expect(renders.text.contains("AT&amp;T"))
        #expect(renders.text.contains("\n" + "https://example.org/" + String(repeating: "very-long-path-segment/", count: 8)
            + "end\n"))
    }

    @Test("the email parses cleanly and decodes to the text and HTML renders")
    func email() throws {
        try RenderExpectations.email(
            renders.email, text: renders.text, html: renders.html, input: input,
            envelope: RenderingFixtures.sampleEnvelope)
    }

    @Test("a title that is a Markdown link becomes the text of the item's one link")
    func linkLookalike() throws {
        let probe = try MarkdownProbe(markdown: renders.markdown)
        let heading = probe.blocks.first { $0.text == "[click](https://evil.example)" }
        #expect(heading?.links == ["https://en.wikipedia.org/wiki/Fish_(food)"])
        #expect(!probe.links.contains("https://evil.example"))
    }
}
