/// `mail.command` as words, the way a shell splits a simple command line:
/// spaces separate words, and '…' or "…" quote spaces (a backslash escapes
/// the next character outside single quotes). Nothing else is interpreted:
/// the command is run directly, never through a shell, so no variable,
/// glob or `;` in it can do anything.
package enum MailCommandLine {
    package static let defaultCommand = ["sendmail", "-t", "-oi"]

    package struct Problem: Error, Equatable {
        package let reason: String
    }

    package static func split(_ line: String) -> Result<[String], Problem> {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
                continue
            }
            if let open = quote {
                if character == open {
                    quote = nil
                } else if character == "\\" && open == "\"" {
                    escaped = true
                } else {
                    current.append(character)
                }
                continue
            }
            switch character {
            case " ", "\t":
                if inWord { words.append(current) }
                current = ""
                inWord = false
            case "'", "\"":
                quote = character
                inWord = true
            case "\\":
                escaped = true
                inWord = true
            default:
                if character.isNewline { return .failure(Problem(reason: "it holds a line break")) }
                current.append(character)
                inWord = true
            }
        }
        if quote != nil { return .failure(Problem(reason: "a quote is never closed")) }
        if escaped { return .failure(Problem(reason: "it ends with a backslash")) }
        if inWord { words.append(current) }
        return .success(words)
    }
}
