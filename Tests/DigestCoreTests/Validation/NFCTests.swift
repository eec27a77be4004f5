import Foundation
import Testing
@testable import DigestStorage
@testable import DigestModel
@testable import DigestRendering
@testable import DigestWorkflow

@Suite("NFC normalisation")
struct NFCTests {
    @Test("text the quick check passes is exactly what Foundation's NFC gives back")
    func quickCheckAgreesWithFoundation() {
        var stable: [Unicode.Scalar] = []
        for value in UInt32(0)...0x1FAFF {
            guard let scalar = Unicode.Scalar(value), NFC.isCertainlyNFC(String(scalar)) else { continue }
            stable.append(scalar)
            let single = String(scalar)
            #expect(single.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(single.unicodeScalars),
                    "U+\(String(value, radix: 16)) changes under NFC")
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<3 { text.append(stable[Int.random(in: 0..<stable.count, using: &generator)]) }
            let string = String(text)
            #expect(string.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(string.unicodeScalars))
        }
    }

    @Test("decomposed and compatibility-sensitive text is normalised", arguments: [
        ("Cafe\u{301}", "Café"), ("\u{212B}ngstr\u{F6}m", "\u{C5}ngstr\u{F6}m"), ("\u{1100}\u{1161}", "\u{AC00}"),
        ("a\u{308}\u{301}", "\u{E4}\u{301}"), ("\u{2126}", "\u{3A9}"),
    ])
    func normalises(input: String, expected: String) {
        #expect(!NFC.isCertainlyNFC(input))
        #expect(NFC.normalise(input).unicodeScalars.elementsEqual(expected.unicodeScalars))
    }

    @Test("trimming removes white space of every kind at both ends only")
    func trimming() {
        #expect(" \t\n a b \u{3000}\u{A0}".trimmingWhitespace() == "a b")
        #expect("   ".trimmingWhitespace() == "")
        #expect("x".trimmingWhitespace() == "x")
    }

    @Test("trimming: every scalar up to U+3000 at either end goes exactly when it is white space")
    func trimmingEveryScalar() {
        var wrong: [UInt32] = []
        for value in UInt32(0)...0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(Character(scalar))
            let space = scalar.properties.isWhitespace
            for (input, kept) in [("a" + text, "a" + text), (text + "a", text + "a"), ("a" + text + "b", "a" + text + "b")] {
                let expected = space && input != "a" + text + "b" ? "a" : kept
                if !input.trimmingWhitespace().unicodeScalars.elementsEqual(expected.unicodeScalars) { wrong.append(value) }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(8).map { String($0, radix: 16) })")
    }
}
