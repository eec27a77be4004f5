import Foundation
import Testing
import EditDistance
@testable import DigestStorage
@testable import DigestModel
@testable import DigestRendering
@testable import DigestWorkflow

/// Defects the fuzz harness found, each held by its minimized input.
@Suite("Fuzz findings")
struct FuzzFindingsTests {
    @Test("an unknown key of 70 KB gets no suggestion and costs no more than its length (was 1.9 s)")
    func hugeUnknownKey() throws {
        let key = String(repeating: "issue_t", count: 10_000) + "itle"
        let line = #"{"\#(key)": 1, "title": "T", "url": "https://x.example/a", "source": "S", "date": "2026-11-20", "excerpt": "E"}"#
        let batch = try ItemRecordReader.read(Array((line + "\n" + line + "\n").utf8), origin: "items.jsonl")
        #expect(batch.problems.count == 2)
        #expect(batch.problems.first?.reason == "there is no such key")
        // The length check alone settles it: no distance is computed.
        #expect(EditDistance.within(3, key, "issue_title") == nil)
        #expect(EditDistance.within(3, "isue_title", "issue_title") == 1)
        #expect(EditDistance.closest(to: key, among: ["issue_title", "title"], limit: 3) == nil)
        #expect(MonthName.nearest(to: "Sep" + String(repeating: "t", count: 100_000)) == nil)
        #expect(MonthName.nearest(to: "Septmber") == 9)
    }

    @Test("a number beyond a double's range is refused with its position, not read as infinity (which wrote back as null)")
    func numberOutOfRange() throws {
        let digits = String(repeating: "9", count: 309)
        for text in [digits, "-" + digits, "1e999", "[1, 2e400]", #"{"title": 1E+999}"#] {
            #expect(throws: JSONParser.Failure.self, "\(text)") { try JSONParser.parse(Array(text.utf8)) }
        }
        do {
            _ = try JSONParser.parse(Array(#"{"n": 1e999}"#.utf8))
            Issue.record("1e999 was accepted")
        } catch {
            #expect(error.line == 1 && error.column == 7)
            #expect(error.reason == "the number 1e999 is too large (the largest is about 1.8e308)")
        }
        do {
            _ = try JSONParser.parse(Array(digits.utf8))
            Issue.record("309 digits were accepted")
        } catch {
            #expect(error.reason == "the number \(String(repeating: "9", count: 40))… is too large (the largest is about 1.8e308)")
        }
        #expect(try JSONParser.parse(Array("1.7976931348623157e308".utf8)) == .double(.greatestFiniteMagnitude))
        #expect(try JSONParser.parse(Array("1e-999".utf8)) == .double(0))
    }
}
