import Testing
@testable import DigestStorage
@testable import DigestModel
@testable import DigestRendering
@testable import DigestWorkflow

@Suite("Edition rules: what a stored edition may hold")
struct EditionRulesTests {
    let hostile: RenderedEdition
    let messageID = RenderingFixtures.sampleEnvelope.messageID

    init() throws {
        hostile = try FormatRenderer().renderEdition(RenderingFixtures.hostile, envelope: RenderingFixtures.sampleEnvelope)
    }

    func reasons(_ change: (inout RenderedEdition) -> Void) -> [String] {
        var renders = hostile
        change(&renders)
        return EditionRules.renderProblems(renders).map { "\($0.field): \($0.reason)" }
    }

    @Test("the renders of hostile text (markup, scripts and links as text) meet every rule")
    func hostileTextPasses() {
        #expect(EditionRules.problems(hostile, messageID: messageID) == [])
    }

    /// The HTML is held to the one rule set (`HTMLSafety`), which names what it found and its line.
    @Test("active content and unsafe links are found, however they are spelt", arguments: [
        ("<SCRIPT src=x></SCRIPT>", "<script>"),
        ("<p onmouseover=\"go()\">", "onmouseover="),
        ("<a href=\"jav&#x61;script:alert(1)\">", "href=\"javascript:"),
        ("<a href=' java\tscript:x'>", "href=\"javascript:"),
        ("<div style=\"background:url(https://tracker.example/p.gif)\">", "url("),
        ("<meta http-equiv=\"refresh\" content=\"0;url=https://x.example\">", "<meta http-equiv>"),
        ("<!--><script>alert(1)</script>-->", "<script>"),
        ("<a href=\"ftp://files.example/x\">", "href=\"ftp:"),
    ])
    func htmlProblems(_ markup: String, _ construct: String) {
        let found = reasons { $0.html = $0.html.replacingOccurrences(of: "</body>", with: markup + "</body>") }
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("html: it has \(construct) (line ") == true, "\(found)")
    }

    @Test("Markdown: raw HTML, links, autolinks and definitions are held to the same rules", arguments: [
        // Raw HTML in Markdown meets HTMLSafety, the one rule set, and is reported as HTML's findings are.
        ("<iframe src=\"https://x.example\"></iframe>", "markdown: it has <iframe> (line "),
        ("[x](javascript:alert(1))", "markdown: a link uses the scheme 'javascript' (only http, https and mailto)"),
        ("[x](<javascript\\:alert(1)>)", "markdown: a link uses the scheme 'javascript' (only http, https and mailto)"),
        ("<data:text/html,hi>", "markdown: an autolink uses the scheme 'data' (only http, https and mailto)"),
        ("[x]: vbscript:run", "markdown: a link definition uses the scheme 'vbscript' (only http, https and mailto)"),
    ])
    func markdownProblems(_ markup: String, _ expected: String) {
        let found = reasons { $0.markdown += "\n" + markup + "\n" }
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix(expected) == true, "\(found)")
    }

    @Test("Markdown and HTML meet one rule set: a <style> that loads nothing passes both; one that loads is refused by both")
    func oneRuleSet() {
        let quiet = "<style>@media (prefers-color-scheme: dark) { body { color: #eee; } }</style>"
        #expect(EditionRules.markdownProblems("# Title\n\n" + quiet + "\n") == [])
        #expect(HTMLSafety.firstFinding(in: Array(quiet.utf8)) == nil)
        let loading = "<style>body { background: url(https://tracker.example/p.png) }</style>"
        #expect(EditionRules.markdownProblems("# Title\n\n" + loading + "\n").first?.hasPrefix("it has url( (line 3)") == true)
        #expect(HTMLSafety.firstFinding(in: Array(loading.utf8))?.construct == "url(")
    }

    @Test("escaped markup in Markdown is text, and stays allowed")
    func escapedMarkdown() {
        #expect(reasons { $0.markdown += "\n\\<script> \\[x\\](javascript:y)\n" } == [])
    }

    @Test("the email: only digest's headers, once each, its own Message-ID, its own parts", arguments: [
        ("MIME-Version: 1.0\r\n", "MIME-Version: 1.0\r\nBcc: all@example.org\r\n", "it has a bcc header, which digest never writes"),
        ("MIME-Version: 1.0\r\n", "MIME-Version: 1.0\r\nMIME-Version: 1.0\r\n", "it has more than one mime-version header"),
        ("Message-ID: <", "Message-ID: <other.", "its Message-ID <other.digest.12.1.5f0c2a9e41b7d3a8c6e0f1b2a3d4c5e6@harbour-weekly.example> is not the edition's <digest.12.1.5f0c2a9e41b7d3a8c6e0f1b2a3d4c5e6@harbour-weekly.example>"),
        ("To: ", "To: x@y.example, ", "its To address \"x@y.example, readers@harbour-weekly.example\": it is not an email address (it needs exactly one @)"),
        ("Content-Transfer-Encoding: quoted-printable\r\n\r\n", "Content-Transfer-Encoding: quoted-printable\r\n\r\nX", "its body is not the stored text and HTML of the edition"),
    ])
    func emailProblems(_ find: String, _ replace: String, _ expected: String) throws {
        var renders = hostile
        let range = try #require(renders.email.range(of: find))
        renders.email.replaceSubrange(range, with: replace)
        #expect(EditionRules.problems(renders, messageID: messageID).map(\.reason) == [expected])
    }
}

@Suite("Edition rules: links read on their bytes agree with links read as text")
struct EditionRulesSpellingTests {
    func reasons(html: String = "", markdown: String = "", text: String = "") -> [String] {
        let renders = RenderedEdition(markdown: markdown, html: html, text: text, email: "", warnings: [])
        return EditionRules.renderProblems(renders).map { "\($0.field): \($0.reason)" }
    }

    @Test("schemes in any case, with spaces, entities or escapes inside, are read as a browser reads them", arguments: [
        ("<a HREF=\"JavaScript:go()\">", "", "html: it has href=\"javascript: (line 1)"),
        ("<a href=\"HTTPS://tides.example/a?x=1&amp;y=javascript:2\">", "", nil),
        ("<a href=\"mailto:editors@tides.example\">", "", nil),
        ("<a href=\"/relative:path\">", "", nil),
        ("<a href=\"ja&#x76;ascript:x\">", "", "html: it has href=\"javascript: (line 1)"),
        ("<a href=\"https&colon;//x\">", "", nil),
        ("<DIV STYLE=\"Background: URL(https://t.example/p.gif)\">", "", "html: it has url( (line 1)"),
        ("<div style=\"width: Expression(alert(1))\">", "", "html: it has expression( (line 1)"),
        ("<div style=\"background: u&#114;l(https://t.example/p.gif)\">", "", "html: it has url( (line 1)"),
        ("<div style=\"font-family: Über, serif; color: #222\">", "", nil),
        ("", "[x](<HTTPS://tides.example>)", nil),
        ("", "[x](<java\\script:y>)", "markdown: a link uses the scheme 'javascript' (only http, https and mailto)"),
        ("", "<Mailto:editors@tides.example>", nil),
        ("", "<FTP://files.example>", "markdown: an autolink uses the scheme 'FTP' (only http, https and mailto)"),
    ] as [(String, String, String?)])
    func links(_ html: String, _ markdown: String, _ expected: String?) {
        let found = reasons(html: html, markdown: markdown)
        if let expected, expected.hasPrefix("html: ") {
            #expect(found.count == 1 && found[0].hasPrefix(expected), "\(found)")
        } else {
            #expect(found == (expected.map { [$0] } ?? []))
        }
    }

    @Test("control characters in the text edition, one byte or two", arguments: [
        ("tab\tand\nline", nil), ("bell\u{07}", "U+7"), ("delete\u{7F}", "U+7F"), ("next line\u{85}", "U+85"),
        ("café — ok…", nil),
    ] as [(String, String?)])
    func textControls(_ text: String, _ code: String?) {
        #expect(reasons(text: text) == (code.map { ["text: it has a control character (\($0))"] } ?? []))
    }
}
