import DigestStorage
import DigestModel
import DigestRendering
/// The publication's header: the lines above the first item.
///
/// Scraped headers vary (an `Author:` line or not, the name repeated, an
/// about paragraph, contact lines), so each part is optional.
struct ParsedPageHeader {
    var publicationName: String?
    var about: String?
    var contactLines: [String] = []

    /// Labels of contact lines: `Email: …`, `Twitter: …` and the like.
    private static let contactLabels: Set<String> = [
        "email", "e-mail", "mail", "contact", "website", "web", "site", "homepage", "url",
        "twitter", "x", "mastodon", "bluesky", "facebook", "instagram", "linkedin", "youtube",
        "telegram", "threads", "rss", "feed", "phone", "telephone", "tel", "fax", "address",
    ]

    init(lines: [PageLine]) {
        var rest: [PageLine] = []
        for line in lines {
            if let value = Self.value(of: line.text, labelled: { $0 == "author" }) {
                if publicationName == nil, !value.isEmpty { publicationName = String(value) }
            } else if Self.value(of: line.text, labelled: { Self.contactLabels.contains($0) }) != nil {
                contactLines.append(String(line.text))
            } else {
                rest.append(line)
            }
        }
        // Without an `Author:` line, the name is the header's first short line
        // that does not read like a sentence.
        if publicationName == nil, let first = rest.first(where: { Self.looksLikeName($0.text) }) {
            publicationName = String(first.text)
        }
        // The name is often repeated under the `Author:` line; it is not about text.
        let name = publicationName?.lowercased()
        rest.removeAll { $0.text.lowercased() == name }
        about = Self.paragraphs(of: rest)
    }

    /// What follows `Label:` when the label passes the test, trimmed.
    private static func value(of text: Substring, labelled accepts: (String) -> Bool) -> Substring? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let label = PageText.trimmed(text[..<colon]).lowercased()
        guard label.count <= 16, accepts(label) else { return nil }
        return PageText.trimmed(text[text.index(after: colon)...])
    }

    private static func looksLikeName(_ text: Substring) -> Bool {
        guard text.prefix(81).count <= 80, let last = text.last else { return false }
        return !".!?:;,".contains(last)
    }

    /// Lines that follow one another form a paragraph (joined by a space, as
    /// they were wrapped); paragraphs are kept apart by a blank line.
    private static func paragraphs(of lines: [PageLine]) -> String? {
        var paragraphs: [String] = []
        for line in lines {
            if line.continuesAbove, let last = paragraphs.popLast() {
                paragraphs.append(last + " " + line.text)
            } else {
                paragraphs.append(String(line.text))
            }
        }
        return paragraphs.isEmpty ? nil : paragraphs.joined(separator: "\n\n")
    }
}
