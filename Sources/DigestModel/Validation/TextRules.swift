import Foundation

/// The rules every text field follows: NFC, trimmed, no control characters
/// (newlines only where a field may have several lines), a length limit.
package struct TextRules: Sendable {
    package let maximumLength: Int
    package let multiline: Bool
    /// Refuse text that can show readers something other than what it holds:
    /// bidi controls and invisible format characters (see `hiddenTextProblem`).
    package var refusesHiddenText = true

    package static let title = TextRules(maximumLength: 300, multiline: false)
    package static let source = TextRules(maximumLength: 300, multiline: false)
    package static let author = TextRules(maximumLength: 200, multiline: false)
    package static let section = TextRules(maximumLength: 100, multiline: false)
    package static let linkText = TextRules(maximumLength: 300, multiline: false)
    package static let issueTitle = TextRules(maximumLength: 300, multiline: false)
    package static let intro = TextRules(maximumLength: 2000, multiline: true)
    package static let note = TextRules(maximumLength: 2000, multiline: true, refusesHiddenText: false)
    /// The inbox preview: one line; clients show about 90 to 140 characters.
    package static let preheader = TextRules(maximumLength: 250, multiline: false)

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
        if multiline, text.containsByte(0x0D) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return NFC.normalise(text)
    }

    /// What is wrong with an already normalised value, if anything.
    package func problem(with text: String) -> Problem? {
        if refusesHiddenText, let problem = Self.hiddenTextProblem(in: text) { return problem }
        if Self.mayHaveBreaksOrControls(text, multiline: multiline), let problem = breakOrControlProblem(in: text) {
            return problem
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

    /// The first line break, tab or control character the field may not hold.
    private func breakOrControlProblem(in text: String) -> Problem? {
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
        return nil
    }

    /// Whether `text` may hold what `breakOrControlProblem` looks for, on
    /// its bytes: one below a space (a line feed only where it is not
    /// allowed), DEL, a C1 control (C2 80–9F) or U+2028/U+2029 (E2 80 A8–A9).
    /// Most text has none, and is not walked scalar by scalar.
    private static func mayHaveBreaksOrControls(_ text: String, multiline: Bool) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while true {
                index = ByteLanes.skipASCII(bytes, from: index, printable: true)
                guard index < bytes.count else { break }
                let byte = bytes[index]
                if byte < 0x20 || byte == 0x7F {
                    if !(multiline && byte == 0x0A) { return true }
                } else if byte == 0xC2 || byte == 0xE2 {
                    if index + 1 < bytes.count, byte == 0xC2 ? (0x80...0x9F).contains(bytes[index + 1])
                        : bytes[index + 1] == 0x80 && index + 2 < bytes.count && (0xA8...0xA9).contains(bytes[index + 2]) {
                        return true
                    }
                }
                index += 1
            }
            return false
        }
    }

    /// Text that would show something other than what it holds: bidi
    /// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069),
    /// which turn "Invoice\u{202E}gpj.exe" into "Invoice exe.jpg", and
    /// invisible characters (U+FEFF, U+2060, and U+200B–U+200D unless they sit
    /// between two non-ASCII letters, marks or symbols, where scripts and emoji
    /// need joiners). The offset counts characters from 1.
    package static func hiddenTextProblem(in text: String) -> Problem? {
        guard mayHaveHiddenText(text) else { return nil }
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let value = scalar.value
            let bidi = (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
            let invisible = value == 0xFEFF || value == 0x2060
                || ((0x200B...0x200D).contains(value) && !isJoining(scalars, at: index))
            if bidi || invisible {
                // The character (grapheme) position a person would count to.
                let offset = text[..<text.unicodeScalars.index(text.unicodeScalars.startIndex, offsetBy: index)].count + 1
                let name = scalar.properties.name.map { " (\($0))" } ?? ""
                return Problem(
                    reason: "it has U+\(hex(scalar))\(name) at character \(offset), "
                        + (bidi ? "which reorders the text around it so that it reads differently than it is"
                                : "which is invisible and can hide or disguise what the text says"),
                    fix: "remove it (retype the text if you pasted it)")
            }
        }
        return nil
    }

    /// Whether `text` holds one of the characters `hiddenTextProblem` looks
    /// at, on its bytes: U+200B–U+200D and U+202A–U+202E (E2 80 8B–8D, AA–AE),
    /// U+2060 and U+2066–U+2069 (E2 81 A0, A6–A9), U+FEFF (EF BB BF). Text
    /// full of dashes and ellipses (E2 80 93, A6) has none of them.
    private static func mayHaveHiddenText(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index + 2 < bytes.count {
                guard bytes[index] >= 0xE2 else {
                    index = ByteLanes.skipASCII(bytes, from: index + 1)
                    continue
                }
                switch (bytes[index], bytes[index + 1], bytes[index + 2]) {
                case (0xE2, 0x80, 0x8B...0x8D), (0xE2, 0x80, 0xAA...0xAE), (0xE2, 0x81, 0xA0), (0xE2, 0x81, 0xA6...0xA9),
                     (0xEF, 0xBB, 0xBF):
                    return true
                default:
                    index += 1
                }
            }
            return false
        }
    }

    /// A zero-width joiner or non-joiner between two non-ASCII letters,
    /// marks or symbols: Indic and Arabic scripts and emoji sequences.
    private static func isJoining(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index > 0, index + 1 < scalars.count else { return false }
        func joins(_ scalar: Unicode.Scalar) -> Bool {
            guard !scalar.isASCII else { return false }
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .nonspacingMark, .spacingMark, .enclosingMark, .otherSymbol, .modifierSymbol:
                return true
            default:
                return false
            }
        }
        return joins(scalars[index - 1]) && joins(scalars[index + 1])
    }

    /// A scalar's code point as it is written after `U+`: at least four hex digits.
    package static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
