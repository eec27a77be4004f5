/// Colour for terminal output, as ANSI SGR sequences, or plain text when
/// colour is off. Commands mark what a thing *is* (a status, an addition, an
/// error); the style decides whether that shows.
struct TextStyle: Sendable {
    let enabled: Bool

    static let plain = TextStyle(enabled: false)

    enum Tone: String, Sendable {
        case good = "32"          // green: approved, published, ok, added lines
        case attention = "33"     // yellow: pending, in review, warnings, changed lines
        case bad = "31"           // red: rejected, broken, errors, removed lines
        case quiet = "2"          // dim: drafts, secondary detail
        case strong = "1"         // bold: headings
    }

    func apply(_ tone: Tone, _ text: String) -> String {
        guard enabled, !text.isEmpty else { return text }
        return "\u{1B}[\(tone.rawValue)m\(text)\u{1B}[0m"
    }

    /// The tone of a status or outcome word digest prints, if it has one.
    static func tone(of word: String) -> Tone? {
        switch word {
        case "approved", "published", "ok": return .good
        case "pending", "in-review", "redirected", "deferred": return .attention
        case "rejected", "broken", "unreachable", "timed-out", "problem": return .bad
        case "draft": return .quiet
        default: return nil
        }
    }

    /// A status word in its colour: `published (ed. 2)` colours `published`.
    func status(_ text: String) -> String {
        let word = text.prefix { $0 != " " }
        guard let tone = TextStyle.tone(of: String(word)) else { return text }
        return apply(tone, String(word)) + text.dropFirst(word.count)
    }

    /// A `diff` line: `+` added, `-` removed, `~` changed.
    func diffLine(_ line: String) -> String {
        switch line.first {
        case "+": return apply(.good, line)
        case "-": return apply(.bad, line)
        case "~": return apply(.attention, line)
        default: return line
        }
    }

    /// Standard error's lines with their `digest: error:` and `digest: warning:` marks in colour.
    func messages(_ text: String) -> String {
        guard enabled, !text.isEmpty else { return text }
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("digest: error:") {
                lines.append(apply(.bad, "digest: error:") + line.dropFirst("digest: error:".count))
            } else if line.hasPrefix("digest: warning:") {
                lines.append(apply(.attention, "digest: warning:") + line.dropFirst("digest: warning:".count))
            } else {
                lines.append(String(line))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// How colour is chosen: `--color auto|always|never`, `NO_COLOR`, and
    /// whether the stream is a terminal. `--json` never colours.
    static func choose(option: String?, environment: [String: String], isTerminal: Bool, json: Bool) -> TextStyle {
        if json { return .plain }
        switch option {
        case "always": return TextStyle(enabled: true)
        case "never": return .plain
        default:
            let noColour = !(environment["NO_COLOR"] ?? "").isEmpty
            let dumb = environment["TERM"] == "dumb"
            return TextStyle(enabled: isTerminal && !noColour && !dumb)
        }
    }

    static let colourChoices = ["auto", "always", "never"]
}
