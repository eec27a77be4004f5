import Testing
@testable import DigestStorage
@testable import DigestModel
@testable import DigestRendering
@testable import DigestWorkflow

@Suite("Golden renders of the sample issue")
struct SnapshotTests {
    let renders: RenderedEdition

    init() throws {
        renders = try FormatRenderer().renderEdition(RenderingFixtures.sample, envelope: RenderingFixtures.sampleEnvelope)
    }

    @Test("the Markdown render of the sample issue is byte for byte the golden file")
    func markdown() throws {
        try SnapshotFile.expect(renders.markdown, matches: "sample-issue.md")
    }

    @Test("the HTML render of the sample issue is byte for byte the golden file")
    func html() throws {
        try SnapshotFile.expect(renders.html, matches: "sample-issue.html")
    }

    @Test("the text render of the sample issue is byte for byte the golden file")
    func text() throws {
        try SnapshotFile.expect(renders.text, matches: "sample-issue.txt")
    }

    @Test("the email render of the sample issue, with a fixed date and Message-ID, is byte for byte the golden file")
    func email() throws {
        try SnapshotFile.expect(renders.email, matches: "sample-issue.eml")
    }

    @Test("the sample issue with every render setting on is byte for byte its golden files, in all four formats")
    func sectionsAndContents() throws {
        let renders = try FormatRenderer().renderEdition(RenderingFixtures.sections, envelope: RenderingFixtures.sampleEnvelope)
        for (format, suffix) in [(RenderFormat.markdown, "md"), (.html, "html"), (.text, "txt"), (.email, "eml")] {
            try SnapshotFile.expect(renders.output(for: format), matches: "sample-issue-sections.\(suffix)")
        }
    }

    @Test("rendering one format gives the same bytes as the same format in a whole edition")
    func singleFormatsMatchTheEdition() throws {
        let renderer = FormatRenderer()
        for format in RenderFormat.allCases {
            let single = try renderer.render(RenderingFixtures.sample, format: format, envelope: RenderingFixtures.sampleEnvelope)
            #expect(single.output == renders.output(for: format), "\(format.rawValue)")
        }
    }
}
