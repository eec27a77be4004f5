import HTMLScanning
import DigestFetch
import Foundation
import Testing

@Suite("Reading HTML: tokens, entities, text, page fields")
struct HTMLReadingTests {
    @Test("Tags, attributes in every quoting style, comments and raw text come out as tokens")
    func tokens() {
        let tokens = HTMLToken.tokens(
            "<!doctype html><P CLASS=lead id='x' data-a=\"1 2\" hidden>Hi &amp; bye</p><!-- <p>no</p> -->"
                + "<script>if (a < b) { x = '</p>' }</script><br/>")
        #expect(tokens == [
            .start("p", ["class": "lead", "id": "x", "data-a": "1 2", "hidden": ""]), .text("Hi &amp; bye"), .end("p"),
            .start("script", [:]), .text("if (a < b) { x = '</p>' }"), .end("script"), .start("br", [:]),
        ])
    }

    @Test("Broken markup never stops the tokenizer: a stray <, an unclosed tag, an endless comment")
    func brokenMarkup() {
        let tokens = HTMLToken.tokens("a < b <p>text <b>bold<i>x</b> <!-- never ends <p>hidden")
        // A `<` not followed by a letter, `/`, `!` or `?` is text, as browsers read it.
        #expect(tokens.first == .text("a < b "))
        #expect(tokens.contains(.start("p", [:])))
        #expect(!tokens.contains(.text("hidden")))
        // A tag cut off by the end of the input is no tag at all (the standard's "EOF in tag").
        #expect(HTMLToken.tokens("<a href=\"unterminated").isEmpty)
        #expect(HTMLToken.tokens("text <a href=x").map { $0 } == [.text("text ")])
        #expect(HTMLToken.tokens("<").map { $0 } == [.text("<")])
    }

    @Test("Named, decimal and hex references are decoded; 0x80–0x9F as windows-1252; unknown names kept")
    func entities() {
        #expect(HTMLEntities.decode("caf&eacute; &amp; &lt;b&gt; &#8217;&#x2014;&#150; &nbsp;&hellip;") == "café & <b> ’—– \u{A0}…")
        #expect(HTMLEntities.decode("&unknownname; &#0; &#xD800; &amp") == "&unknownname; \u{FFFD} \u{FFFD} &")
        // The standard's own example: the legacy `&not` is read without its semicolon in text, not in an attribute.
        #expect(HTMLEntities.decode("&notit; &AMP; &copy2026") == "¬it; & ©2026")
        #expect(HTMLEntities.decode("?a=1&copy=2&not;", inAttribute: true) == "?a=1&copy=2¬")
        #expect(HTMLEntities.decode("AT&T") == "AT&T")
    }

    @Test("Plain text drops scripts and styles, decodes references and collapses white space")
    func plainText() {
        #expect(HTMLText.plain("<p>One&nbsp;<em>two</em></p>\n<p>three</p><script>four()</script><style>p{}</style>")
            == "One two three")
        #expect(HTMLText.plain("no markup,\n\tjust   spaces ") == "no markup, just spaces")
    }

    @Test("An excerpt is cut at a word boundary within the limit, with an ellipsis")
    func excerptCut() {
        let text = "The summer tables were printed with the wrong offset and nobody noticed"
        let cut = ExcerptCutter.cut(text, limit: 30)
        #expect(cut == "The summer tables were…")
        #expect(cut.count <= 30)
        #expect(ExcerptCutter.cut("short", limit: 30) == "short")
        #expect(ExcerptCutter.cut("abcdefghijklmnopqrstuvwxyz", limit: 10) == "abcdefghi…")
        for limit in 1...80 { #expect(ExcerptCutter.cut(text, limit: limit).count <= limit) }
    }

    @Test("Publication dates: ISO 8601 keeps the publisher's own day; RFC 822 with and without weekday")
    func dates() {
        #expect(PublicationDate.day("2026-11-18T23:15:00-05:00") == "2026-11-18")
        #expect(PublicationDate.day("Fri, 20 Nov 2026 08:00:00 GMT") == "2026-11-20")
        #expect(PublicationDate.day("3 Dec 2026 08:00 +0100") == "2026-12-03")
        #expect(PublicationDate.day("last Tuesday") == nil)
    }

    @Test("A WordPress post: OpenGraph wins over <title> and Twitter; the profile link is no author; canonical resolved")
    func wordpress() throws {
        let fields = PageReader(excerptLimit: 2000).fields(of: try IntakeFixture.text("wordpress-post.html"), at: IntakeFixture.base)
        #expect(fields.title == "Night ferries return to the north quay")
        #expect(fields.source == "Harbour Life")
        #expect(fields.author == "Inès Kowalczyk")
        #expect(fields.date == "2026-11-19")
        #expect(fields.excerpt == "After two winters without them, the late crossings are back from December & the timetable is longer than before.")
        #expect(fields.canonical == "https://fixtures.example/2026/11/night-ferries-return/")
        #expect(fields.foundIn == ["title": "og:title", "source": "og:site_name", "author": "meta author",
                                   "date": "article:published_time", "excerpt": "og:description", "url": "link rel=canonical"])
    }

    @Test("A news article with JSON-LD only (in @graph): headline, publisher, both authors, the publisher's own date")
    func jsonLD() throws {
        let fields = PageReader(excerptLimit: 2000).fields(of: try IntakeFixture.text("news-jsonld.html"), at: IntakeFixture.base)
        #expect(fields.title == "Pilot boats get a new berth after the storm")
        #expect(fields.source == "The Tidewater Courier")
        #expect(fields.author == "Dara Okafor, Lu Wen")
        #expect(fields.date == "2026-11-18")
        #expect(fields.excerpt == "The harbour master moved the pilot boats to the inner basin, where the swell is lower.")
        #expect(fields.canonical == nil)
    }

    @Test("A page with only <title> and a description gives those two and nothing else")
    func titleOnly() throws {
        let fields = PageReader(excerptLimit: 2000).fields(of: try IntakeFixture.text("title-only.html"), at: IntakeFixture.base)
        #expect(fields.title == "Mooring fees for 2027")
        #expect(fields.excerpt == "The table of mooring fees for next year, by boat length and season.")
        #expect(fields.source == nil && fields.author == nil && fields.date == nil && fields.canonical == nil)
    }

    @Test("Broken markup still gives its fields; the first paragraph is the last resort for the excerpt")
    func broken() throws {
        let fields = PageReader(excerptLimit: 2000).fields(of: try IntakeFixture.text("broken.html"), at: IntakeFixture.base)
        #expect(fields.title == "Lighthouse keepers & their logbooks")
        #expect(fields.source == "Beacon Archive")
        #expect(fields.date == "2026-11-02")
        let paragraph = PageReader(excerptLimit: 2000).fields(
            of: "<title>t</title><p>Short.</p><p>The first <b>real</b> paragraph of this page, at last.</p>", at: IntakeFixture.base)
        #expect(paragraph.excerpt == "The first real paragraph of this page, at last.")
        #expect(paragraph.foundIn["excerpt"] == "first paragraph")
    }

    @Test("Charsets: the header, then <meta charset> / http-equiv, then the XML declaration; latin1 read as windows-1252")
    func charsets() throws {
        let bytes = try IntakeFixture.data("windows-1252.html")
        let expected = "Café on the breakwater – “the best view”"
        #expect(try TextDecoder.decode(bytes, declared: "windows-1252").contains(expected))
        #expect(try TextDecoder.decode(bytes, declared: "ISO-8859-1").contains(expected))
        #expect(try TextDecoder.decode(try IntakeFixture.data("meta-charset-1252.html"), declared: nil).contains(expected))
        let declared = Data("<?xml version='1.0' encoding='iso-8859-1'?><a>".utf8) + Data([0xE9, 0x93]) + Data("</a>".utf8)
        #expect(try TextDecoder.decode(declared, declared: nil).hasSuffix("<a>é“</a>"))
        #expect(TextDecoder.sniffedLabel(Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss/>".utf8)) == "windows-1252")
        #expect(try TextDecoder.decode(Data([0x63, 0x61, 0x66, 0xE9]), declared: "utf-8") == "café")
        #expect(try TextDecoder.decode(Data("naïve".utf8), declared: nil) == "naïve")
    }
}

/// Every input of html5lib's tokenizer tests (the files beside the HTML
/// scanner's conformance test) read as a page, alone and wrapped in a
/// document: the page reader ends on each, whatever it is.
@Suite("Pages from the wild: html5lib's tokenizer inputs")
struct HTML5LibInputsAsPagesTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("DigestCoreTests/Fixtures/html5lib-tokenizer")

    @Test("every input of test1–4 and entities is read, as it is and inside a page")
    func everyInput() throws {
        var inputs: [String] = []
        for name in ["test1", "test2", "test3", "test4", "entities"] {
            let data = try Data(contentsOf: Self.folder.appendingPathComponent("\(name).test"))
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let tests = try #require(object["tests"] as? [[String: Any]])
            inputs += tests.compactMap { $0["input"] as? String }
        }
        #expect(inputs.count >= 1800)
        let reader = PageReader(excerptLimit: 300)
        var read = 0
        for input in inputs {
            for page in [input, "<html><head><title>" + input + "</title></head><body><p>" + input + "</p></body></html>"] {
                let fields = reader.fields(of: page, at: IntakeFixture.base)
                if let excerpt = fields.excerpt { #expect(excerpt.count <= 301) }
                read += 1
            }
        }
        #expect(read == inputs.count * 2)
    }
}
