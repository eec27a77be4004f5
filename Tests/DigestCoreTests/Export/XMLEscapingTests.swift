import Testing
import DigestStorage
import DigestModel
import DigestRendering
import DigestWorkflow

@Suite("Escaping text for XML and HTML")
struct XMLEscapingTests {
    @Test("the five markup characters become references")
    func markupCharacters() {
        #expect("a & b < c > d \" e ' f".xmlEscaped == "a &amp; b &lt; c &gt; d &quot; e &#39; f")
        #expect("&amp;".xmlEscaped == "&amp;amp;")
    }

    @Test("text without markup characters comes back unchanged, non-ASCII included")
    func plainText() {
        for text in ["", "Harbour news", "Café Øresund — “quoted”", "灯台 🚢", "مرفأ الصيادين", "tab\tline\nreturn\r"] {
            #expect(text.xmlEscaped == text)
        }
    }

    @Test("control characters and noncharacters are dropped; tab, LF and CR stay")
    func forbiddenCharacters() throws {
        // Built at run time: the compiler refuses some noncharacters in literals.
        let forbidden: [UInt32] = [0x00, 0x08, 0x0B, 0x0C, 0x1F, 0x7F, 0x80, 0x9F, 0xFDD0, 0xFFFE, 0xFFFF, 0x1FFFF, 0x10FFFF]
        var text = ""
        for value in forbidden {
            text.append("x")
            text.unicodeScalars.append(try #require(Unicode.Scalar(value)))
        }
        #expect(text.xmlEscaped == String(repeating: "x", count: forbidden.count))
        #expect("\t\n\r".xmlEscaped == "\t\n\r")
        #expect("\u{A0}©\u{EFFF}\u{FFFD}\u{10000}".xmlEscaped == "\u{A0}©\u{EFFF}\u{FFFD}\u{10000}")
    }

    @Test("text around the replaced characters is copied exactly, whatever its length in bytes")
    func mixedText() {
        #expect("é&ü<🚢>\u{301}\"ا'".xmlEscaped == "é&amp;ü&lt;🚢&gt;\u{301}&quot;ا&#39;")
        #expect("&\u{301}".xmlEscaped.unicodeScalars.elementsEqual("&amp;\u{301}".unicodeScalars))
        #expect(String(repeating: "Fish & chips, ", count: 200).xmlEscaped == String(repeating: "Fish &amp; chips, ", count: 200))
    }

    @Test("HTML carried inside XML is escaped twice in one pass")
    func escapedTwice() {
        var text = ""
        text.appendXMLEscapedHTML("a & b < c > d \" e ' f — ü\u{01}")
        #expect(text == "a &amp;amp; b &amp;lt; c &amp;gt; d &amp;quot; e &amp;#39; f — ü")
        #expect(text == "a & b < c > d \" e ' f — ü\u{01}".xmlEscaped.xmlEscaped)
    }

    @Test("appending escapes in place, after what is already there")
    func appending() {
        var text = "<p>"
        text.appendXMLEscaped("Fish & chips")
        #expect(text == "<p>Fish &amp; chips")
    }
}
