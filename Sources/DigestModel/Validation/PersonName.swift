/// The rule for people's names (actors and `people.NAME`): printable text a
/// terminal shows as it is, so a name can neither hide nor fake output.
package enum PersonName {
    package static let maximumLength = 100

    /// Why `name` (already trimmed) cannot name a person, if it cannot.
    package static func problem(with name: String) -> TextRules.Problem? {
        guard !name.isEmpty else {
            return TextRules.Problem(reason: "it is empty", fix: "give a name of printable characters")
        }
        guard name.count <= maximumLength else {
            return TextRules.Problem(reason: "it is \(name.count) characters long",
                                     fix: "give a name of at most \(maximumLength) characters")
        }
        guard !name.hasPrefix("-") else {
            return TextRules.Problem(reason: "it starts with '-'", fix: "give a name that starts with a letter or digit")
        }
        for scalar in name.unicodeScalars where !isPrintable(scalar) {
            return TextRules.Problem(
                reason: "it holds U+\(TextRules.hex(scalar)), which is not a printable character",
                fix: "give a name of letters, digits, spaces and punctuation only")
        }
        return nil
    }

    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned,
             .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return true
        }
    }
}
