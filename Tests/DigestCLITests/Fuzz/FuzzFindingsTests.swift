import Foundation
import Testing
@testable import DigestCore

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
}
