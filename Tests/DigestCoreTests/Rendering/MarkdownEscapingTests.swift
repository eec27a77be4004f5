import Foundation
import Testing
@testable import DigestStorage
@testable import DigestModel
@testable import DigestRendering
@testable import DigestWorkflow

@Suite("Markdown escaping")
struct MarkdownEscapingTests {
    static let tricky = [
        "plain words stay plain",
        "*stars* and _underscores_ and snake_case_name",
        "[a link](https://evil.example) and ![an image](x.png)",
        "`code` and ``more`` and a back\\slash\\",
        "<b>html</b> & AT&amp;T &copy; &#65;",
        "# heading", "## heading #", "C# and F#",
        "- dash", "+ plus", "* star", "> quote", "= equals", "===", "---", "***", "___", "~~~ fence",
        "1. one", "2020. was a year", "1) paren", "123456789. long",
        "    four leading spaces", " one leading space", "trailing spaces  ", "trailing one ",
        "first\nsecond", "first\n# second", "first\n---", "first\n===", "first  \nhard break", "line\\\nbreak",
        "| table | cell |", "[ref]: https://example.org", "<https://autolink.example>", "https://bare.example",
        "emoji 🚢, café, مرحبا", "tab\tinside",
    ]

    @Test("the characters that make markup anywhere are escaped: backslashes, and entities for < > and an & that starts a reference")
    func inlineSpecials() {
        #expect("a*b_c[d]e<f>g&h`i\\j#k".markdownEscaped == "a\\*b\\_c\\[d\\]e&lt;f&gt;g&h\\`i\\\\j\\#k")
        #expect("Tides & tolls, &amp; &#38; &x".markdownEscaped == "Tides & tolls, &amp;amp; &amp;\\#38; &x")
    }

    @Test("what makes markup only at a line start is escaped there, and nowhere else")
    func lineStarts() {
        #expect("- a - b".markdownEscaped == "\\- a - b")
        #expect("x\n+ y".markdownEscaped == "x\n\\+ y")
        #expect("2020. was; 2021. too".markdownEscaped == "2020\\. was; 2021. too")
        #expect("1) one".markdownEscaped == "1\\) one")
        #expect("12 monkeys".markdownEscaped == "12 monkeys")
        #expect("  indented".markdownEscaped == "&#32; indented")
        #expect("end ".markdownEscaped == "end&#32;")
    }

    /// The rules of `appendMarkdownEscaped`, one byte at a time and nothing
    /// skipped: what the fast scan must agree with.
    static func reference(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        var atLineStart = true
        var index = 0
        func put(_ string: String) { output += Array(string.utf8) }
        while index < bytes.count {
            let byte = bytes[index]
            let scalar = Unicode.Scalar(byte)
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "#": put("\\" + String(scalar))
            case "<": put("&lt;")
            case ">": put("&gt;")
            case "&":
                // Only where it starts a reference: `&name;` or `&#digits;`.
                var end = index + 1
                if end < bytes.count, bytes[end] == UInt8(ascii: "#") { end += 1 }
                let start = end
                while end < bytes.count, end - start < 32, Unicode.Scalar(bytes[end]).properties.isASCIIHexDigit
                        || ("a"..."z").contains(Unicode.Scalar(bytes[end] | 0x20)) { end += 1 }
                put(end > start && end < bytes.count && bytes[end] == UInt8(ascii: ";") ? "&amp;" : "&")
            case "\t": put("&#9;")
            case " " where atLineStart || index + 1 == bytes.count || bytes[index + 1] == UInt8(ascii: "\n"): put("&#32;")
            case "-" where atLineStart, "+" where atLineStart:
                put("\\" + String(scalar))
            case "=" where atLineStart: put("&#61;")
            case "~" where atLineStart: put("&#126;")
            case "0"..."9" where atLineStart:
                var end = index
                while end < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) { end += 1 }
                output += bytes[index..<end]
                if end < bytes.count, bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: ")") { put("\\") }
                atLineStart = false
                index = end
                continue
            default:
                output.append(byte)
                atLineStart = byte == UInt8(ascii: "\n")
                index += 1
                continue
            }
            atLineStart = false
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    @Test("random text of spaces, line breaks, digits and punctuation escapes as the byte-at-a-time rules say")
    func againstReference() {
        let alphabet: [String] = [" ", " ", " ", "\n", "a", "b", "1", "2", ".", ")", "-", "+", "=", "~", "*", "_", "&", ";",
                                  "\t", "#", "\\", "é", "🚢"]
        var generator = SystemRandomNumberGenerator()
        var wrong: [String] = []
        for _ in 0..<4000 {
            let length = Int.random(in: 0...24, using: &generator)
            let text = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            if text.markdownEscaped != Self.reference(text) { wrong.append(text.debugDescription) }
        }
        for text in Self.tricky + ["", " ", "  ", " \n", "a \n \n", "\n ", "a  ", "1 \n2. "]
        where text.markdownEscaped != Self.reference(text) {
            wrong.append(text.debugDescription)
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    }

    @Test("cmark reads each tricky string back as exactly that text, as a paragraph and as link text")
    func roundTrip() throws {
        for text in Self.tricky {
            let markdown = "Before\n\n" + text.markdownEscaped + "\n\n[" + text.replacingOccurrences(of: "\n", with: " ")
                .markdownEscaped + "](<https://example.org/a_(b)?c=1&d=[2]>)\n"
            let probe = try MarkdownProbe(markdown: markdown)
            #expect(probe.blocks.count == 3, "\(text.debugDescription) made blocks \(probe.blocks)")
            #expect(probe.blocks.dropFirst().first?.text == text, "\(text.debugDescription)")
            #expect(probe.blocks.last?.text == text.replacingOccurrences(of: "\n", with: " "), "\(text.debugDescription)")
            #expect(probe.blocks.last?.links == ["https://example.org/a_(b)?c=1&d=[2]"], "\(text.debugDescription)")
            #expect(probe.kinds.isSubset(of: ["paragraph", "text", "softbreak", "linebreak", "link"]),
                    "\(text.debugDescription) made \(probe.kinds)")
        }
    }

    @Test("a link destination escaped the same way comes back from cmark exactly as stored")
    func destinations() throws {
        let urls = [
            "https://en.wikipedia.org/wiki/Fish_(food)",
            "https://example.org/search?q=a_b*c&x=%20y'z&list=[1]&n=(2)",
            "https://example.org/a\\b`c#frag",
            "https://example.org/path_(with)_(two)_parens?x=&amp;",
        ]
        for url in urls {
            let probe = try MarkdownProbe(markdown: "[title](<" + url.markdownEscaped + ">)\n")
            #expect(probe.links == [url])
        }
    }
}
