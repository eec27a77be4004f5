import Testing
@testable import DigestCore

@Suite("Golden renders of the sample issue")
struct SnapshotTests {
    let renders: EditionRenders

    init() throws {
        renders = try IssueRenderer().renderEdition(RenderingFixtures.sample, envelope: RenderingFixtures.sampleEnvelope)
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

    @Test("rendering one format gives the same bytes as the same format in a whole edition")
    func singleFormatsMatchTheEdition() throws {
        let renderer = IssueRenderer()
        for format in RenderFormat.allCases {
            let single = try renderer.render(RenderingFixtures.sample, format: format, envelope: RenderingFixtures.sampleEnvelope)
            #expect(single.output == renders.output(for: format), "\(format.rawValue)")
        }
    }
}
