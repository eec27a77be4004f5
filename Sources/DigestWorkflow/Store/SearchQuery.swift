import DigestStorage
import DigestModel
import DigestRendering
/// Turns what a user types into a safe FTS5 query.
///
/// FTS5 has its own syntax (quotes, `*`, `^`, `AND`/`OR`/`NOT`, column
/// filters, parentheses), and a stray operator is a syntax error. Here every
/// word becomes a quoted string, so no input can be read as syntax; words are
/// all required; `"two words"` stays a phrase and a trailing `*` searches by
/// prefix.
package enum SearchQuery {
    package static func fts(from text: String) -> String? {
        var terms: [String] = []
        var remaining = Substring(text)
        while let first = remaining.firstIndex(where: { !$0.isWhitespace }) {
            remaining = remaining[first...]
            var word: Substring
            if remaining.first == "\"" {
                let body = remaining.dropFirst()
                let close = body.firstIndex(of: "\"") ?? body.endIndex
                word = body[..<close]
                remaining = close < body.endIndex ? body[body.index(after: close)...] : ""
            } else {
                let end = remaining.firstIndex(where: \.isWhitespace) ?? remaining.endIndex
                word = remaining[..<end]
                remaining = remaining[end...]
            }
            let prefix = word.hasSuffix("*")
            while word.hasSuffix("*") { word = word.dropLast() }
            guard word.contains(where: { $0.isLetter || $0.isNumber }) else { continue }
            let quoted = "\"" + word.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
            terms.append(prefix ? quoted + "*" : quoted)
        }
        return terms.isEmpty ? nil : terms.joined(separator: " AND ")
    }
}
