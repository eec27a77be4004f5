import DigestStorage
import DigestModel
import DigestRendering
/// The opening of an item's paragraph: `Source, Month D YYYY:…` and the text after it.
///
/// Recognised by its shape alone (a source, a comma, three date words, a
/// colon), so that a date the calendar refuses or a misspelt month is still
/// seen as an attribution and reported on, rather than leaving the item unseen.
struct PageAttribution {
    /// Verbatim, trimmed; empty when the line starts with the date.
    let source: Substring
    /// The three date words, joined by single spaces, as `DateParser` reads them.
    let dateText: String
    /// Everything after the colon and its ellipsis, untrimmed.
    let rest: Substring

    /// The first colon that closes a date wins: a source rarely holds a date,
    /// while an excerpt often holds colons and even `:…` of its own.
    init?(reading line: Substring) {
        let scalars = line.unicodeScalars
        var index = scalars.startIndex
        while index != scalars.endIndex {
            if scalars[index] == ":", let found = PageAttribution(line: line, colon: index) {
                self = found
                return
            }
            scalars.formIndex(after: &index)
        }
        return nil
    }

    private init(source: Substring, dateText: String, rest: Substring) {
        self.source = source
        self.dateText = dateText
        self.rest = rest
    }

    /// Reads backwards from the colon, a bounded number of characters, so
    /// trying every colon of a long line stays linear.
    private init?(line: Substring, colon: String.Index) {
        var cursor = BackwardCursor(scalars: line.unicodeScalars, position: colon)
        cursor.skipSpaces()
        guard let year = cursor.word(), Self.isYear(year) else { return nil }
        cursor.skipSpaces()
        cursor.skip(",")
        cursor.skipSpaces()
        guard let second = cursor.word() else { return nil }
        guard cursor.skipSpaces() > 0, let first = cursor.word() else { return nil }
        guard Self.isMonth(first) && Self.isDay(second) || Self.isDay(first) && Self.isMonth(second) else {
            return nil
        }
        cursor.skipSpaces()
        let source: Substring
        if cursor.atStart {
            source = line[line.startIndex..<line.startIndex]
        } else {
            guard cursor.skip(",") else { return nil }
            source = PageText.trimmed(line[line.startIndex..<cursor.position])
        }
        self.init(source: source, dateText: "\(first) \(second) \(year)", rest: line[Self.afterEllipsis(line, colon: colon)...])
    }

    /// `:…`, `:...` and a bare `:` all end the attribution.
    private static func afterEllipsis(_ line: Substring, colon: String.Index) -> String.Index {
        let scalars = line.unicodeScalars
        var index = scalars.index(after: colon)
        while index != scalars.endIndex, scalars[index] == "." || scalars[index] == "\u{2026}" {
            scalars.formIndex(after: &index)
        }
        return index
    }

    private static func isYear(_ word: Substring) -> Bool {
        word.unicodeScalars.count == 4 && word.unicodeScalars.allSatisfy(isDigit)
    }

    /// `7`, `07`, `7th`: the forms `DateParser` reads.
    private static func isDay(_ word: Substring) -> Bool {
        let digits = word.unicodeScalars.prefix(while: isDigit).count
        guard (1...2).contains(digits) else { return false }
        let suffix = String(word.unicodeScalars.dropFirst(digits)).lowercased()
        return ["", "st", "nd", "rd", "th"].contains(suffix)
    }

    /// A month name, its abbreviation, or a word close enough to one that the
    /// page most probably meant it.
    private static func isMonth(_ word: Substring) -> Bool {
        let scalars = word.unicodeScalars
        let letters = scalars.last == "." ? scalars.dropLast() : scalars
        guard letters.count >= 3, letters.allSatisfy({ $0.isASCII && $0.properties.isAlphabetic }) else { return false }
        let text = String(word)
        return MonthName.number(of: text) != nil || MonthName.nearest(to: text) != nil
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar >= "0" && scalar <= "9"
    }
}
