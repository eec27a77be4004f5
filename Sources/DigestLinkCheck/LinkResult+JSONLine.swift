import Foundation
import JSONString

extension LinkResult {
    /// The result as one line of JSON, keys in a fixed order so that output is
    /// stable and easy to read in a terminal (`JSONEncoder` only sorts
    /// alphabetically), with no escaped slashes in URLs.
    package var jsonLine: String {
        let fields: [(String, String)] = [
            ("id", String(id)),
            ("url", JSONString.quoted(url)),
            ("outcome", JSONString.quoted(verdict.outcome.rawValue)),
            ("status", verdict.status.map { String($0) } ?? "null"),
            ("final_url", verdict.finalURL.map(JSONString.quoted) ?? "null"),
            ("suggested_url", verdict.suggestedURL.map(JSONString.quoted) ?? "null"),
            ("redirects", String(verdict.redirects)),
            ("detail", JSONString.quoted(verdict.detail)),
            ("checked_at", JSONString.quoted(checkedAt.formatted(.iso8601))),
            ("elapsed_ms", String(elapsedMilliseconds)),
        ]
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }
}
