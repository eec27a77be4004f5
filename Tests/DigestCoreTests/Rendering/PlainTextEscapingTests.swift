import Testing
@testable import DigestStorage
@testable import DigestModel
@testable import DigestRendering
@testable import DigestWorkflow

@Suite("Plain-text escaping")
struct PlainTextEscapingTests {
    @Test("ordinary text, markup characters and entities pass through unchanged")
    func untouched() {
        for text in ["", "plain", "<b>AT&amp;T</b> *x* _y_", "two\nlines", "café — ✓", "-- inside a line"] {
            #expect(text.plainTextEscaped == text)
        }
    }

    @Test("trailing spaces go, so a user's line '-- ' can never be a signature delimiter")
    func signatureLookalike() {
        #expect("above\n-- \nbelow".plainTextEscaped == "above\n--\nbelow")
        #expect("-- ".plainTextEscaped == "--")
        #expect("word   ".plainTextEscaped == "word")
        #expect("a  b".plainTextEscaped == "a  b")
    }

    @Test("every kind of line break becomes a newline and control characters become spaces")
    func breaksAndControls() {
        #expect("a\r\nb\rc\u{2028}d\u{2029}e\u{85}f".plainTextEscaped == "a\nb\nc\nd\ne\nf")
        #expect("tab\there\u{7}bell".plainTextEscaped == "tab here bell")
    }
}
