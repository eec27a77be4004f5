import DigestStorage
import DigestModel
import DigestRendering
/// A non-blank line of a page, trimmed, with what its shape says it is.
struct PageLine {
    enum Kind {
        /// `Posted on: …`, with what follows the colon, trimmed (maybe empty).
        case postedOn(Substring)
        /// `Source, Month D YYYY:… excerpt`.
        case attribution(PageAttribution)
        /// A title, a header line, or more of a paragraph.
        case text
    }

    /// 1-based.
    let number: Int
    let text: Substring
    /// The line above is not blank: this line continues the same paragraph.
    let continuesAbove: Bool
    let kind: Kind

    init(number: Int, text: Substring, continuesAbove: Bool) {
        self.number = number
        self.text = text
        self.continuesAbove = continuesAbove
        if let value = Self.postedOnValue(text) {
            kind = .postedOn(value)
        } else if let attribution = PageAttribution(reading: text) {
            kind = .attribution(attribution)
        } else {
            kind = .text
        }
    }

    var isPostedOn: Bool {
        if case .postedOn = kind { return true }
        return false
    }

    var isAttribution: Bool {
        if case .attribution = kind { return true }
        return false
    }

    /// `Posted on:` in any case, with any spacing before the colon. Without
    /// the colon the line counts only when a date follows, so that a title
    /// such as "Posted on the harbour wall" stays a title.
    private static func postedOnValue(_ text: Substring) -> Substring? {
        let label = "posted on"
        guard text.prefix(label.count).lowercased() == label else { return nil }
        let rest = text.dropFirst(label.count)
        let value = rest.drop { $0.unicodeScalars.allSatisfy(\.properties.isWhitespace) }
        if value.first == ":" { return PageText.trimmed(value.dropFirst()) }
        if value.isEmpty { return value }
        guard value.startIndex != rest.startIndex,
              case .success = DateParser.parseLeniently(String(value)) else { return nil }
        return value
    }
}
