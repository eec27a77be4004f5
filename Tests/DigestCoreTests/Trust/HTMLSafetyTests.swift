import DigestStorage
import DigestModel
import DigestRendering
import DigestWorkflow
import Testing

@Suite("HTML safety of renders")
struct HTMLSafetyTests {
    @Test("refused constructs, each with its line", arguments: [
        ("<p>a</p>\n<script>alert(1)</script>", "<script>", 2),
        ("<SCRIPT src=x></SCRIPT>", "<script>", 1),
        ("<p title=\"a\" onerror=\"alert(1)\">", "onerror=", 1),
        ("<img src=\"cid:a\">", "<img>", 1),
        ("<!--><script>alert(1)</script>-->", "<script>", 1),
        ("<!---><script>alert(1)</script>-->", "<script>", 1),
        ("<!-- a --!><script>alert(1)</script>", "<script>", 1),
        ("<a href=\"ftp://files.example/x\">x</a>", "href=\"ftp:", 1),
        ("<body ONLOAD=go()>", "onload=", 1),
        ("<a href=\"javascript:alert(1)\">x</a>", "href=\"javascript:", 1),
        ("<a href=\"&#106;avascript:alert(1)\">x</a>", "href=\"javascript:", 1),
        ("<a href=\"java\nscript:alert(1)\">x</a>", "href=\"javascript:", 1),
        ("<a href=\"JaVaScRiPt&colon;alert(1)\">x</a>", "href=\"javascript:", 1),
        ("<a href='data:text/html,<b>x</b>'>x</a>", "href=\"data:", 1),
        ("<iframe src=\"https://a.example\"></iframe>", "<iframe>", 1),
        ("<object data=\"x\"></object>", "<object>", 1),
        ("<embed src=\"x\">", "<embed>", 1),
        ("<form action=\"https://a.example\">", "<form>", 1),
        ("<base href=\"https://a.example/\">", "<base>", 1),
        ("<meta http-equiv=\"refresh\" content=\"0\">", "<meta http-equiv>", 1),
        ("<img alt=\"\" src=\"https://t.example/p.gif\">", "<img>", 1),
        ("<video poster=\"//t.example/p.gif\">", "<video>", 1),
        ("<td background=\"//t.example/p.gif\">", "background=", 1),
        ("<link rel=\"stylesheet\" href=\"https://cdn.example/a.css\">", "<link>", 1),
        ("<div style=\"background:url(https://t.example/p.gif)\">", "url(", 1),
        ("<style>\n@import 'https://cdn.example/a.css';\n</style>", "@import", 2),
        ("<div style=\"background: URL( 'HTTPS://t.example/p.gif' )\">", "url(", 1),
        ("<div style=\"background:u r l(\t//t.example/p.gif)\">", "url(", 1),
        ("<div style=\"background:url(cid:a) , url(data:image/gif;base64,R0)\">", "url(", 1),
        ("<div style=\"width: EXPRESSION (alert(1))\">", "expression(", 1),
        ("<div style=\"color:red;\n @IMPORT 'x.css'\">", "@import", 1),
        ("<div style=\"font-family:'Über';background:url(https://t.example/p.gif)\">", "url(", 1),
        ("<div style=\"background:url&#40;https://t.example/p.gif)\">", "url(", 1),
        ("<iframe srcdoc=\"<b>x</b>\">", "<iframe>", 1),
        ("<div srcdoc=\"x\">", "srcdoc=", 1),
    ])
    func refused(html: String, construct: String, line: Int) {
        let finding = HTMLSafety.firstFinding(in: Array(html.utf8))
        #expect(finding?.construct == construct)
        #expect(finding?.line == line)
    }

    @Test("ordinary HTML passes: links out, mailto:, inline styles, escaped text, comments", arguments: [
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width\"><title>x</title></head>",
        "<a href=\"https://tides.example/a?onload=1&amp;x=javascript:\">Tides</a>",
        "<a href=\"mailto:editors@harbour.example\">editors@harbour.example</a>",
        "<p style=\"margin:0;color:#555555;\">&lt;script&gt;alert(1)&lt;/script&gt; onerror=x</p>",
        "<!-- <script> in a comment is not run -->",
        "<style>@media (prefers-color-scheme: dark) { body { background: #111; } }</style>",
        "<a href=\"#tides\">Tides</a> <a href=\"page.html\">x</a>",
        "<h3 dir=\"auto\">Über die Gezeiten</h3>",
        "<td style=\"padding:0 24px;font-family:Georgia,'Times New Roman',serif;background:url(cid:logo)\">x</td>",
        "<p style=\"font-family:'Über Sans';margin:0\">x</p>",
    ])
    func passes(html: String) {
        #expect(HTMLSafety.firstFinding(in: Array(html.utf8)) == nil)
    }

    @Test("the built-in HTML render of hostile item text passes")
    func defaultRenderPasses() throws {
        let output = try FormatRenderer().render(RenderingFixtures.hostile, format: .html).output
        #expect(HTMLSafety.firstFinding(in: Array(output.utf8)) == nil)
        #expect(output.contains("&lt;script&gt;"))
    }
}

@Suite("Text that cannot deceive")
struct HiddenTextTests {
    @Test("bidi controls and invisible characters are refused, with the character they are at", arguments: [
        ("Invoice \u{202E}gpj.exe", "U+202E (RIGHT-TO-LEFT OVERRIDE) at character 9"),
        ("\u{202A}left", "U+202A (LEFT-TO-RIGHT EMBEDDING) at character 1"),
        ("a\u{2066}b\u{2069}", "U+2066 (LEFT-TO-RIGHT ISOLATE) at character 2"),
        ("pay\u{200B}pal", "U+200B (ZERO WIDTH SPACE) at character 4"),
        ("pay\u{200D}pal", "U+200D (ZERO WIDTH JOINER) at character 4"),
        ("\u{FEFF}Title", "U+FEFF (ZERO WIDTH NO-BREAK SPACE) at character 1"),
        ("word\u{2060}joiner", "U+2060 (WORD JOINER) at character 5"),
        ("Café \u{200C} au lait", "U+200C (ZERO WIDTH NON-JOINER) at character 6"),
    ])
    func refused(text: String, expected: String) throws {
        for rules in [TextRules.title, .source, .author, .issueTitle, .intro, .excerpt(limit: 2000)] {
            let problem = try #require(rules.problem(with: text))
            #expect(problem.reason.hasPrefix("it has \(expected), "))
        }
    }

    @Test("joiners inside scripts and emoji that need them are kept", arguments: [
        "می\u{200C}خواهم",                 // Persian: a non-joiner inside a word
        "क्\u{200D}ष",                      // Devanagari: a joiner after a virama
        "👨\u{200D}👩\u{200D}👧",            // an emoji family
        "Plain title, nothing hidden",
    ])
    func kept(text: String) {
        #expect(TextRules.title.problem(with: text) == nil)
    }

    @Test("people's names are printable: no control, format or line characters")
    func personNames() {
        #expect(PersonName.problem(with: "Mira Holm") == nil)
        #expect(PersonName.problem(with: "mira\n")?.reason == "it holds U+000A, which is not a printable character")
        #expect(PersonName.problem(with: "m\u{1B}[2Jira")?.reason == "it holds U+001B, which is not a printable character")
        #expect(PersonName.problem(with: "ana\u{202E}") != nil)
    }
}
