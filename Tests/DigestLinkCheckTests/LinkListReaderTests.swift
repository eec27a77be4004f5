import DigestLinkCheck
import DigestHTTP
import Foundation
import Testing

@Suite("Reading the input lines")
struct LinkListReaderTests {
    private let example = #"{"id": 12, "url": "https://example.com/"}"#

    private func problems(_ input: String) -> [String] {
        do {
            _ = try LinkListReader.links(from: Data(input.utf8))
            return []
        } catch {
            guard case .invalidInput(let problems) = error else { return ["unexpected \(error)"] }
            return problems
        }
    }

    @Test("Each line gives an id and a link; blank lines, CRLF endings and other keys are fine")
    func validLines() throws {
        let input = """
            {"id": 12, "url": "https://example.com/a"}

            {"url": "http://example.org/b?q=1", "id": 3, "title": "ignored"}\r
            """
        let links = try LinkListReader.links(from: Data(input.utf8))
        #expect(links.map(\.id) == [12, 3])
        #expect(links.map(\.url) == ["https://example.com/a", "http://example.org/b?q=1"])
    }

    @Test("Empty input is an empty list")
    func emptyInput() throws {
        #expect(try LinkListReader.links(from: Data()).isEmpty)
    }

    @Test("Every bad line is reported with its number and the fix, not only the first")
    func everyBadLine() {
        let input = """
            {"id": 1, "url": "https://example.com/"}
            not json
            {"id": 2}
            {"url": "https://example.com/"}
            {"id": "3", "url": "https://example.com/"}
            {"id": 4, "url": 7}
            {"id": 5, "url": "ftp://example.com/file"}
            {"id": 6, "url": "/relative/path"}
            [1, 2]
            {"id": 7.5, "url": "https://example.com/"}
            """
        #expect(problems(input) == [
            "line 2: not valid JSON; each line must be an object such as \(example)",
            "line 3: \"url\" is missing; give the link to check, as in \(example)",
            "line 4: \"id\" is missing; give the item's id, as in \(example)",
            "line 5: \"id\" must be a whole number, the item's id, as in \(example)",
            "line 6: \"url\" must be a string holding an http or https address, as in \(example)",
            "line 7: \"url\" must be an absolute http or https address with a host, not \"ftp://example.com/file\"",
            "line 8: \"url\" must be an absolute http or https address with a host, not \"/relative/path\"",
            "line 9: not a JSON object; each line must be an object such as \(example)",
            "line 10: \"id\" must be a whole number, the item's id, as in \(example)",
        ])
    }

    @Test("A line that is not UTF-8 is named")
    func invalidUTF8() throws {
        var data = Data(#"{"id": 1, "url": "https://example.com/"}"#.utf8)
        data.append(contentsOf: [0x0A, 0xFF, 0xFE, 0x0A])
        do {
            _ = try LinkListReader.links(from: data)
            Issue.record("bad UTF-8 was accepted")
        } catch {
            #expect(error == .invalidInput(["line 2: not valid UTF-8 text"]))
            #expect(error.exitCode == 65)
        }
    }
}
