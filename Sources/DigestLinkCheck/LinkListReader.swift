import DigestHTTP
import DigestLinkOptions
import Foundation
import JSONString
import ProgramMessages

/// Reads the input: JSON Lines, one `{"id": 12, "url": "https://…"}` a line.
///
/// Every bad line is reported, with its number, before anything is checked,
/// so that one run shows all there is to correct. Blank lines are skipped.
package enum LinkListReader {
    private static let example = #"{"id": 12, "url": "https://example.com/"}"#

    package static func links(from data: Data) throws(LinkCheckError) -> [Link] {
        var links: [Link] = []
        var problems: [String] = []
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (offset, line) in lines.enumerated() {
            if let problem = read(Data(line), into: &links) {
                problems.append("line \(offset + 1): \(problem)")
            }
        }
        guard problems.isEmpty else { throw .invalidInput(problems) }
        return links
    }

    /// Appends the line's link, if it holds one, or returns what is wrong with it.
    private static func read(_ line: Data, into links: inout [Link]) -> String? {
        guard let text = String(data: line, encoding: .utf8) else {
            return "not valid UTF-8 text"
        }
        guard !text.allSatisfy(\.isWhitespace) else { return nil }
        let decoded: LinkQuestion
        do {
            decoded = try JSONDecoder().decode(LinkQuestion.self, from: line)
        } catch let error as DecodingError {
            return message(for: error)
        } catch {
            return "not valid JSON; each line must be an object such as \(example)"
        }
        guard let link = Link(id: decoded.id, url: decoded.url) else {
            return "\"url\" must be an absolute http or https address with a host, not \(JSONString.quoted(decoded.url))"
        }
        links.append(link)
        return nil
    }

    private static func message(for error: DecodingError) -> String {
        let key: String?
        switch error {
        case .keyNotFound(let missing, _):
            return missing.stringValue == "id"
                ? "\"id\" is missing; give the item's id, as in \(example)"
                : "\"url\" is missing; give the link to check, as in \(example)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            key = context.codingPath.first?.stringValue
        @unknown default:
            key = nil
        }
        switch key {
        case "id": return "\"id\" must be a whole number, the item's id, as in \(example)"
        case "url": return "\"url\" must be a string holding an http or https address, as in \(example)"
        default:
            if case .typeMismatch = error {
                return "not a JSON object; each line must be an object such as \(example)"
            }
            return "not valid JSON; each line must be an object such as \(example)"
        }
    }
}
