import Testing
@testable import DigestStorage
@testable import DigestModel
@testable import DigestRendering
@testable import DigestWorkflow

@Suite("Text rules: every scalar a field may not hold, found however it is encoded")
struct TextRulesTests {
    /// The rules written out scalar by scalar, independently of how
    /// `TextRules` searches for them.
    static func refused(_ value: UInt32, multiline: Bool) -> Bool {
        if value == 0x0A { return !multiline }
        return value < 0x20 || (0x7F..<0xA0).contains(value) || value == 0x2028 || value == 0x2029
            || (0x200B...0x200D).contains(value) || (0x202A...0x202E).contains(value) || value == 0x2060
            || (0x2066...0x2069).contains(value) || value == 0xFEFF
    }

    @Test("each scalar from U+0000 to U+3000 and U+FE00 to U+FFFF, between two ASCII letters, in one-line and multi-line fields")
    func everyScalar() {
        let values = Array(0...0x3000) + Array(0xFE00...0xFFFF)
        for rules in [TextRules.title, TextRules.excerpt(limit: 2000)] {
            var mismatches: [String] = []
            for value in values {
                guard let scalar = Unicode.Scalar(UInt32(value)), value != 0x0D else { continue }
                let text = "a" + String(scalar) + "b"
                let found = rules.problem(with: text) != nil
                if found != Self.refused(UInt32(value), multiline: rules.multiline) {
                    mismatches.append(TextRules.hex(scalar))
                }
            }
            #expect(mismatches.isEmpty, "multiline \(rules.multiline): \(mismatches.prefix(20))")
        }
    }

    @Test("dashes, ellipses, quotes and joined scripts pass; a joiner between ASCII letters does not")
    func ordinaryPunctuation() {
        #expect(TextRules.title.problem(with: "Ports — and starboard… “quoted” ‘too’ • 2026") == nil)
        #expect(TextRules.title.problem(with: "म\u{200D}र and 👩\u{200D}💻") == nil)
        #expect(TextRules.title.problem(with: "a\u{200B}b")?.reason.hasPrefix("it has U+200B (ZERO WIDTH SPACE) at character 2") == true)
        #expect(TextRules.title.problem(with: "tide\u{0085}table")?.reason == "it has a control character (U+0085)")
        #expect(TextRules.excerpt(limit: 2000).problem(with: "one\ntwo\u{2029}three")?.reason == "it has a line break")
    }
}
