@testable import DigestCLI
import Testing

@Suite("Text made safe for a terminal")
struct TerminalTextTests {
    @Test("controls, C1, invisible and bidi characters become <U+…>; line feeds, tabs and other text stay", arguments: [
        ("plain text\nand a\ttab", "plain text\nand a\ttab"),
        ("mallory\u{1B}[2J", "mallory<U+001B>[2J"),
        ("\u{07}bell at the start", "<U+0007>bell at the start"),
        ("at the end\u{7F}", "at the end<U+007F>"),
        ("c1 \u{85} and \u{9F}", "c1 <U+0085> and <U+009F>"),
        ("Invoice \u{202E}gpj.exe", "Invoice <U+202E>gpj.exe"),
        ("pay\u{200B}pal \u{200C}\u{200F} \u{2028}\u{2060}\u{2066}\u{2069}\u{FEFF}",
         "pay<U+200B>pal <U+200C><U+200F> <U+2028><U+2060><U+2066><U+2069><U+FEFF>"),
        ("kept: \u{A0} \u{2010} \u{202F} \u{2070} \u{FEFE} é ü مقدمه 👨‍👩‍👧", "kept: \u{A0} \u{2010} \u{202F} \u{2070} \u{FEFE} é ü مقدمه 👨<U+200D>👩<U+200D>👧"),
        ("", ""),
    ])
    func madeVisible(text: String, expected: String) {
        #expect(TerminalText.safe(text, keepingStyle: false) == expected)
        #expect(TerminalText.safe(text, keepingStyle: true) == expected)
    }

    @Test("digest's own colour sequences stay only when style is kept; anything else after ESC is shown")
    func styles() {
        let styled = "\u{1B}[1;31merror\u{1B}[0m: \u{1B}]0;title\u{07}"
        #expect(TerminalText.safe(styled, keepingStyle: true) == "\u{1B}[1;31merror\u{1B}[0m: <U+001B>]0;title<U+0007>")
        #expect(TerminalText.safe(styled, keepingStyle: false)
            == "<U+001B>[1;31merror<U+001B>[0m: <U+001B>]0;title<U+0007>")
        #expect(TerminalText.safe("\u{1B}[", keepingStyle: true) == "<U+001B>[")
    }
}
