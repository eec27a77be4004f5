import Foundation

/// The rules every text field follows: NFC, trimmed, no control characters
/// (newlines only where a field may have several lines), a length limit.
package struct TextRules: Sendable {
    package let maximumLength: Int
    package let multiline: Bool

    package static let title = TextRules(maximumLength: 300, multiline: false)
    package static let source = TextRules(maximumLength: 300, multiline: false)
    package static let author = TextRules(maximumLength: 200, multiline: false)
    package static let section = TextRules(maximumLength: 100, multiline: false)
    package static let linkText = TextRules(maximumLength: 300, multiline: false)
    package static let issueTitle = TextRules(maximumLength: 300, multiline: false)
    package static let note = TextRules(maximumLength: 2000, multiline: true)

    package static func excerpt(limit: Int) -> TextRules {
        TextRules(maximumLength: limit, multiline: true)
    }

    package struct Problem: Error, Equatable, Sendable {
        package let reason: String
        package let fix: String
    }

    /// The stored form of `raw`: NFC, surrounding white space removed, line
    /// breaks as LF. Empty means absent.
    package func normalise(_ raw: String) -> String {
        var text = raw.trimmingWhitespace()
        if multiline, text.utf8.contains(0x0D) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return NFC.normalise(text)
    }

    /// What is wrong with an already normalised value, if anything.
    package func problem(with text: String) -> Problem? {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A where multiline:
                continue
            case 0x0A, 0x0D, 0x2028, 0x2029:
                return Problem(reason: "it has a line break", fix: "keep it on one line")
            case 0x09:
                return Problem(reason: "it has a tab character", fix: "replace tabs with spaces")
            case 0x00..<0x20, 0x7F..<0xA0:
                return Problem(reason: "it has a control character (U+\(Self.hex(scalar)))",
                               fix: "remove it; only \(multiline ? "line breaks are" : "printable text is") allowed")
            default:
                continue
            }
        }
        // A string has no more characters than UTF-8 bytes: only long ones need counting.
        guard text.utf8.count > maximumLength else { return nil }
        let length = text.count
        if length > maximumLength {
            return Problem(reason: "it is \(length) characters long, over the limit of \(maximumLength)",
                           fix: "shorten it to at most \(maximumLength) characters")
        }
        return nil
    }

    /// A scalar's code point as it is written after `U+`: at least four hex digits.
    package static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
