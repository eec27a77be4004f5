/// One thing wrong with a piece of input: the field, the value, why, and the fix.
package struct ValidationProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// Where the input came from when there are several records: "line 3", "item 2".
    package var location: String?
    package let field: String
    package let value: String?
    package let reason: String
    package let fix: String

    package init(location: String? = nil, field: String, value: String?, reason: String, fix: String) {
        self.location = location
        self.field = field
        self.value = value
        self.reason = reason
        self.fix = fix
    }

    package var description: String {
        var text = location.map { "\($0): " } ?? ""
        text += field
        if let value {
            text += " \(ValidationProblem.quoted(value))"
        }
        text += ": \(reason); \(fix)."
        return text
    }

    /// The value as the user would recognise it: quoted, shortened when long,
    /// with invisible characters made visible.
    private static func quoted(_ value: String) -> String {
        var shown = ""
        var count = 0
        for scalar in value.unicodeScalars {
            if count == 80 { shown += "…"; break }
            switch scalar.value {
            case 0x0A: shown += "\\n"
            case 0x0D: shown += "\\r"
            case 0x09: shown += "\\t"
            case 0x22: shown += "\\\""
            case 0x00..<0x20, 0x7F..<0xA0, 0x200B...0x200F, 0x202A...0x202E, 0x2066...0x2069:
                shown += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: shown.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return "\"\(shown)\""
    }
}
