import DigestLinkCheck
import DigestHTTP
import Foundation
import Testing
import JSONString
import ProgramMessages

@Suite("The JSON line written for each result")
struct LinkResultJSONLineTests {
    @Test("Keys come sorted, as in every message between the programs; nulls are written; the time is RFC 3339 in UTC")
    func exactLine() {
        let result = LinkResult(
            id: 12, url: "https://example.com/a",
            verdict: LinkVerdict(
                outcome: .redirected, status: 200, finalURL: "https://example.com/b",
                suggestedURL: "https://example.com/b", redirects: 1,
                detail: "HTTP 200 OK after 1 permanent redirect"
            ),
            checkedAt: Date(timeIntervalSince1970: 1_795_371_679), elapsedMilliseconds: 123
        )
        #expect(result.jsonLine == #"{"checked_at":"2026-11-22T18:21:19Z","detail":"HTTP 200 OK after 1 permanent redirect","elapsed_ms":123,"final_url":"https://example.com/b","id":12,"outcome":"redirected","redirects":1,"status":200,"suggested_url":"https://example.com/b","url":"https://example.com/a"}"#)
    }

    @Test("A result without a response has null status and addresses, and the outcome is spelled timed-out")
    func nulls() {
        let result = LinkResult(
            id: 3, url: "https://example.com/", verdict: LinkVerdict(outcome: .timedOut, detail: "timed out after 10 s"),
            checkedAt: Date(timeIntervalSince1970: 0), elapsedMilliseconds: 10_000
        )
        #expect(result.jsonLine == #"{"checked_at":"1970-01-01T00:00:00Z","detail":"timed out after 10 s","elapsed_ms":10000,"final_url":null,"id":3,"outcome":"timed-out","redirects":0,"status":null,"suggested_url":null,"url":"https://example.com/"}"#)
    }

    @Test("Quotes, backslashes and control characters are escaped; slashes and non-ASCII text are not")
    func escaping() throws {
        let text = "a \"quoted\" \\ path/ é\n\t\u{01}"
        #expect(JSONString.quoted(text) == #""a \"quoted\" \\ path/ é\n\t\u0001""#)
        let decoded = try JSONDecoder().decode(String.self, from: Data(JSONString.quoted(text).utf8))
        #expect(decoded == text)
    }

    @Test("Every line is one JSON object that a standard parser reads back")
    func parses() throws {
        let result = LinkResult(
            id: 1, url: "https://example.com/?q=\"x\"", verdict: LinkVerdict(outcome: .broken, status: 404, finalURL: "https://example.com/?q=\"x\"", detail: "HTTP 404 Not Found"),
            checkedAt: Date(), elapsedMilliseconds: 5
        )
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.jsonLine.utf8)) as? [String: Any])
        #expect(object["url"] as? String == "https://example.com/?q=\"x\"")
        #expect(object["suggested_url"] is NSNull)
        #expect(Set(object.keys) == ["id", "url", "outcome", "status", "final_url", "suggested_url", "redirects", "detail", "checked_at", "elapsed_ms"])
    }
}

@Suite("What digest-links writes, digest reads")
struct LinkReportRoundTripTests {
    @Test("a report read back with the type digest decodes is the report written")
    func roundTrip() throws {
        let result = LinkResult(
            id: 7, url: "https://example.com/ä?q=\"x\"", verdict: LinkVerdict(outcome: .broken, status: 404, detail: "HTTP 404 Not Found"),
            checkedAt: Date(timeIntervalSince1970: 1_795_371_679), elapsedMilliseconds: 5
        )
        let read = try #require(ProgramMessages.read(LinkReport.self, from: result.jsonLine[...]))
        #expect(read == result.report)
        #expect(read.outcome == "broken" && read.status == 404 && read.finalURL == nil)
    }
}
