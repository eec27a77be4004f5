import DigestStorage
import DigestModel
import DigestRendering
/// Low-level reading of a page's text: lines, blank lines, trimming, and
/// whether the input is text at all.
///
/// Everything here walks the text once, byte by byte or scalar by scalar,
/// so a page of several megabytes costs time in proportion to its size.
enum PageText {
    /// A physical line with its 1-based number, without its line break.
    struct RawLine {
        let number: Int
        let text: Substring
    }

    /// What the byte scan found that text does not hold.
    struct Oddities {
        /// Characters (counted by their first byte) in the whole page.
        var characters = 0
        /// Control characters other than tab and line breaks, and U+FFFD,
        /// which is what undecodable bytes become.
        var suspicious = 0
        var hasNull = false
        var firstSuspiciousLine: Int?

        /// Real pages are text: a NUL or more than 2 % of odd characters means
        /// the file is binary, or not UTF-8, and reading items out of it
        /// would only produce noise.
        var looksBinary: Bool { hasNull || suspicious * 50 > characters }
    }

    /// Splits at LF, CRLF and lone CR (old Mac files), and counts oddities on
    /// the way. A leading byte order mark is dropped.
    static func lines(of text: String) -> (lines: [RawLine], oddities: Oddities) {
        let utf8 = text.utf8
        var lines: [RawLine] = []
        var oddities = Oddities()
        var start = utf8.startIndex
        if utf8.starts(with: [0xEF, 0xBB, 0xBF]) {
            start = utf8.index(start, offsetBy: 3)
        }
        var index = start
        var number = 1
        // The last three bytes, to spot U+FFFD (EF BF BD) without decoding.
        var previous: (UInt8, UInt8) = (0, 0)
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x0A || byte == 0x0D {
                lines.append(RawLine(number: number, text: text[start..<index]))
                number += 1
                var next = utf8.index(after: index)
                if byte == 0x0D, next != utf8.endIndex, utf8[next] == 0x0A {
                    next = utf8.index(after: next)
                }
                oddities.characters += 1
                start = next
                index = next
                previous = (0, 0)
                continue
            }
            if byte & 0xC0 != 0x80 { oddities.characters += 1 }
            let isControl = byte < 0x20 && byte != 0x09 || byte == 0x7F
            let isReplacement = previous == (0xEF, 0xBF) && byte == 0xBD
            if isControl || isReplacement {
                oddities.suspicious += 1
                if byte == 0 { oddities.hasNull = true }
                if oddities.firstSuspiciousLine == nil { oddities.firstSuspiciousLine = number }
            }
            previous = (previous.1, byte)
            index = utf8.index(after: index)
        }
        if start != utf8.endIndex || lines.isEmpty {
            lines.append(RawLine(number: number, text: text[start..<utf8.endIndex]))
        }
        return (lines, oddities)
    }

    /// Without leading and trailing white space, non-breaking spaces included:
    /// scraped pages pad lines with U+00A0.
    static func trimmed(_ text: Substring) -> Substring {
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start != end, scalars[start].properties.isWhitespace {
            scalars.formIndex(after: &start)
        }
        while start != end {
            let last = scalars.index(before: end)
            guard scalars[last].properties.isWhitespace else { break }
            end = last
        }
        return text[start..<end]
    }

    /// At most `limit` characters, with `…` when cut: long enough to find the
    /// line again, short enough for a message.
    static func quoted(_ text: some StringProtocol, limit: Int = 60) -> String {
        guard text.prefix(limit + 1).count > limit else { return "'\(text)'" }
        return "'\(text.prefix(limit))…'"
    }
}
