import DigestLinkCheck
import Foundation
import Testing
import JSONString

@Suite("The JSON line written for each result")
struct LinkResultJSONLineTests {
    @Test("Keys come in the documented order; nulls are written; the time is RFC 3339 in UTC")
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
        #expect(result.jsonLine == #"{"id":12,"url":"https://example.com/a","outcome":"redirected","status":200,"final_url":"https://example.com/b","suggested_url":"https://example.com/b","redirects":1,"detail":"HTTP 200 OK after 1 permanent redirect","checked_at":"2026-11-22T18:21:19Z","elapsed_ms":123}"#)
    }

    @Test("A result without a response has null status and addresses, and the outcome is spelled timed-out")
    func nulls() {
        let result = LinkResult(
            id: 3, url: "https://example.com/", verdict: LinkVerdict(outcome: .timedOut, detail: "timed out after 10 s"),
            checkedAt: Date(timeIntervalSince1970: 0), elapsedMilliseconds: 10_000
        )
        #expect(result.jsonLine == #"{"id":3,"url":"https://example.com/","outcome":"timed-out","status":null,"final_url":null,"suggested_url":null,"redirects":0,"detail":"timed out after 10 s","checked_at":"1970-01-01T00:00:00Z","elapsed_ms":10000}"#)
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
