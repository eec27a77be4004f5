import Foundation

extension LinkResult {
    /// The result as one line of JSON, keys in a fixed order so that output is
    /// stable and easy to read in a terminal (`JSONEncoder` only sorts
    /// alphabetically), with no escaped slashes in URLs.
    package var jsonLine: String {
        let fields: [(String, String)] = [
            ("id", String(id)),
            ("url", url.jsonQuoted),
            ("outcome", verdict.outcome.rawValue.jsonQuoted),
            ("status", verdict.status.map { String($0) } ?? "null"),
            ("final_url", verdict.finalURL?.jsonQuoted ?? "null"),
            ("suggested_url", verdict.suggestedURL?.jsonQuoted ?? "null"),
            ("redirects", String(verdict.redirects)),
            ("detail", verdict.detail.jsonQuoted),
            ("checked_at", checkedAt.formatted(.iso8601).jsonQuoted),
            ("elapsed_ms", String(elapsedMilliseconds)),
        ]
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }
}
