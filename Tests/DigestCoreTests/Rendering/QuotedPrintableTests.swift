import Foundation
import Testing
@testable import DigestStorage
@testable import DigestModel
@testable import DigestRendering
@testable import DigestWorkflow

@Suite("Quoted-printable encoding")
struct QuotedPrintableTests {
    @Test("printable ASCII stays, '=' and non-ASCII bytes are encoded, newlines become CRLF")
    func basics() {
        #expect("plain text".quotedPrintable == "plain text")
        #expect("a=b".quotedPrintable == "a=3Db")
        #expect("café".quotedPrintable == "caf=C3=A9")
        #expect("one\ntwo\n".quotedPrintable == "one\r\ntwo\r\n")
    }

    @Test("a space or tab at the end of a line is encoded so that it survives transport")
    func trailingWhitespace() {
        #expect("-- \nname".quotedPrintable == "--=20\r\nname")
        #expect("end ".quotedPrintable == "end=20")
        #expect("tab\t\n".quotedPrintable == "tab=09\r\n")
    }

    @Test("a '.' or 'From ' at the start of a line is encoded")
    func lineStarts() {
        #expect(".\nFrom here\nFromage".quotedPrintable == "=2E\r\n=46rom here\r\nFromage")
    }

    @Test("long lines get soft breaks, and no encoded line exceeds 76 characters or splits an escape")
    func softBreaks() throws {
        let text = String(repeating: "word ", count: 40) + "\n" + String(repeating: "é", count: 60) + "\n"
            + String(repeating: "x", count: 75) + "\n" + String(repeating: "y", count: 76) + " \n"
        let encoded = text.quotedPrintable
        for line in encoded.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 76, "\(line.debugDescription)")
            #expect(!line.hasSuffix(" "))
        }
        #expect(encoded.contains("\r\n" + String(repeating: "x", count: 75) + "\r\n"))
        let decoded = try ExternalTool.run(
            "python3", package: "python3",
            ["-c", "import quopri, sys; sys.stdout.buffer.write(quopri.decodestring(sys.stdin.buffer.read()))"],
            input: Data(encoded.utf8))
        #expect(decoded.standardOutput.replacingOccurrences(of: "\r\n", with: "\n") == text)
    }
}

@Suite("Quoted-printable encoding of random text")
struct QuotedPrintableFuzzTests {
    /// A plain decoder, to check the encoder without a process per case.
    static func decode(_ encoded: String) -> [UInt8] {
        var bytes: [UInt8] = []
        let input = Array(encoded.utf8)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "="), index + 2 < input.count, input[index + 1] == 0x0D, input[index + 2] == 0x0A {
                index += 3
            } else if byte == UInt8(ascii: "="), index + 2 < input.count,
                      let value = UInt8(String(decoding: input[(index + 1)...(index + 2)], as: UTF8.self), radix: 16) {
                bytes.append(value)
                index += 3
            } else if byte == 0x0D, index + 1 < input.count, input[index + 1] == 0x0A {
                bytes.append(0x0A)
                index += 2
            } else {
                bytes.append(byte)
                index += 1
            }
        }
        return bytes
    }

    @Test("any text decodes back to itself, within the length bound, with lines of at most 76 characters")
    func randomText() {
        let pieces = ["a", "word ", " ", "  ", "\n", "=", ".", "From ", "F", "\t", "é", "—", "🚢", "x", "=\n", " \n", "\r"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let length = Int.random(in: 0...400, using: &generator)
            var text = ""
            for _ in 0..<length { text += pieces.randomElement(using: &generator) ?? "" }
            var copy = text
            let bound = copy.withUTF8 { QuotedPrintable.maximumLength(of: $0) }
            let encoded = text.quotedPrintable
            #expect(encoded.utf8.count <= bound)
            #expect(encoded.utf8.allSatisfy { $0 < 0x80 })
            #expect(encoded.components(separatedBy: "\r\n").allSatisfy {
                $0.utf8.count <= 76 && !$0.hasSuffix(" ") && !$0.hasSuffix("\t") && !$0.hasPrefix(".") && !$0.hasPrefix("From ")
            })
            #expect(Self.decode(encoded) == Array(text.utf8), "\(text.debugDescription)")
        }
    }
}

@Suite("Finding a boundary in an encoded part")
struct BoundarySearchTests {
    @Test("the search finds a needle anywhere, including at the edges, and nothing else")
    func search() {
        let boundary = "=_digest_0123456789abcdef"
        for haystack in [boundary, "x" + boundary, boundary + "x", "a_b=_c" + boundary + "_", "__" + boundary] {
            let found = Array(haystack.utf8).withUnsafeBufferPointer { $0.containsBytes(of: boundary) }
            #expect(found, "\(haystack)")
        }
        for haystack in ["", "=_digest_0123456789abcde", "_digest_0123456789abcdef", "=_digest_x123456789abcdef ____"] {
            let found = Array(haystack.utf8).withUnsafeBufferPointer { $0.containsBytes(of: boundary) }
            #expect(!found, "\(haystack)")
        }
    }
}

@Suite("Eight byte lanes at a time")
struct ByteLanesTests {
    @Test("every byte value in every lane: equal to an ASCII byte, and below a limit, against a byte at a time",
          arguments: [UInt8(0x0A), 0x20, 0x22, 0x3D, 0x5C, 0x7F])
    func everyByteInEveryLane(probe: UInt8) {
        var wrong: [String] = []
        for lane in 0..<8 {
            for value in 0...255 {
                // The other lanes hold neighbours of the probe, so that a carry or borrow would show.
                var bytes = (0..<8).map { UInt8(truncatingIfNeeded: Int(probe) + $0 - 4) }
                bytes[lane] = UInt8(value)
                let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                let equal = ByteLanes.equals(word, probe)
                let below = ByteLanes.below(word, min(probe, 0x80))
                for (index, byte) in bytes.enumerated() {
                    let bit = UInt64(0x80) << (8 * index)
                    if (equal & bit != 0) != (byte == probe) { wrong.append("equals lane \(index) value \(byte)") }
                    if (below & bit != 0) != (byte < min(probe, 0x80)) { wrong.append("below lane \(index) value \(byte)") }
                }
                if equal & ~ByteLanes.highBits != 0 || below & ~ByteLanes.highBits != 0 { wrong.append("low bits \(bytes)") }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(8))")
    }
}
