import DigestStorage
import DigestModel
import DigestRendering
/// Reads a digest page, as text scraped from a publication's website, into
/// its header and items.
///
/// The shape it reads:
///
///     Author: Lighthouse Notes          (header: optional, any of these lines)
///     Lighthouse Notes
///     A weekly digest about …
///     Email: desk@example.org
///
///     Title of the item
///     Posted on: 2021/03/04             (optional; may be blank)
///     Source, Place, March 3 2021:… excerpt … Title of the item
///
/// A page is history: it is read as it is, with guesses reported as warnings
/// (a misspelt month), and refused only when an item cannot be read at all.
/// The work is one pass over the lines, each line examined a bounded number
/// of times, so the time grows with the size of the page and no more.
package enum PageParser {
    static let itemShape = "an item is a title line followed by 'Posted on: YYYY/MM/DD' and a paragraph 'Source, Month D YYYY:… excerpt'"
    static let attributionShape = "write it as 'Source, Month D YYYY:… excerpt' (also 'Mon D, YYYY' or 'D Month YYYY')"

    /// The page's header and items, or every problem that prevents reading it.
    package static func parse(_ text: String) throws(PageParseFailure) -> ParsedPage {
        let (rawLines, oddities) = PageText.lines(of: text)
        if oddities.looksBinary {
            throw PageParseFailure(problems: [PageProblem(
                line: oddities.firstSuspiciousLine,
                reason: "the file does not look like text: \(oddities.suspicious) of its \(oddities.characters) characters are control characters or bytes that are not UTF-8",
                fix: "save the page as plain UTF-8 text and import that file")])
        }
        var reader = ArchivePageReader(lines: significantLines(rawLines))
        reader.read()
        if reader.problems.isEmpty, reader.items.isEmpty {
            reader.problems.append(PageProblem(line: nil, reason: "no item found", fix: itemShape))
        }
        guard reader.problems.isEmpty else { throw PageParseFailure(problems: reader.problems) }
        let header = ParsedPageHeader(lines: reader.headerLines)
        return ParsedPage(publicationName: header.publicationName, about: header.about,
                          contactLines: header.contactLines, items: reader.items, warnings: reader.warnings)
    }

    /// The non-blank lines, trimmed, each knowing whether a blank line stands above it.
    private static func significantLines(_ rawLines: [PageText.RawLine]) -> [PageLine] {
        var lines: [PageLine] = []
        var previousWasBlank = true
        for raw in rawLines {
            let text = PageText.trimmed(raw.text)
            if text.isEmpty {
                previousWasBlank = true
                continue
            }
            lines.append(PageLine(number: raw.number, text: text, continuesAbove: !previousWasBlank))
            previousWasBlank = false
        }
        return lines
    }
}
