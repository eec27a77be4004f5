import Testing
@testable import DigestStorage
@testable import DigestModel
@testable import DigestRendering
@testable import DigestWorkflow

@Suite("HTML escaping")
struct HTMLEscapingTests {
    @Test("the five characters that matter in text and attributes are escaped")
    func specials() {
        #expect("&<>\"'".htmlEscaped == "&amp;&lt;&gt;&quot;&#39;")
        #expect("\" onmouseover=\"alert(1)".htmlEscaped == "&quot; onmouseover=&quot;alert(1)")
        #expect("AT&amp;T".htmlEscaped == "AT&amp;amp;T")
    }

    @Test("text without them, including non-ASCII text, is unchanged")
    func untouched() {
        for text in ["", "plain words", "café — naïve", "مرحبا بالعالم", "emoji 🚢 ok", "a/b=c?d#e"] {
            #expect(text.htmlEscaped == text)
        }
    }

    @Test("escapes next to multi-byte characters keep those characters whole")
    func mixed() {
        #expect("é<é>é".htmlEscaped == "é&lt;é&gt;é")
        #expect("<\u{301}".htmlEscaped == "&lt;\u{301}")
    }
}
