import Foundation
import Testing
@testable import DigestStorage
@testable import DigestModel
@testable import DigestRendering
@testable import DigestWorkflow

@Suite("RFC 2047 encoded-words for headers")
struct EncodedWordsTests {
    @Test("printable ASCII needs no encoding, but non-ASCII text and '=?' do")
    func needsEncoding() {
        #expect(!"The Harbour Weekly, Issue 12".needsEncodedWords)
        #expect("Ça marche".needsEncodedWords)
        #expect("looks =?utf-8?B?like?= one".needsEncodedWords)
        #expect("tab\there".needsEncodedWords)
    }

    @Test("each word is at most 75 characters, the first fits its line, and no character is split")
    func lengths() throws {
        let text = String(repeating: "Ça marche — déjà vu, 🚢 ", count: 12)
        let words = text.encodedWords(firstLimit: 67)
        #expect((words.first?.count ?? 0) <= 67)
        #expect(words.allSatisfy { $0.count <= 75 && $0.hasPrefix("=?utf-8?B?") && $0.hasSuffix("?=") })
        for word in words {
            let payload = word.dropFirst(10).dropLast(2)
            let bytes = try #require(Data(base64Encoded: String(payload)))
            #expect(String(bytes: bytes, encoding: .utf8) != nil, "a character was split across words")
        }
        let decoded = try ExternalTool.run(
            "python3", package: "python3",
            ["-c", "import sys; from email.header import decode_header, make_header; "
                + "sys.stdout.write(str(make_header(decode_header(sys.stdin.read()))))"],
            input: Data(words.joined(separator: "\r\n ").utf8))
        #expect(decoded.standardOutput == text)
    }

    @Test("a Subject header is folded onto lines of at most 76 characters and decodes to the title")
    func subjectHeader() throws {
        let title = "Ça marche — " + String(repeating: "a long title with many words ", count: 6)
        let header = EmailHeader.unstructured("Subject", title)
        #expect(header.hasSuffix("\r\n"))
        #expect(header.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 76 })
        let probe = try EmailProbe(email: header + "\r\nbody\r\n")
        #expect(probe.headers["Subject"] == title)
    }

    @Test("an ASCII header longer than 78 characters is folded at spaces and unfolds to itself")
    func asciiFolding() {
        let line = "Subject: " + String(repeating: "word ", count: 30) + "end"
        let folded = EmailHeader.fold(line)
        #expect(folded.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 })
        #expect(folded.replacingOccurrences(of: "\r\n", with: "") == line)
    }

    @Test("a display name is bare, quoted or encoded as it needs")
    func displayNames() throws {
        #expect(EmailHeader.mailbox("From", displayName: "The Harbour Weekly", address: "a@b.example")
            == "From: The Harbour Weekly <a@b.example>\r\n")
        #expect(EmailHeader.mailbox("From", displayName: "Harbour, \"Weekly\"", address: "a@b.example")
            == "From: \"Harbour, \\\"Weekly\\\"\" <a@b.example>\r\n")
        let encoded = EmailHeader.mailbox("From", displayName: "Hafen — Wöchentlich", address: "a@b.example")
        let probe = try EmailProbe(email: encoded + "\r\nbody\r\n")
        #expect(probe.fromName == "Hafen — Wöchentlich")
        #expect(probe.fromAddress == "a@b.example")
    }
}
